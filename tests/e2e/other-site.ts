import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A page served from another site (127.0.0.2: in Chromium, a frame of another process), let through the fixture that keeps
 * the browser off every other host; `close` ends it.
 */
export async function serveOtherSite(context: import('@playwright/test').BrowserContext, html: string) {
  const other = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((done) => other.listen(0, '127.0.0.2', done));
  const origin = `http://127.0.0.2:${(other.address() as AddressInfo).port}`;
  await context.route((url) => url.origin === origin, (route) => route.continue());
  const close = async () => {
    other.closeAllConnections();
    await new Promise((done) => other.close(done));
  };
  return { origin, close };
}

import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { basename, join, resolve } from 'node:path';
import { renderDemoPage } from './demo-page';
import { withoutScripts } from './saved-page-html';

export const SHARED_PAGES_DIR = resolve('../shared/pages');
const FIXTURES_DIR = resolve('tests/fixtures');
const HTML = 'text/html; charset=utf-8';

export interface PageServer {
  origin: string;
  /**
   * Serves `body` at `path` until the server closes, as HTML unless `type` says otherwise: tests build pages on the fly.
   * Not to be stored (`no-store`) unless `cacheable`: Firefox keeps no such page in its back/forward cache.
   */
  route: (path: string, body: string, type?: string, options?: { cacheable?: boolean }) => void;
  /** How many requests reached `path` so far: what a page loaded out of the test's sight asked for (a prerendered one). */
  requested: (path: string) => number;
  close: () => Promise<void>;
}

/**
 * Serves test and demo pages on 127.0.0.1 (content scripts do not run on data: or
 * setContent pages): `/demo` is the story's article as a news page, `/fixtures/X`
 * a file of tests/fixtures, `/shared/X` a saved news page from ../shared/pages
 * and `/static/X` the same page without its scripts.
 */
export async function startPageServer(port = 0): Promise<PageServer> {
  const routes = new Map<string, { body: string; type: string; cacheable?: boolean }>();
  const sockets = new Set<Socket>();
  const requests = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const routed = routes.get(path);
    const html = routed ? undefined : fileFor(path);
    if (!routed && html === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': routed?.type ?? HTML, 'cache-control': routed?.cacheable ? 'no-cache' : 'no-store' }).end(routed?.body ?? html);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    route: (path, body, type = HTML, options = {}) => routes.set(path, { body, type, ...options }),
    requested: (path) => requests.get(path) ?? 0,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}

function fileFor(path: string): string | undefined {
  if (path === '/' || path === '/demo') return renderDemoPage();
  const [, folder, name] = path.split('/');
  if (!name || name !== basename(name)) return undefined;
  const dir = folder === 'fixtures' ? FIXTURES_DIR : folder === 'shared' || folder === 'static' ? SHARED_PAGES_DIR : undefined;
  const file = dir && join(dir, name);
  if (!file || !existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8');
  // `/static/X`: what the browser sees is exactly what a Node DOM parses.
  return folder === 'static' ? withoutScripts(html) : html;
}

/** A Playwright worker fixture: one page server for all the tests of a worker. */
export const pageServerFixture: [
  (args: object, use: (server: PageServer) => Promise<void>) => Promise<void>,
  { scope: 'worker' },
] = [
  // eslint-disable-next-line no-empty-pattern
  async ({}, use) => {
    const server = await startPageServer();
    await use(server);
    await server.close();
  },
  { scope: 'worker' },
];

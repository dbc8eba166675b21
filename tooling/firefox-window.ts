import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

/** `npm run build:firefox` makes it. */
export const FIREFOX_BUILD_DIR = resolve('.output/firefox-mv3');

/**
 * Firefox with the extension installed, whose browser window's own
 * (privileged) scope can be driven: WebDriver BiDi refuses to navigate a tab
 * to a moz-extension:// page, but with `--remote-allow-system-access` it
 * evaluates script in the browser window, which reaches what only the browser
 * holds (the toolbar's popup and badge, the extension's background).
 */
export async function launchFirefoxWithWindowAccess(
  executablePath: string,
  build: string,
  prefs: Record<string, unknown> = {},
): Promise<{ browser: Browser; extensionId: string }> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs,
  });
  try {
    return { browser, extensionId: await browser.installExtension(build) };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

interface BiDiResult {
  type: string;
  result?: { value?: unknown };
}

/** The value of `expression` (awaited) in the browser window's scope. */
export async function inBrowserWindow(browser: Browser, expression: string): Promise<unknown> {
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: BiDiResult }> } }).connection;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as unknown as { result: { contexts: { context: string }[] } };
  const context = tree.result.contexts[0]!.context;
  const { result } = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
  if (result.type !== 'success') throw new Error(`In the browser window: ${JSON.stringify(result)}`);
  return result.result?.value;
}

/**
 * Stops the extension's background (its event page), as Firefox does after
 * 30 s idle, and from then notes, on the wall clock, when it has started again
 * and runs (backgroundStartedAt).
 */
export async function stopBackground(browser: Browser, extensionId: string): Promise<void> {
  const state = await inBrowserWindow(
    browser,
    `(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(extensionId)});
      await extension.terminateBackground({ ignoreDevToolsAttached: true });
      globalThis.backstoryBackgroundStartedAt = null;
      extension.once('background-script-started', () => (globalThis.backstoryBackgroundStartedAt = Date.now()));
      return extension.backgroundState;
    })()`,
  );
  if (state !== 'stopped') throw new Error(`The extension's background is ${String(state)}, not stopped`);
}

/** When the background stopped by stopBackground ran again (ms since the epoch); null while it has not. */
export async function backgroundStartedAt(browser: Browser): Promise<number | null> {
  const at = await inBrowserWindow(browser, 'globalThis.backstoryBackgroundStartedAt ?? null');
  return typeof at === 'number' ? at : null;
}

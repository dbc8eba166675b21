import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { importScript } from './import-script';

/**
 * Where a script goes: a frame of a tab, or, where the browser names documents
 * (Chrome), the document that asked. A frame that navigated since its request
 * then gets nothing: its next document asks for itself.
 */
export type InjectTarget = { tabId: number; frameIds: [number] } | { tabId: number; documentIds: [string] };

/** One frame of a tab. */
export function frameTarget(tabId: number, frameId: number): InjectTarget {
  return { tabId, frameIds: [frameId] };
}

/**
 * Firefox compiles an injected file of over 5,000 characters off the main
 * thread already (ChromeUtils.compileScript) and keeps it compiled for the
 * next page (its content-script cache): a module would gain nothing there, and
 * would need the files offered to every page. Its background injects files;
 * only a top frame's script on every page imports the annotator itself
 * (request-annotator.ts), so as not to wait for the background.
 */
const IMPORTS_MODULES = !import.meta.env.FIREFOX;

/**
 * Puts a script into one frame of a tab (or its document) unless it is there already: a second
 * copy would run beside the first (the page read twice, its events heard twice), as nothing stops the
 * first (extension/script-context.ts). Whether it is there is asked in the content
 * scripts' world, where each script marks itself with `marker` (a Symbol.for key).
 *
 * With `module`, the script is first imported as a module, in the same call
 * that asks whether it is there. Chromium then
 * compiles it on a background thread as it streams in; a file injected as a
 * script is compiled on the page's main thread first, a frozen frame of some
 * 30 ms for the card's 290 KB on a slow machine. The script must be a
 * web-accessible resource. With `startKey`, the injection ends once the start
 * the script leaves there settles (extension/script-start.ts), as an injected
 * file's ends once the promise it ends with settles. Where the import is
 * refused, the file is injected as before. Not in Firefox (IMPORTS_MODULES).
 *
 * Whether it injected the file: false where the script was there already, or
 * came in as a module.
 */
export async function injectOnce(
  target: InjectTarget,
  file: ScriptPublicPath,
  marker: string,
  how: { module?: boolean; startKey?: string } = {},
): Promise<boolean> {
  if (how.module && IMPORTS_MODULES) {
    // One call, which looks for the marker itself: each call is a round trip between the worker and the page,
    // which held the first highlights back by about 20 ms on a slow machine.
    if (await importInFrame(target, file, marker, how.startKey)) return false;
  } else if (await isThere(target, marker)) return false;
  await browser.scripting.executeScript({ target, files: [file] });
  return true;
}

async function isThere(target: InjectTarget, marker: string): Promise<boolean> {
  const [probe] = await browser.scripting.executeScript({
    target,
    func: (key: string) => Symbol.for(key) in globalThis,
    args: [marker],
  });
  return probe?.result === true;
}

async function importInFrame(target: InjectTarget, file: ScriptPublicPath, marker: string, startKey: string | undefined): Promise<boolean> {
  // Serialised for the frame: undefined does not survive, null does.
  const [imported] = await browser.scripting.executeScript({ target, func: importScript, args: [file, marker, startKey ?? null] });
  return imported?.result === true;
}

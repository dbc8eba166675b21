import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

/**
 * Puts a script into one frame of a tab unless it is there already: a second
 * copy would replace the first (WXT stops older copies of a content script),
 * dropping what the first holds. The probe runs in the content scripts' world,
 * where each script marks itself with `marker` (a Symbol.for key).
 */
export async function injectOnce(tabId: number, frameId: number, file: ScriptPublicPath, marker: string): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  const [probe] = await browser.scripting.executeScript({
    target,
    func: (key: string) => Symbol.for(key) in globalThis,
    args: [marker],
  });
  if (probe?.result === true) return;
  await browser.scripting.executeScript({ target, files: [file] });
}

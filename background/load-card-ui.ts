import { browser } from 'wxt/browser';
import type { Sender } from './handle-message';

/**
 * Injects the card UI (React and all) into the frame that asked, so pages without
 * mentions never pay for it. The card script ignores a second injection itself.
 */
export async function loadCardUi(sender: Sender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('Only a page can load the card UI');
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: ['/content-scripts/card.js'],
  });
}

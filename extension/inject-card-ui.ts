import { browser } from 'wxt/browser';

const CARD_SCRIPT = '/content-scripts/card.js';

/**
 * Puts the card script (React, the card, hovering, the page commands) into one
 * frame of a tab, unless it is there already: a second copy would replace the
 * first (WXT stops older copies of a content script), dropping the open card
 * and the facts fetched ahead. The probe runs in the content scripts' world,
 * where the card registers itself.
 */
export async function injectCardUi(tabId: number, frameId = 0): Promise<void> {
  const target = { tabId, frameIds: [frameId] };
  const [probe] = await browser.scripting.executeScript({
    target,
    func: () => Symbol.for('backstory.card-api') in globalThis,
  });
  if (probe?.result === true) return;
  await browser.scripting.executeScript({ target, files: [CARD_SCRIPT] });
}

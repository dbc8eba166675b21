import { injectOnce } from './inject-once';

/** Puts the card script (React, the card, hovering, the page commands) into one frame of a tab, once. */
export function injectCardUi(tabId: number, frameId = 0): Promise<void> {
  return injectOnce(tabId, frameId, '/content-scripts/card.js', 'backstory.card-api');
}

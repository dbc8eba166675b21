import { CARD_MARKER, CARD_SCRIPT, CARD_START_KEY } from './card-keys';
import { injectOnce } from './inject-once';

/** Puts the card script (React, the card, hovering, the page commands) into one frame of a tab, once. */
export function injectCardUi(tabId: number, frameId = 0): Promise<void> {
  return injectOnce(tabId, frameId, CARD_SCRIPT, CARD_MARKER, { module: true, startKey: CARD_START_KEY });
}

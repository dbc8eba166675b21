import { CARD_MARKER, CARD_SCRIPT, CARD_START_KEY } from './card-keys';
import { frameTarget, injectOnce, type InjectTarget } from './inject-once';

/** Puts the card script (React, the card, hovering, the page commands) into one frame of a tab, once. */
export function injectCardUi(tabId: number, frameId = 0): Promise<void> {
  return injectCardUiInto(frameTarget(tabId, frameId));
}

/** The same, into a target of the caller's: the document that asked for it. */
export function injectCardUiInto(target: InjectTarget): Promise<void> {
  return injectOnce(target, CARD_SCRIPT, CARD_MARKER, { module: true, startKey: CARD_START_KEY });
}

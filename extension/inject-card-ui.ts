import { browser } from 'wxt/browser';
import { CARD_MARKER, CARD_SCRIPT, CARD_START_KEY } from './card-keys';
import { CARD_NEEDS_SHEET, CARD_SHOWN_SHEET } from './card-shown';
import { frameTarget, injectOnce, type InjectTarget } from './inject-once';

/** Puts the card script (React, the card, hovering, the page commands) into one frame of a tab, once. */
export function injectCardUi(tabId: number, frameId = 0): Promise<void> {
  return injectCardUiInto(frameTarget(tabId, frameId));
}

/**
 * The same, into a target of the caller's: the document that asked for it. In
 * Firefox, with the sheet that shows the card (card-shown.ts), which Firefox
 * takes out of the page with the card's script: only into frames given a card,
 * once, and after the script, whose start takes away a card an earlier version
 * left, which the sheet would show again.
 */
export async function injectCardUiInto(target: InjectTarget): Promise<void> {
  const injected = await injectOnce(target, CARD_SCRIPT, CARD_MARKER, { module: true, startKey: CARD_START_KEY });
  if (injected && CARD_NEEDS_SHEET) await browser.scripting.insertCSS({ target, css: CARD_SHOWN_SHEET, origin: 'USER' });
}

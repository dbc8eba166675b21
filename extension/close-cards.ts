import { browser } from 'wxt/browser';
import type { PageRequest } from '../core/messages/page-commands';

const CLOSE: PageRequest<'page/close-card'> = { type: 'page/close-card' };

/**
 * Closes the open card in whichever frame of the tab has one, before a card
 * opens in another: every frame with the card script hears it, the others
 * nothing. None at all (no frame had a card yet) is no failure.
 */
export async function closeCardsIn(tabId: number): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, CLOSE);
  } catch {
    // No frame of the tab runs the card script: there is no card to close.
  }
}

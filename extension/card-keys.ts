/**
 * The card script's file, and where in a frame's content-script world it marks
 * itself and leaves its start: alone in this file, as the extension's
 * configuration reads it too.
 */
export const CARD_SCRIPT = '/content-scripts/card.js';
/** Set once the card is mounted (page/card-bridge.ts): a second injection is then skipped. */
export const CARD_MARKER = 'backstory.card-api';
/** The card's start: its commands and hovering work once that settles. */
export const CARD_START_KEY = 'backstory.card.start';

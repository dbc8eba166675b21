/**
 * How Firefox takes away a card whose script it unloaded. Firefox unloads the
 * card's script when Backstory is switched off or updated, without a word to
 * it, and takes Backstory's style sheets out of the page: a card open then
 * stayed over the page for good. In Firefox the card's content is hidden
 * (components/card.css, this class, which the card script sets:
 * components/mount-card-app.tsx) unless a sheet of Backstory's, which the
 * background puts into the frame with the card script (inject-card-ui.ts),
 * shows it: gone with that sheet, the card goes too.
 *
 * Nothing on the page's root, and nothing a page can change: the sheet is of
 * the user's origin, which styles the elements of shadow trees too, so it
 * reaches the card's own element inside its closed shadow root, wherever the
 * host stands (in a modal dialog in a web component's shadow root too); a
 * page's own rules do not reach in there. (A custom property on the page's
 * root, as the sheet on every page once set, told any page that Backstory is
 * installed, and let one hide its cards.) Only frames given a card get it: a
 * page could find it there by an element of its own of this class, as it finds
 * the card's host. A class selector, not one on the root: added to a page of
 * 400,000 elements, the sheet cost one style flush of 24–49 ms (an empty one
 * 1–28), a custom property on the root 647–740, the whole page restyled
 * (docs/performance.md).
 *
 * Chrome needs none of it: a script of an extension switched off or updated
 * there stays in the page, and its context, finding it cut off as the reader's
 * pointer comes back (extension/script-context.ts), takes the card away
 * itself; Chrome leaves an extension's sheets in the page.
 */
export const CARD_SHOWN_CLASS = 'backstory-card-content';

/** The background's sheet, shown: important, it outranks the card's own rule (of the author's origin) that hides it. */
export const CARD_SHOWN_SHEET = `.${CARD_SHOWN_CLASS} { visibility: visible !important; }`;

/** Whether the card shows only with that sheet in the page: in Firefox. */
export const CARD_NEEDS_SHEET = import.meta.env.FIREFOX;

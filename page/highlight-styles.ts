export const MENTION_HIGHLIGHT = 'backstory-mention';
export const HOVER_HIGHLIGHT = 'backstory-hover';

/**
 * Backgrounds only. A text-decoration (the dotted underline mentions had) makes
 * Chromium recompute compositing inputs for the whole page on every change to
 * the highlight: measured 31 ms per change on the 4 MiB benchmark page, at the
 * first highlights, every scroll that moves the painted window, every hover.
 *
 * The page's own colours are unknown here (a dark site read in a light colour
 * scheme, or the other way round): a mention's tint stays light enough to keep
 * a dark site's light letters readable (4.5:1 for #ccc on #1e1e1e), and the name
 * whose card is open is drawn solid with letters of its own, readable on any
 * page (a stronger tint over the mention's left #ccc on #1e1e1e at 2.2:1).
 * The tint follows the page's colour scheme (light-dark()), not the reader's:
 * a light page read in a dark scheme stays light, and its tint must show there.
 *
 * Nothing but ::highlight rules: the browser adds this sheet to every page, and
 * a page can read what a sheet gives its elements (a custom property on its
 * root told any page, with or without the story's names, that Backstory is
 * installed). What shows the card in Firefox comes only with the card
 * (extension/card-shown.ts).
 */
export const HIGHLIGHT_CSS = `
::highlight(${MENTION_HIGHLIGHT}) { background-color: light-dark(rgba(255, 196, 30, 0.3), rgba(255, 214, 90, 0.26)); }
::highlight(${HOVER_HIGHLIGHT}) { background-color: #ffc94d; color: #1b1d21; }
/* Chromium paints every highlight in Highlight in forced colours whatever these ask (components/NameRing.tsx rings the open name there); kept for browsers that honour them. */
@media (forced-colors: active) {
  ::highlight(${MENTION_HIGHLIGHT}) { background-color: Mark; color: MarkText; }
  ::highlight(${HOVER_HIGHLIGHT}) { background-color: Highlight; color: HighlightText; }
}
/* A printed page is the page's own: none of our tint on it, the hovered name in the page's letters (Chromium prints highlights even without background graphics). */
@media print {
  ::highlight(${MENTION_HIGHLIGHT}), ::highlight(${HOVER_HIGHLIGHT}) { background-color: transparent; color: currentcolor; }
}`;

const KEY = Symbol.for('backstory.highlight-sheet');
type Holder = { [KEY]?: CSSStyleSheet };

/** Our ::highlight rules as one sheet, shared by every root that adopts it. */
export function highlightSheet(): CSSStyleSheet {
  const holder = globalThis as Holder;
  let sheet = holder[KEY];
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    holder[KEY] = sheet;
  }
  return sheet;
}

/**
 * Adds our ::highlight rules to a document without them: a test or benchmark
 * page. Any new style sheet makes the browser restyle the whole page (measured:
 * about 250 ms on a 4 MB page), which is why the extension has the browser add
 * them with the script on every page, before the page has any elements.
 */
export function adoptHighlightStyles(doc: Document = document): CSSStyleSheet {
  const sheet = highlightSheet();
  // An adopted sheet styles the page without adding a node to it.
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return sheet;
}

export function removeHighlightStyles(doc: Document = document): void {
  const sheet = (globalThis as Holder)[KEY];
  if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
}

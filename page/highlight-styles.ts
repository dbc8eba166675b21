export const MENTION_HIGHLIGHT = 'backstory-mention';
export const HOVER_HIGHLIGHT = 'backstory-hover';

/**
 * Backgrounds only. A text-decoration (the dotted underline mentions had) makes
 * Chromium recompute compositing inputs for the whole page on every change to
 * the highlight: measured 31 ms per change on the 4 MiB benchmark page, at the
 * first highlights, every scroll that moves the painted window, every hover.
 */
export const HIGHLIGHT_CSS = `
::highlight(${MENTION_HIGHLIGHT}) { background-color: rgba(255, 196, 30, 0.34); }
::highlight(${HOVER_HIGHLIGHT}) { background-color: rgba(255, 176, 0, 0.58); }
@media (prefers-color-scheme: dark) {
  ::highlight(${MENTION_HIGHLIGHT}) { background-color: rgba(255, 214, 90, 0.26); }
  ::highlight(${HOVER_HIGHLIGHT}) { background-color: rgba(255, 214, 90, 0.42); }
}
@media (forced-colors: active) {
  ::highlight(${MENTION_HIGHLIGHT}) { background-color: Mark; color: MarkText; }
  ::highlight(${HOVER_HIGHLIGHT}) { background-color: Highlight; color: HighlightText; }
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

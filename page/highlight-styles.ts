export const MENTION_HIGHLIGHT = 'backstory-mention';
export const HOVER_HIGHLIGHT = 'backstory-hover';

export const HIGHLIGHT_CSS = `
::highlight(${MENTION_HIGHLIGHT}) { background-color: rgba(255, 200, 40, 0.28); text-decoration: underline dotted rgba(160, 110, 0, 0.9); text-decoration-thickness: 2px; text-underline-offset: 3px; }
::highlight(${HOVER_HIGHLIGHT}) { background-color: rgba(255, 186, 0, 0.5); }
@media (prefers-color-scheme: dark) {
  ::highlight(${MENTION_HIGHLIGHT}) { background-color: rgba(255, 214, 90, 0.22); text-decoration-color: rgba(255, 214, 90, 0.9); }
  ::highlight(${HOVER_HIGHLIGHT}) { background-color: rgba(255, 214, 90, 0.42); }
}
@media (forced-colors: active) {
  ::highlight(${MENTION_HIGHLIGHT}) { background-color: Mark; color: MarkText; }
  ::highlight(${HOVER_HIGHLIGHT}) { background-color: Highlight; color: HighlightText; }
}`;

const KEY = Symbol.for('backstory.highlight-sheet');
type Holder = { [KEY]?: CSSStyleSheet };

/**
 * Adds our ::highlight rules to the document, once. Any new style sheet makes
 * the browser restyle the whole page (measured: about 250 ms on a 4 MB page), so
 * the content script does this at document_start, while the page is still empty.
 */
export function adoptHighlightStyles(doc: Document = document): CSSStyleSheet {
  const holder = globalThis as Holder;
  let sheet = holder[KEY];
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    holder[KEY] = sheet;
  }
  // An adopted sheet styles the page without adding a node to it.
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return sheet;
}

export function removeHighlightStyles(doc: Document = document): void {
  const sheet = (globalThis as Holder)[KEY];
  if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
}

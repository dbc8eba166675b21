/**
 * Runs in the page (passed to a test driver's `evaluate`, so it must close
 * over nothing): the viewport centre of an occurrence of `text` in the page's
 * text, scrolled into view first (unless `scroll` is false); null when it is not there.
 */
export function textPointInPage({ text, occurrence, scroll = true }: { text: string; occurrence: number; scroll?: boolean }): { x: number; y: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    let at = node.textContent!.indexOf(text);
    while (at >= 0) {
      if (seen++ === occurrence) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        if (scroll) {
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          // An element taller than the window (a <pre> holding a whole book) is centred with the text far out of view.
          const placed = range.getBoundingClientRect();
          if (placed.top < 0 || placed.bottom > innerHeight) scrollBy(0, placed.top - innerHeight / 2);
        }
        const box = range.getClientRects()[0]!;
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
      at = node.textContent!.indexOf(text, at + 1);
    }
  }
  return null;
}

/**
 * Runs in the page (closes over nothing): the viewport box of the first occurrence of `text`
 * in the text under `within` (a selector; the body when absent or unmatched), not scrolled; null when it is not there.
 */
export function textBoxInPage({ text, within }: { text: string; within?: string }): { x: number; y: number; width: number; height: number } | null {
  const root = (within && document.querySelector(within)) || document.body;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const { x, y, width, height } = range.getBoundingClientRect();
    return { x, y, width, height };
  }
  return null;
}

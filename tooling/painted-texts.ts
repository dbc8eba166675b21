import type { Frame, Page } from '@playwright/test';

/**
 * Runs in the page (passed to a test driver's `evaluate`, so it closes over
 * nothing): the text of every mention Backstory paints now, in reading order
 * (a shadow root's text where its host stands), read from the page's highlight
 * registry (the content script's highlights are the page's).
 */
export function paintedTextsInPage(): string[] {
  // No helper functions in here: tsx would wrap named ones in a helper the page does not have.
  return [...(CSS.highlights.get('backstory-mention') ?? [])]
    .map((range) => {
      const { startContainer, startOffset, endContainer, endOffset } = range;
      // Firefox will not set a Range of the document inside a shadow root: one node's text is read directly.
      let text: string;
      if (startContainer === endContainer) text = (startContainer as Text).data.slice(startOffset, endOffset);
      else {
        const r = document.createRange();
        r.setStart(startContainer, startOffset);
        r.setEnd(endContainer, endOffset);
        text = r.toString();
      }
      // Child indices from the document down; a shadow root is read before its host's children.
      const at = [startOffset];
      for (let node: Node | null = startContainer; node; ) {
        const parent: Node | null = node.parentNode;
        if (parent) at.unshift(Array.prototype.indexOf.call(parent.childNodes, node));
        else if (node instanceof ShadowRoot) at.unshift(-1);
        node = parent ?? (node instanceof ShadowRoot ? node.host : null);
      }
      return { text, at };
    })
    .sort((a, b) => {
      for (let i = 0; i < Math.min(a.at.length, b.at.length); i++) if (a.at[i] !== b.at[i]) return a.at[i]! - b.at[i]!;
      return a.at.length - b.at.length;
    })
    .map((painted) => painted.text);
}

export function paintedTexts(page: Page | Frame): Promise<string[]> {
  return page.evaluate(paintedTextsInPage);
}

/** Runs in a frame (passed to `evaluate`): the name whose card is open there, drawn in its highlight of its own. */
export function openNameInPage(): string {
  return [...(CSS.highlights.get('backstory-hover') ?? [])]
    .map((shown) => {
      const range = document.createRange();
      range.setStart(shown.startContainer, shown.startOffset);
      range.setEnd(shown.endContainer, shown.endOffset);
      return range.toString();
    })
    .join();
}

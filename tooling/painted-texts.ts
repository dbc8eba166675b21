import type { Frame, Page } from '@playwright/test';

/**
 * The text of every mention Backstory paints now, in document order, read from
 * the page's highlight registry (the content script's highlights are the page's).
 */
export function paintedTexts(page: Page | Frame): Promise<string[]> {
  return page.evaluate(() =>
    [...(CSS.highlights.get('backstory-mention') ?? [])]
      .map((range) => {
        const r = document.createRange();
        r.setStart(range.startContainer, range.startOffset);
        r.setEnd(range.endContainer, range.endOffset);
        return r;
      })
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((r) => r.toString()),
  );
}

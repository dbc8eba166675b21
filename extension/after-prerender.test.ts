import { describe, expect, it } from 'vitest';
import { afterPrerender } from './after-prerender';

/** A document as the browser has it while it prerenders a page, shown at `show()`. */
function prerenderedDocument() {
  const doc = new EventTarget() as EventTarget & { prerendering: boolean };
  doc.prerendering = true;
  const show = () => {
    doc.prerendering = false;
    doc.dispatchEvent(new Event('prerenderingchange'));
  };
  return { doc: doc as unknown as Document, show };
}

describe('waiting for a prerendered page to be shown', () => {
  it('does not wait in a page the reader sees, nor where there is no document (the service worker)', () => {
    expect(afterPrerender({ prerendering: false } as unknown as Document)).toBeUndefined();
    expect(afterPrerender({} as Document)).toBeUndefined();
    expect(afterPrerender(undefined)).toBeUndefined();
  });

  it('waits, every message alike, until the page is shown', async () => {
    const { doc, show } = prerenderedDocument();
    const order: string[] = [];
    const first = afterPrerender(doc)!.then(() => order.push('report'));
    const second = afterPrerender(doc)!.then(() => order.push('card'));
    await new Promise((done) => setTimeout(done, 10));
    expect(order).toEqual([]);
    show();
    await Promise.all([first, second]);
    expect(order).toEqual(['report', 'card']);
    expect(afterPrerender(doc)).toBeUndefined();
  });
});

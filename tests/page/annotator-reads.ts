import type { Page } from '@playwright/test';

/** The page as the tests leave it: the story's matcher on the wire, and the annotator a test started. */
type Annotated = Window & { matcherWire: never; annotator: InstanceType<Window['backstoryHarness']['PageAnnotator']> };

/** What the test's annotator holds, as entity:text in reading order. */
export const found = (page: Page) =>
  page.evaluate(() => (window as unknown as Annotated).annotator.mentions.map((m) => `${m.entityId}:${m.text}`));

/** What a fresh annotator, reading the page as it is now from scratch, finds. */
export const fresh = (page: Page) =>
  page.evaluate(async () => {
    const w = window as unknown as Annotated;
    const other = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire), painter: w.backstoryHarness.unpainted });
    await other.start();
    other.destroy();
    return other.mentions.map((m) => `${m.entityId}:${m.text}`);
  });

/** Lets the annotator take up what the page changed, to the end of its last rescan (they rest between rounds). */
export const settle = (page: Page) => page.evaluate(() => (window as unknown as Annotated).annotator.settled());

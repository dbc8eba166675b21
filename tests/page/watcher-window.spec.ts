/**
 * What a change right under <body> has read again (page/mutation-watcher.ts),
 * and where the painted window stands on a page with hidden names
 * (page/viewport-window.ts): on a large page, a change read as the page's own
 * block is a rescan of all of it, and a window held at the top registers every
 * name from there to the screen.
 */
import type { Page } from '@playwright/test';
import { found, fresh, settle } from './annotator-reads';
import { expect, test } from './fixtures';

type Win = Window & {
  matcherWire: never;
  annotator: InstanceType<Window['backstoryHarness']['PageAnnotator']>;
  watcher: InstanceType<Window['backstoryHarness']['MutationWatcher']>;
};

async function annotate(page: Page) {
  await page.evaluate(async () => {
    const w = window as unknown as Win;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
    await w.annotator.start();
  });
}


/** Starts a watcher of the page on its own, as the annotator has one. */
const watch = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Win;
    w.watcher = new w.backstoryHarness.MutationWatcher(document.documentElement, () => {});
  });

/** Makes `change` to the page, then tells which blocks the watcher has read again for it ([] for none). */
async function rootsAfter(page: Page, change: () => void): Promise<string[]> {
  await page.evaluate(change);
  return page.evaluate(async () => {
    await new Promise((done) => setTimeout(done, 0));
    return (window as unknown as Win).watcher.take()?.roots.map((root) => (root as Element).localName) ?? [];
  });
}

const PAGE = `<header><h1>PYONGYANG, North Korea</h1></header><main>${'<p>Officials in Moscow and Washington discussed North Korea.</p>'.repeat(5)}</main>
<script>/* the page's own */</script>`;

test('a dialog put under <body> with blank lines around it, and taken out with them, has only itself read: not the whole page', async ({ load }) => {
  const page = await load(PAGE);
  await watch(page);
  // As pages write it: body.insertAdjacentHTML('beforeend', `\n<div class="modal">…</div>\n`).
  const opened = await rootsAfter(page, () => document.body.insertAdjacentHTML('beforeend', '\n<div class="modal"><p>John Kirby spoke.</p></div>\n'));
  const closed = await rootsAfter(page, () => {
    const modal = document.querySelector('.modal')!;
    modal.previousSibling!.remove();
    modal.nextSibling!.remove();
    modal.remove();
  });
  const blank = await rootsAfter(page, () => document.body.append('\n  '));
  expect({ opened, closed, blank }).toEqual({ opened: ['div'], closed: [], blank: [] });
});

test('a custom element put under <body> with no text beside it (a toast) has only itself read, and nothing while empty', async ({ load }) => {
  const page = await load(PAGE);
  await watch(page);
  // Defined, as a widget's element is once its script ran: one not defined yet is met below.
  await page.evaluate(() => customElements.define('x-toast', class extends HTMLElement {}));
  const empty = await rootsAfter(page, () => document.body.append(document.createElement('x-toast')));
  const emptyHidden = await rootsAfter(page, () => document.querySelector('x-toast')!.setAttribute('hidden', ''));
  const emptyGone = await rootsAfter(page, () => document.querySelector('x-toast')!.remove());
  const named = await rootsAfter(page, () => document.body.insertAdjacentHTML('beforeend', '\n<x-toast>Kim Jong Un arrived.</x-toast>'));
  const namedHidden = await rootsAfter(page, () => document.querySelector('x-toast')!.setAttribute('hidden', ''));
  const namedShown = await rootsAfter(page, () => document.querySelector('x-toast')!.removeAttribute('hidden'));
  const namedGone = await rootsAfter(page, () => document.querySelector('x-toast')!.remove());
  expect({ empty, emptyHidden, emptyGone, named, namedHidden, namedShown, namedGone }).toEqual({
    empty: [],
    emptyHidden: [],
    emptyGone: [],
    named: ['x-toast'],
    namedHidden: ['x-toast'],
    namedShown: ['x-toast'],
    namedGone: [],
  });
});

test('inline changes right under <body> that join or split its text still have the page’s own block read again', async ({ load }) => {
  const page = await load(
    `<main><p id="para">Vladimir Putin met officials.</p></main>Vladimir<b id="word">Putin</b> met <i></i><span id="name">Kim</span><div>Seoul</div>`,
  );
  await watch(page);
  const result = {
    // A space between two runs of text: "VladimirPutin" becomes "Vladimir Putin".
    space: await rootsAfter(page, () => document.getElementById('word')!.before(' ')),
    spaceGone: await rootsAfter(page, () => document.getElementById('word')!.previousSibling!.remove()),
    // A word wrapped in <b>, in text right under <body>, and in a paragraph.
    wrapped: await rootsAfter(page, () => {
      const range = document.createRange();
      range.setStart(document.getElementById('word')!.nextSibling!, 1);
      range.setEnd(document.getElementById('word')!.nextSibling!, 4);
      range.surroundContents(document.createElement('b'));
    }),
    wrappedInParagraph: await rootsAfter(page, () => {
      const range = document.createRange();
      range.setStart(document.getElementById('para')!.firstChild!, 9);
      range.setEnd(document.getElementById('para')!.firstChild!, 14);
      range.surroundContents(document.createElement('b'));
    }),
    // An element taken out, and one put in, beside text past an empty icon (the walk reads on past it): "met Kim", "met Jong Un".
    nameGone: await rootsAfter(page, () => document.getElementById('name')!.remove()),
    nameAdded: await rootsAfter(page, () => document.querySelector('body > i')!.insertAdjacentHTML('afterend', '<x-name>Jong Un</x-name>')),
    renamed: await rootsAfter(page, () => (document.querySelector('x-name')!.textContent = 'Kim Jong Un')),
  };
  expect(result).toEqual({
    space: ['body'],
    spaceGone: ['body'],
    wrapped: ['body'],
    wrappedInParagraph: ['p'],
    nameGone: ['body'],
    nameAdded: ['body'],
    renamed: ['body'],
  });
});

test('names in a toast put under <body>, hidden, shown and taken out are found as a fresh read of the page finds them', async ({ load }) => {
  const page = await load(PAGE);
  await annotate(page);
  const steps: Record<string, { found: string[]; fresh: string[] }> = {};
  const step = async (name: string, change: () => void) => {
    await page.evaluate(change);
    await settle(page);
    steps[name] = { found: await found(page), fresh: await fresh(page) };
  };
  await step('added', () => document.body.insertAdjacentHTML('beforeend', '\n<x-toast>John Kirby spoke to Kim Jong Un.</x-toast>\n'));
  await step('hidden', () => document.querySelector('x-toast')!.setAttribute('hidden', ''));
  await step('shown', () => document.querySelector('x-toast')!.removeAttribute('hidden'));
  await step('gone', () => document.querySelector('x-toast')!.remove());
  for (const [name, { found, fresh }] of Object.entries(steps)) expect(found, name).toEqual(fresh);
  expect(steps.added!.found).toContain('john-kirby:John Kirby');
  expect(steps.hidden!.found).not.toContain('john-kirby:John Kirby');
});

test('a hidden name at the top of a long page (a mobile-only copy of the headline) leaves the painted window following the scroll', async ({
  load,
}) => {
  const paragraph = '<p>Officials in <i>Moscow</i> and Washington discussed North Korea’s weapons at length today.</p>';
  const page = await load(`<h1 style="display:none">Vladimir Putin arrives</h1><main>${paragraph.repeat(2000)}</main>`);
  await annotate(page);
  const result = await page.evaluate(() => {
    const w = window as unknown as Win;
    const painted: number[] = [];
    for (const share of [0.25, 0.5, 1]) {
      scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * share);
      w.annotator.updateViewport();
      painted.push(CSS.highlights.get('backstory-mention')?.size ?? 0);
    }
    return { mentions: w.annotator.mentionCount, painted };
  });
  expect(result.mentions).toBeGreaterThan(6000);
  // A few screens' worth each time, not every name from the top of the page down (1,500, 3,000, 6,000).
  for (const painted of result.painted) expect(painted).toBeGreaterThan(0);
  expect(Math.max(...result.painted)).toBeLessThan(600);
});

test('an empty custom element put under <body> before its definition has the names of its shadow root found once defined (a widget loaded late)', async ({
  load,
}) => {
  const page = await load(PAGE);
  await annotate(page);
  await page.evaluate(() => document.body.append(document.createElement('late-ticker')));
  await settle(page);
  await page.evaluate(() =>
    customElements.define(
      'late-ticker',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>John Kirby spoke.</p>';
        }
      },
    ),
  );
  await expect.poll(() => found(page)).toContain('john-kirby:John Kirby');
});

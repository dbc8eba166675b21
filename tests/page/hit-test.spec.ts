import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

type Win = Window & {
  matcherWire: never;
  lookup: InstanceType<Window['backstoryHarness']['MentionLookup']>;
};

async function annotate(page: Page) {
  await page.evaluate(async () => {
    const w = window as unknown as Win;
    const annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
    w.lookup = new w.backstoryHarness.MentionLookup(annotator);
    await annotator.start();
  });
}

/** What a hover at the middle of `text`, in the element `id` (or in the shadow root of `host`), finds. */
const hoverOver = (page: Page, id: string, text: string, host?: string) =>
  page.evaluate(
    ([id, text, host]) => {
      const root: Document | ShadowRoot = host ? document.getElementById(host)!.shadowRoot! : document;
      const element = root.getElementById(id)!;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(text!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text!.length);
        const box = range.getBoundingClientRect();
        return (window as unknown as Win).lookup.at(box.x + box.width / 2, box.y + box.height / 2)?.entityId ?? null;
      }
      throw new Error(`no ${text}`);
    },
    [id, text, host] as const,
  );

const TEASER = `<style>
  .teaser { position: relative; width: 420px; font: 20px/1.4 sans-serif }
  .stretched::after { content: ""; position: absolute; inset: 0 }
  .layer { position: absolute; inset: 0 }
  .dimmed::after { background: rgb(0 0 0 / 0.6) }
</style>`;

test('a name under a link stretched over its teaser, or under an empty layer, opens its card', async ({ load }) => {
  const page = await load(`<!doctype html>${TEASER}
    <div class="teaser"><h3><a class="stretched" href="#">Summit in Pyongyang</a></h3>
      <p id="summary">Vladimir Putin met Kim Jong Un in the <b>capital</b>, and Russia signed.</p></div>
    <div class="teaser"><p id="under">Seoul watched as Kim Jong Un spoke.</p><div class="layer"></div></div>
    <div class="teaser"><p id="within" style="position:relative">Kim Jong Un was seen in Seoul.<span class="layer"></span></p></div>
    <div id="host" class="teaser"></div>`);
  await page.evaluate(() => {
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML =
      '<p id="inner">Vladimir Putin arrived.</p><div style="position:absolute;inset:0"></div>';
  });
  await annotate(page);
  expect(await hoverOver(page, 'summary', 'Vladimir Putin')).toBe('vladimir-putin');
  expect(await hoverOver(page, 'summary', 'Russia')).toBe('russia');
  expect(await hoverOver(page, 'summary', 'capital')).toBeNull();
  expect(await hoverOver(page, 'under', 'Kim Jong Un')).toBe('kim-jong-un');
  expect(await hoverOver(page, 'within', 'Kim Jong Un')).toBe('kim-jong-un');
  expect(await hoverOver(page, 'inner', 'Vladimir Putin', 'host')).toBe('vladimir-putin');
  // The headline's own text is where the caret lands: still no name there.
  expect(await hoverOver(page, 'summary', 'met')).toBeNull();
});

test('a name under a layer that draws over it, or under a fixed bar, opens nothing', async ({ load }) => {
  const page = await load(`<!doctype html>${TEASER}
    <div class="teaser"><p id="painted">Vladimir Putin met Kim Jong Un.</p><div class="layer" style="background:#fff"></div></div>
    <div class="teaser"><p id="pictured">Vladimir Putin met Kim Jong Un.</p><img class="layer" alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></div>
    <div class="teaser"><a class="stretched dimmed" href="#">Summit</a>
      <p id="dimmed">Vladimir Putin met Kim Jong Un.</p></div>
    <div style="height:200px"></div>
    <p id="scrolled" style="font-size:20px">Vladimir Putin met Kim Jong Un.</p>
    <div style="height:2000px"></div>
    <div style="position:fixed;top:0;left:0;right:0;height:60px"></div>`);
  await annotate(page);
  expect(await hoverOver(page, 'painted', 'Vladimir Putin')).toBeNull();
  expect(await hoverOver(page, 'pictured', 'Vladimir Putin')).toBeNull();
  expect(await hoverOver(page, 'dimmed', 'Vladimir Putin')).toBeNull();
  expect(await hoverOver(page, 'scrolled', 'Vladimir Putin')).toBe('vladimir-putin');
  // Scrolled under the page's fixed bar: the reader sees the bar, not the name.
  await page.evaluate(() => scrollTo(0, document.getElementById('scrolled')!.offsetTop - 20));
  expect(await hoverOver(page, 'scrolled', 'Vladimir Putin')).toBeNull();
});

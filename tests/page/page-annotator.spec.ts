import type { Page } from '@playwright/test';
import { fresh, settle } from './annotator-reads';
import { expect, test } from './fixtures';

type Win = Window & {
  matcherWire: never;
  annotator: InstanceType<Window['backstoryHarness']['PageAnnotator']>;
  /** Hit-testing as the card script does it, kept across changes to what is shown. */
  lookup: InstanceType<Window['backstoryHarness']['MentionLookup']>;
  counts: Record<string, number>;
  firstPaint: boolean;
};

async function annotate(page: Page) {
  await page.evaluate(async () => {
    const w = window as unknown as Win;
    w.counts = {};
    w.firstPaint = false;
    w.annotator = new w.backstoryHarness.PageAnnotator({
      matcher: w.backstoryHarness.matcher(w.matcherWire),
      onCountsChange: (counts) => (w.counts = Object.fromEntries(counts)),
      onFirstHighlights: () => (w.firstPaint = true),
    });
    w.lookup = new w.backstoryHarness.MentionLookup(w.annotator);
    await w.annotator.start();
  });
}

const found = (page: Page) =>
  page.evaluate(() => (window as unknown as Win).annotator.mentions.map((m) => `${m.entityId}:${m.text}`));
const counts = (page: Page) => page.evaluate(() => (window as unknown as Win).counts);
const painted = (page: Page) => page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0);

/** Appends a sentence naming John Kirby to `selector`, counting the page's own tasks until the annotator has found it. */
const appendKirbyCountingPageTasks = (page: Page, selector: string) =>
  page.evaluate(async (selector) => {
    const w = window as unknown as Win;
    const { pageTasks } = await w.backstoryHarness.countingPageTasks(async () => {
      document.querySelector(selector)!.append(' John Kirby said so.');
      while (!w.annotator.mentions.some((m) => m.entityId === 'john-kirby')) await new Promise((done) => setTimeout(done, 0));
    });
    return { pageTasks, mentions: w.annotator.mentionCount };
  }, selector);

/** Scans the page from scratch, counting the page's own tasks and frames meanwhile. */
const scanCountingPageTasks = (page: Page) =>
  page.evaluate(async () => {
    const w = window as unknown as Win;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
    const { pageTasks, frames } = await w.backstoryHarness.countingPageTasks(() => w.annotator.start());
    return { pageTasks, frames, mentions: w.annotator.mentionCount, last: w.annotator.mentions.at(-1)?.text };
  });

/** An hour of a log in a <pre>, a <span> round every word: 40 lines naming nobody, then one naming two. */
const LOG_HOUR = `${`${'the talks went on through the night and the delegations met again at dawn'
  .split(' ')
  .map((word) => `<span>${word}</span>`)
  .join(' ')}\n`.repeat(40)}Vladimir Putin arrived in Pyongyang.\n`;

/** Writes `html` into the page's <pre id="log">. */
const fillLog = (page: Page, html: string) =>
  page.evaluate((html) => {
    document.getElementById('log')!.innerHTML = html;
  }, html);

/** Three mentions a paragraph: a long page of these has many thousands. */
const NEWS_PARAGRAPH = '<p>Officials in <i>Moscow</i> and Washington discussed North Korea’s weapons at length today.</p>';

const ARTICLE = `<main><h1>PYONGYANG, North Korea</h1>
<p>Russian President Vladimir Putin met Kim <b>Jong</b> Un. Putin’s visit deepens Russia-North Korea ties.</p>
<p contenteditable>North Korea in an editor is never touched.</p>
<textarea>North Korea</textarea>
<p>The Washington Post reported on the U.S.-led sanctions.</p></main>`;

test('finds the story’s names, joined across tags, and skips editors and decoys', async ({ load }) => {
  const page = await load(ARTICLE);
  await annotate(page);
  expect(await found(page)).toEqual([
    'pyongyang:PYONGYANG',
    'north-korea:North Korea',
    'vladimir-putin:Vladimir Putin',
    'kim-jong-un:Kim Jong Un',
    'vladimir-putin:Putin',
    'russia:Russia',
    'north-korea:North Korea',
    'united-states:U.S.',
  ]);
  expect(await counts(page)).toMatchObject({ 'north-korea': 2, 'vladimir-putin': 2 });
  expect(await page.evaluate(() => (window as unknown as Win).firstPaint)).toBe(true);
});

test('leaves the page’s text and DOM exactly as they were', async ({ load }) => {
  const page = await load(ARTICLE);
  const before = await page.evaluate(() => [document.body.innerHTML, document.body.textContent]);
  await annotate(page);
  expect(await page.evaluate(() => [document.body.innerHTML, document.body.textContent])).toEqual(before);
});

/** The text of each range painted now, in order. */
const paintedTexts = (page: Page) =>
  page.evaluate(() =>
    [...(CSS.highlights.get('backstory-mention') as unknown as Set<StaticRange>)].map((range) => {
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      return live.toString();
    }),
  );

test('on a page of many names, paints only those near the viewport, and follows scrolling', async ({ load }) => {
  const filler = '<p>Russia, in this paragraph, and filler text for length.</p>'.repeat(600);
  const page = await load(`<p>North Korea at the top.</p>${filler}<p id="far">North Korea far below.</p>`);
  await annotate(page);
  expect(await found(page)).toHaveLength(602);
  const top = await paintedTexts(page);
  expect(top[0]).toBe('North Korea');
  expect(top.length).toBeLessThan(100);
  await page.evaluate(() => {
    document.getElementById('far')!.scrollIntoView();
    (window as unknown as Win).annotator.updateViewport();
  });
  const below = await paintedTexts(page);
  expect(below.at(-1)).toBe('North Korea');
  expect(below.filter((text) => text === 'North Korea')).toHaveLength(1);
  expect(below.length).toBeLessThan(100);
});

test('while the scan of a long page goes on, names far below the viewport wait for its end: the page is painted again a few times, not once a slice', async ({
  load,
}) => {
  // Each change to a highlight has Chromium paint the whole page again in the next frame; a page of few names (400 here)
  // has them all painted once the scan is done.
  const filler = '<p>Filler text for <i>length</i>, naming nobody.</p>'.repeat(40);
  const page = await load(Array.from({ length: 400 }, (_, i) => `<p>Paragraph ${i}: Russia.</p>${filler}`).join(''));
  const { yields, changes } = await page.evaluate(async () => {
    // The scan's yields to the page between its slices (posted on a channel), and the turns of ours in which our highlight changed.
    let yields = 0;
    let changes = 0;
    let inTurn = false;
    const proto = Highlight.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
    const originals = new Map(['add', 'delete', 'clear'].map((name) => [name, proto[name]!]));
    for (const [name, original] of originals) {
      proto[name] = function (this: Highlight, ...args: unknown[]) {
        if (!inTurn) {
          inTurn = true;
          changes++;
          queueMicrotask(() => (inTurn = false));
        }
        return original.apply(this, args);
      };
    }
    const post = MessagePort.prototype.postMessage;
    MessagePort.prototype.postMessage = function (this: MessagePort, ...args: Parameters<MessagePort['postMessage']>) {
      yields++;
      return post.apply(this, args);
    } as MessagePort['postMessage'];
    try {
      const w = window as unknown as Win;
      w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
      await w.annotator.start();
    } finally {
      for (const [name, original] of originals) proto[name] = original;
      MessagePort.prototype.postMessage = post;
    }
    return { yields, changes };
  });
  // The scan took many slices, each of which found names: painting once a slice changed the highlight in each.
  expect(yields).toBeGreaterThanOrEqual(6);
  expect(changes).toBeLessThanOrEqual(3);
  const texts = await paintedTexts(page);
  expect(texts).toHaveLength(400);
  expect(new Set(texts)).toEqual(new Set(['Russia']));
});

test('rescans what the page adds, changes and removes', async ({ load }) => {
  const page = await load('<div id="feed"><p>Vladimir Putin arrived.</p></div>');
  await annotate(page);
  expect(await counts(page)).toEqual({ 'vladimir-putin': 1 });

  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'South Korea and Japan held exercises.';
    document.getElementById('feed')!.append(p);
  });
  await expect.poll(() => counts(page)).toEqual({ 'vladimir-putin': 1, 'south-korea': 1, japan: 1 });

  await page.evaluate(() => {
    document.querySelector('#feed p')!.firstChild!.textContent = 'John Kirby arrived.';
  });
  await expect.poll(() => counts(page)).toEqual({ 'john-kirby': 1, 'south-korea': 1, japan: 1 });

  await page.evaluate(() => document.querySelector('#feed p:last-child')!.remove());
  await expect.poll(() => counts(page)).toEqual({ 'john-kirby': 1 });
  // Added mentions keep document order.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'China first.';
    document.getElementById('feed')!.prepend(p);
  });
  await expect.poll(() => found(page)).toEqual(['china:China', 'john-kirby:John Kirby']);
});

test('an annotator cut off from the extension (unloaded since) reads none of the page’s changes after; until then it reads them', async ({ load }) => {
  const page = await load('<div id="feed"><p>Vladimir Putin arrived.</p></div>');
  await page.evaluate(async () => {
    const w = window as unknown as Win & { unloaded: boolean; asked: number };
    w.counts = {};
    w.unloaded = false;
    w.asked = 0;
    w.annotator = new w.backstoryHarness.PageAnnotator({
      matcher: w.backstoryHarness.matcher(w.matcherWire),
      onCountsChange: (counts) => (w.counts = Object.fromEntries(counts)),
      cutOff: () => {
        w.asked++;
        return w.unloaded;
      },
    });
    await w.annotator.start();
  });
  const append = (text: string) =>
    page.evaluate((text) => {
      const p = document.createElement('p');
      p.textContent = text;
      document.getElementById('feed')!.append(p);
    }, text);
  await append('South Korea held exercises.');
  await expect.poll(() => counts(page)).toEqual({ 'vladimir-putin': 1, 'south-korea': 1 });

  const askedWhileLoaded = await page.evaluate(() => {
    const w = window as unknown as Win & { unloaded: boolean; asked: number };
    w.unloaded = true;
    return w.asked;
  });
  expect(askedWhileLoaded).toBeGreaterThan(0);
  await append('John Kirby spoke.');
  await expect.poll(() => page.evaluate(() => (window as unknown as { asked: number }).asked)).toBeGreaterThan(askedWhileLoaded);
  await page.waitForTimeout(300);
  expect(await counts(page)).toEqual({ 'vladimir-putin': 1, 'south-korea': 1 });
});

test('a paragraph read again starts from what the page showed above it, not from what stands further down', async ({ load }) => {
  const page = await load(`<p>Kirby said so, officials in Moscow said. <span id="clock">12:00</span></p>
<p>A farm in Moscow, Idaho.</p><p>John Kirby spoke.</p><p>Moscow again, and Kirby.</p>`);
  await annotate(page);
  // As read in order: Moscow before the other Moscow is named, and Kirby only after his full name.
  const firstRead = ['moscow:Moscow', 'john-kirby:John Kirby', 'john-kirby:Kirby'];
  expect(await found(page)).toEqual(firstRead);

  // The clock's new text names China: what the paragraph's reading found shows it was read.
  await page.evaluate(() => (document.getElementById('clock')!.textContent = '12:01 China'));
  await expect.poll(() => found(page)).toEqual(['moscow:Moscow', 'china:China', ...firstRead.slice(1)]);
});

test('a paragraph the page adds naming another place of a name ends that name’s mentions after it, as a first read would', async ({
  load,
}) => {
  const page = await load('<p>Officials in Moscow said so.</p><div id="feed"></div><p>Moscow again.</p><p id="last">Putin in Moscow.</p>');
  await annotate(page);
  expect(await counts(page)).toEqual({ moscow: 3, 'vladimir-putin': 1 });

  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'A farm in Moscow, Idaho.';
    document.getElementById('feed')!.append(p);
  });
  await expect.poll(() => found(page)).toEqual(['moscow:Moscow', 'vladimir-putin:Putin']);
  expect(await counts(page)).toEqual({ moscow: 1, 'vladimir-putin': 1 });
  // Read again after it, the paragraphs below still know of it.
  await page.evaluate(() => (document.getElementById('last')!.textContent = 'Putin left Moscow for China.'));
  await expect.poll(() => found(page)).toEqual(['moscow:Moscow', 'vladimir-putin:Putin', 'china:China']);
});

test('on a front page, a story about Moscow, Idaho ends Moscow in that story alone; on an article page, for the rest of it', async ({ load }) => {
  const frontPage = await load(`<main>
<article><h2>Vigil in Moscow, Idaho</h2><p>Moscow police said the students were remembered.</p></article>
<article><h2>Summit in Moscow</h2><p id="talks">Talks in Moscow ran late.</p></article>
</main>`);
  await annotate(frontPage);
  const storiesOf = (page: Page) =>
    page.evaluate(() => (window as unknown as Win).annotator.mentions.map((m) => [...document.querySelectorAll('article')].indexOf(m.startNode.parentElement!.closest('article')!)));
  expect(await found(frontPage)).toEqual(['moscow:Moscow', 'moscow:Moscow']);
  expect(await storiesOf(frontPage)).toEqual([1, 1]);
  expect(await counts(frontPage)).toEqual({ moscow: 2 });
  expect(await painted(frontPage)).toBe(2);

  // A paragraph the page adds to the summit story naming Idaho's Moscow ends Moscow below it in that story, not above.
  await frontPage.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Later, a farm in Moscow, Idaho.';
    document.getElementById('talks')!.before(p);
  });
  await expect.poll(() => found(frontPage)).toEqual(['moscow:Moscow']);
  expect(await counts(frontPage)).toEqual({ moscow: 1 });

  const articlePage = await load(`<article><h1>Vigil in Moscow, Idaho</h1><p>Moscow police said the students were remembered.</p></article>
<aside><p>Talks in Moscow ran late.</p></aside>`);
  await annotate(articlePage);
  // In the article, as on any page; in the box of other stories beside it, Moscow is Moscow again.
  expect(await found(articlePage)).toEqual(['moscow:Moscow']);
  expect(await articlePage.evaluate(() => (window as unknown as Win).annotator.mentions[0]!.startNode.parentElement!.closest('aside') !== null)).toBe(true);

  const plainPage = await load(`<h1>Vigil in Moscow, Idaho</h1><p>Moscow police said the students were remembered.</p>
<div><p>Talks in Moscow ran late.</p></div>`);
  await annotate(plainPage);
  expect(await found(plainPage)).toEqual([]);
});

test('a ticker or a weather box beside the page’s content that names another Moscow or Washington speaks for itself, not for the article; the page’s title still speaks for the page', async ({
  load,
}) => {
  // A plain <div> above the <main>, as tickers often are; its own later names are the other places'.
  const ticker = await load(`<div id="ticker">Breaking: Police in Moscow, Idaho, make arrest · Russia, Ohio fair opens · Moscow police update</div>
<main><article><h1>Putin in Pyongyang</h1><p>Putin left Moscow. Russia and North Korea signed a pact.</p></article><p>Moscow said so.</p></main>
<footer><p>Russia again.</p></footer>`);
  await annotate(ticker);
  const article = ['vladimir-putin:Putin', 'pyongyang:Pyongyang', 'vladimir-putin:Putin', 'moscow:Moscow', 'russia:Russia', 'north-korea:North Korea'];
  // The footer is a strip of its own: the ticker's Russia, Ohio is not its Russia.
  expect(await found(ticker)).toEqual([...article, 'moscow:Moscow', 'russia:Russia']);
  expect(await counts(ticker)).toEqual({ 'vladimir-putin': 2, pyongyang: 1, moscow: 2, russia: 2, 'north-korea': 1 });

  // The ticker moves on to another item: the article is not read otherwise.
  // Its China, found, shows it was read.
  await ticker.evaluate(() => (document.getElementById('ticker')!.textContent = 'China trade talks · Weather: Seattle, Washington, 61°F · Moscow, Idaho: vigil tonight'));
  await expect.poll(() => found(ticker)).toEqual(['china:China', ...article, 'moscow:Moscow', 'russia:Russia']);

  // The content marked by its role, as on BBC's and the Guardian's pages, tells the ticker beside it as a <main> does.
  const role = await load(`<div id="ticker">Breaking: Police in Moscow, Idaho, make arrest</div>
<div role="main"><div><p>Putin left Moscow.</p></div></div><div id="more"><p>Moscow replied.</p></div>`);
  await annotate(role);
  // Below it, another strip of its own.
  expect(await found(role)).toEqual(['vladimir-putin:Putin', 'moscow:Moscow', 'moscow:Moscow']);

  // Without a <main>, the strips the page marks: its header, its sidebar.
  const marked = await load(`<header><p>Weather: Seattle, Washington, 61°F. Washington traffic is light.</p></header>
<div><p>Putin’s visit angered Washington.</p></div><aside><p>Most read: Moscow, Idaho, vigil.</p></aside><p>Moscow replied.</p>`);
  await annotate(marked);
  expect(await found(marked)).toEqual(['vladimir-putin:Putin', 'washington:Washington', 'moscow:Moscow']);

  // The page's title is no strip: the story is that Moscow's.
  const titled = await load(`<header><h1>Vigil in Moscow, Idaho</h1></header><main><p>Moscow police said the students were remembered.</p></main>`);
  await annotate(titled);
  expect(await found(titled)).toEqual([]);
});

test('what the page moves (an entry bumped to the top, a name moved into another paragraph) keeps every mention once, in reading order', async ({ load }) => {
  const page = await load(
    '<div id="feed"><p>Japan and China.</p><p>South Korea spoke.</p><p>Ukraine <span>Moscow</span> here.</p><p>Kim Jong Un waited.</p></div><p id="other">Then Russia.</p>',
  );
  await annotate(page);
  const inReadingOrder = ['japan:Japan', 'china:China', 'south-korea:South Korea', 'ukraine:Ukraine', 'moscow:Moscow', 'kim-jong-un:Kim Jong Un', 'russia:Russia'];
  expect(await found(page)).toEqual(inReadingOrder);
  // The last entry to the top, four times over: each time the one that was first is moved below.
  for (let bump = 0; bump < 4; bump++) {
    await page.evaluate(() => {
      const feed = document.getElementById('feed')!;
      feed.insertBefore(feed.lastElementChild!, feed.firstElementChild);
    });
    const expected = await page.evaluate(() =>
      [...document.querySelectorAll('p')].map((p) => p.textContent).join(' '),
    );
    await expect.poll(async () => (await found(page)).map((m) => m.split(':')[1]).join(' ')).toBe(
      expected.match(/Japan|China|South Korea|Ukraine|Moscow|Kim Jong Un|Russia/g)!.join(' '),
    );
  }
  // A name moved into another paragraph, then renamed there.
  await page.evaluate(() => document.getElementById('other')!.append(document.querySelector('span')!));
  await page.evaluate(() => (document.querySelector('span')!.firstChild!.textContent = 'Washington'));
  await expect.poll(() => counts(page)).toEqual({ japan: 1, china: 1, 'south-korea': 1, ukraine: 1, 'kim-jong-un': 1, russia: 1, washington: 1 });
  expect((await found(page)).at(-1)).toBe('washington:Washington');
  expect(await painted(page)).toBe(7);
});

test('scripts, styles and empty wrappers the page adds to or takes from <body> have nothing read again; text added there is', async ({ load }) => {
  const page = await load(ARTICLE);
  await annotate(page);
  const kept = await page.evaluate(async () => {
    const w = window as unknown as Win & { before: unknown[] };
    w.before = [...w.annotator.mentions];
    const script = Object.assign(document.createElement('script'), { type: 'text/plain', textContent: 'var tag = "Kim Jong Un";' });
    document.body.append(script, document.createElement('style'), document.createElement('span'));
    await new Promise((done) => setTimeout(done, 300));
    script.remove();
    await new Promise((done) => setTimeout(done, 300));
    // A rescan of the body would have made every mention anew.
    return w.annotator.mentions.length === w.before.length && w.annotator.mentions.every((m, i) => m === w.before[i]);
  });
  expect(kept).toBe(true);
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('span'), { textContent: ' John Kirby' })));
  await expect.poll(() => found(page)).toContain('john-kirby:John Kirby');
});

test('content the page shows (hidden taken away) is read; content it makes editable or hides has its mentions dropped', async ({ load }) => {
  const page = await load(
    '<main><div id="more" hidden><p>Kim Jong Un greeted him.</p></div><p>Vladimir Putin spoke.</p><div id="ed"><p>Hello John Kirby here.</p></div></main>',
  );
  await annotate(page);
  expect(await found(page)).toEqual(['vladimir-putin:Vladimir Putin', 'john-kirby:John Kirby']);
  await page.evaluate(() => document.getElementById('more')!.removeAttribute('hidden'));
  await expect.poll(() => found(page)).toEqual(['kim-jong-un:Kim Jong Un', 'vladimir-putin:Vladimir Putin', 'john-kirby:John Kirby']);
  // Typed into afterwards, an editor must not carry highlights that drift off their words.
  await page.evaluate(() => ((document.getElementById('ed') as HTMLElement).contentEditable = 'true'));
  await expect.poll(() => found(page)).toEqual(['kim-jong-un:Kim Jong Un', 'vladimir-putin:Vladimir Putin']);
  await page.evaluate(() => document.getElementById('more')!.setAttribute('hidden', ''));
  await expect.poll(() => found(page)).toEqual(['vladimir-putin:Vladimir Putin']);
});

test('a flood of added nodes is handled by one rescan', async ({ load }) => {
  const page = await load('<div id="feed"></div>');
  await annotate(page);
  await page.evaluate(() => {
    const feed = document.getElementById('feed')!;
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < 1500; i++) {
      const p = document.createElement('p');
      p.textContent = i % 3 === 0 ? `Item ${i}: Ukraine.` : `Item ${i}.`;
      fragment.append(p);
    }
    feed.append(fragment);
  });
  await expect.poll(() => counts(page)).toEqual({ ukraine: 500 });
});

test('the filter hides a category at once, and the hit test ignores what is hidden', async ({ load }) => {
  const page = await load('<p style="font-size:40px">Moscow and Vladimir Putin</p>');
  await annotate(page);
  const box = await page.evaluate(() => {
    const text = document.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 6);
    const r = range.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2, right: r.right };
  });
  const hit = (x: number, y: number) =>
    page.evaluate(([x, y]) => (window as unknown as Win).lookup.at(x!, y!)?.entityId ?? null, [x, y]);
  expect(await hit(box.x, box.y)).toBe('moscow');
  // Beside the word, on the space: no mention, although the caret snaps to the word's end.
  expect(await hit(box.right + 4, box.y)).toBeNull();
  await page.evaluate(() => (window as unknown as Win).annotator.setFilter((id) => id !== 'moscow'));
  expect(await hit(box.x, box.y)).toBeNull();
  expect(await painted(page)).toBe(1);
});

test('a reset after a single-page-app navigation scans the new view from scratch', async ({ load }) => {
  const page = await load('<main id="app"><p>John Kirby spoke. Kirby added more.</p></main>');
  await annotate(page);
  expect(await found(page)).toEqual(['john-kirby:John Kirby', 'john-kirby:Kirby']);
  await page.evaluate(async () => {
    history.pushState({}, '', '/another-view');
    document.getElementById('app')!.innerHTML = '<p>Kirby alone is not enough on a new page.</p>';
    await (window as unknown as Win).annotator.reset();
  });
  expect(await found(page)).toEqual([]);
});

test('a burst of single-page-app navigations has the page read once, for the last view, not once for each', async ({ load }) => {
  const page = await load('<main id="app"><p>John Kirby spoke.</p></main>');
  await annotate(page);
  const wholeReads = await page.evaluate(async () => {
    const w = window as unknown as Win;
    // A read of the whole page walks from <body>; a rescan of what the page changed walks from the blocks it changed.
    let reads = 0;
    const walker = Document.prototype.createTreeWalker;
    Document.prototype.createTreeWalker = function (this: Document, root: Node, ...rest: [number?, NodeFilter?]) {
      if (root === document.body) reads++;
      return walker.call(this, root, ...rest);
    };
    const resets: Promise<void>[] = [];
    for (let i = 1; i <= 20; i++) {
      history.pushState({}, '', `/search?q=${i}`);
      document.getElementById('app')!.innerHTML = `<p>Result ${i}: Vladimir Putin spoke.</p>`;
      resets.push(w.annotator.reset());
    }
    await Promise.all(resets);
    // And whatever was still queued behind them.
    await new Promise((done) => setTimeout(done, 400));
    Document.prototype.createTreeWalker = walker;
    return reads;
  });
  expect(wholeReads).toBe(1);
  expect(await found(page)).toEqual(['vladimir-putin:Vladimir Putin']);
  expect(await counts(page)).toEqual({ 'vladimir-putin': 1 });
});

test('a single-page app’s new view of more names than are all painted is painted where the reader is, without a scroll', async ({ load }) => {
  const view = (place: string) => `<p>${`${place} and filler text. `.repeat(30)}</p>`.repeat(25);
  const page = await load(`<main id="app">${view('Russia')}</main>`);
  await annotate(page);
  expect(await found(page)).toHaveLength(750);
  expect(await painted(page)).toBeGreaterThan(0);
  await page.evaluate((html) => {
    history.pushState({}, '', '/another-view');
    document.getElementById('app')!.innerHTML = html;
  }, view('China'));
  // The app's render is read as a change first; the extension's reset comes frames after the navigation.
  await expect.poll(() => found(page)).toEqual(Array(750).fill('china:China'));
  await page.evaluate(() => (window as unknown as Win).annotator.reset());
  expect(await found(page)).toHaveLength(750);
  const texts = await paintedTexts(page);
  expect(texts.length).toBeGreaterThan(0);
  expect(new Set(texts)).toEqual(new Set(['China']));
});

/** Counts the names measured from now on: each Range's box asked for. */
const countMeasurements = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { measured: number };
    w.measured = 0;
    for (const name of ['getBoundingClientRect', 'getClientRects'] as const) {
      const measure = Range.prototype[name] as () => unknown;
      Object.defineProperty(Range.prototype, name, {
        value(this: Range) {
          w.measured++;
          return measure.call(this);
        },
      });
    }
  });

/** The names one frame's update measures after scrolling `screens` further down. */
const measuredByUpdate = (page: Page, screens: number) =>
  page.evaluate((screens) => {
    const w = window as unknown as Win & { measured: number };
    w.measured = 0;
    scrollBy(0, screens * innerHeight);
    w.annotator.updateViewport();
    return w.measured;
  }, screens);

test('painting the top of a long page, and a screen further down, measures no more names on a page twenty times longer', async ({ load }) => {
  // Each name measured in a text node of megabytes (a .txt file, a <pre> dump) costs milliseconds: a 20 MB one took a
  // 100 ms task to find which names are on screen, halving its 12,000 names' list from the middle on.
  const measured = async (paragraphs: number) => {
    const page = await load(`<main>${NEWS_PARAGRAPH.repeat(paragraphs)}</main>`);
    await countMeasurements(page);
    await annotate(page);
    expect(await page.evaluate(() => (window as unknown as Win).annotator.mentionCount)).toBe(paragraphs * 3);
    const atTop = await measuredByUpdate(page, 0);
    const onScroll = await measuredByUpdate(page, 1);
    expect(await painted(page)).toBeGreaterThan(0);
    return { atTop, onScroll };
  };
  const short = await measured(200);
  const long = await measured(4000);
  expect(long.atTop).toBeLessThanOrEqual(short.atTop + 2);
  expect(long.onScroll).toBeLessThanOrEqual(short.onScroll + 2);
});

test('scrolling a plain-text page of one text node measures no names at its top again, as a sticky header’s would be', async ({ load }) => {
  const page = await load('<pre id="book"></pre>');
  await page.evaluate(() => {
    const line = 'the prince said that he would go to the ball and the countess smiled\n';
    let text = '';
    for (let i = 0; i < 4000; i++) text += i % 10 === 0 ? 'They rode to Moscow and across Russia.\n' : line;
    document.getElementById('book')!.textContent = text;
  });
  await countMeasurements(page);
  await annotate(page);
  await measuredByUpdate(page, 20);
  const measured = await measuredByUpdate(page, 1);
  // Where the window begins and ends, a few names each side: fewer than the 16 names at the top a header could hold.
  expect(measured).toBeLessThan(16);
  expect(await painted(page)).toBeGreaterThan(0);
});

test('scrolling a book of one 3 MB text node (a .txt file) keeps the highlights following at most part of the time, and painted where the reader stops', async ({
  load,
}) => {
  const page = await load('<pre id="book"></pre>');
  await page.evaluate(() => {
    // Chromium shows a plain-text file as one text node in a <pre>: measuring where a name stands in it costs a millisecond or more.
    const line = 'the prince said that he would go to the ball and the countess smiled\n';
    let text = '';
    for (let i = 0; text.length < 3_000_000; i++) text += i % 40 === 0 ? 'They rode to Moscow and across Russia.\n' : line;
    document.getElementById('book')!.textContent = text;
  });
  await annotate(page);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const annotator = w.annotator;
    const update = annotator.updateViewport.bind(annotator);
    let busy = 0;
    annotator.updateViewport = () => {
      const began = performance.now();
      update();
      busy += performance.now() - began;
    };
    const began = performance.now();
    // A reader scrolling steadily: the page's scroll listeners (the annotator's and the card's) each update once a frame.
    for (let frame = 0; frame < 60; frame++) {
      scrollBy(0, 300);
      annotator.updateViewport();
      annotator.updateViewport();
      await new Promise((done) => requestAnimationFrame(done));
    }
    const share = busy / (performance.now() - began);
    await new Promise((done) => setTimeout(done, 1000));
    const inView = [...CSS.highlights.get('backstory-mention')!].some((painted) => {
      const range = document.createRange();
      range.setStart(painted.startContainer, painted.startOffset);
      range.setEnd(painted.endContainer, painted.endOffset);
      const box = range.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= innerHeight;
    });
    return { share, inView, mentions: annotator.mentionCount };
  });
  expect(result.mentions).toBeGreaterThan(2000);
  expect(result.share).toBeLessThan(0.4);
  expect(result.inView).toBe(true);
});

test('a long page is scanned in slices: the page’s own tasks and frames run in between', async ({ load }) => {
  const page = await load(`<main>${NEWS_PARAGRAPH.repeat(20_000)}</main>`);
  const result = await scanCountingPageTasks(page);
  expect(result.mentions).toBe(60_000);
  expect(result.pageTasks).toBeGreaterThan(5);
  expect(result.frames).toBeGreaterThan(1);
});

/**
 * Starts the annotator on the page as `annotate` does, noting how many names it had found when it first
 * changed our highlights, and when the first frame after that came (asked for only then). `frameDelay`:
 * frames come that much later, as on a busy machine, so the scan has time to run on if it does not wait.
 */
const annotateNotingFirstFrame = (page: Page, frameDelay = 0) =>
  page.evaluate(async (frameDelay) => {
    const w = window as unknown as Win;
    if (frameDelay > 0) {
      const frame = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (callback) => window.setTimeout(() => frame(callback), frameDelay);
      window.cancelAnimationFrame = (id) => window.clearTimeout(id);
    }
    let atFirstChange: number | undefined;
    let atFirstFrame: number | undefined;
    for (const method of ['add', 'delete', 'clear'] as const) {
      const original = Highlight.prototype[method] as (...args: unknown[]) => unknown;
      Object.defineProperty(Highlight.prototype, method, {
        configurable: true,
        value(this: Highlight, ...args: unknown[]) {
          if (atFirstChange === undefined) {
            // Read once the slice has handed over all it found: the mentions stored before they are painted.
            queueMicrotask(() => (atFirstChange = w.annotator.mentionCount));
            requestAnimationFrame(() => (atFirstFrame = w.annotator.mentionCount));
            atFirstChange = -1;
          }
          return original.apply(this, args);
        },
      });
    }
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
    const registeredAtStart = CSS.highlights.size;
    await w.annotator.start();
    return { atFirstChange, atFirstFrame, registeredAtStart, mentions: w.annotator.mentionCount };
  }, frameDelay);

test('the first names of a long page get their frame before the scan goes on, however late the frame comes', async ({ load }) => {
  const page = await load(`<main>${NEWS_PARAGRAPH.repeat(20_000)}</main>`);
  const { atFirstChange, atFirstFrame, mentions } = await annotateNotingFirstFrame(page, 60);
  expect(mentions).toBe(60_000);
  expect(atFirstChange).toBeGreaterThan(0);
  expect(atFirstChange).toBeLessThan(mentions);
  // Nothing more was read before the frame that shows the first names.
  expect(atFirstFrame).toBe(atFirstChange);
});

test('no highlight is registered before there is a name to paint: registering one, even empty, has the browser repaint the whole page', async ({
  load,
}) => {
  const page = await load(`<main>${'<p>The talks went on through the night, and the delegations met again at dawn.</p>'.repeat(200)}</main>`);
  const { registeredAtStart, mentions } = await annotateNotingFirstFrame(page);
  expect(mentions).toBe(0);
  expect(registeredAtStart).toBe(0);
  expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
  await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<p>Vladimir Putin arrived.</p>'));
  await expect.poll(() => painted(page)).toBe(1);
  expect(await page.evaluate(() => [...CSS.highlights.keys()].sort())).toEqual(['backstory-hover', 'backstory-mention']);
});

test('a long page scanned where the browser renders no frames (a throttled frame) still has its names painted and read to its end', async ({
  load,
}) => {
  const page = await load(`<main>${NEWS_PARAGRAPH.repeat(5_000)}</main>`);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    // As in a frame out of view that Chromium does not render: no animation frame ever comes.
    window.requestAnimationFrame = () => 0;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
    const began = performance.now();
    await w.annotator.start();
    return { ms: performance.now() - began, mentions: w.annotator.mentionCount, painted: CSS.highlights.get('backstory-mention')?.size ?? 0 };
  });
  expect(result.mentions).toBe(15_000);
  expect(result.painted).toBeGreaterThan(0);
  // One wait for a frame at most (100 ms), not one per slice.
  expect(result.ms).toBeLessThan(3_000);
});

test('a log of megabytes in one <pre>, a <span> round every word, is read in slices: the page’s own tasks run in between', async ({ load }) => {
  // One block, as no block element stands inside it: it was walked and searched in one task (220-300 ms for 4 MB).
  const page = await load('<pre id="log"></pre>');
  await fillLog(page, LOG_HOUR.repeat(600));
  const result = await scanCountingPageTasks(page);
  expect(result.mentions).toBe(1200);
  expect(result.last).toBe('Pyongyang');
  expect(result.pageTasks).toBeGreaterThan(5);
});

test('a transcript of 180,000 words in one paragraph, a <span> round each, is walked in slices, not in one task', async ({ load }) => {
  // One block: no block element, line break or bracket to cut it at. Its walk of 360,000 nodes took one task (220-340 ms);
  // a log's block, cut at a line break past 64 KiB, holds about 15,000 nodes, which took 14-25 ms of one slice.
  const words = (text: string) => text.split(' ').map((word) => `<span>${word}</span>`).join(' ');
  const sentence = `${words('and so the talks went on through the night while the delegations waited')} ${words('Vladimir Putin arrived in Pyongyang')} `;
  const page = await load(`<p id="transcript">${sentence.repeat(10_000)}</p>`);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire), painter: w.backstoryHarness.unpainted });
    const { turns } = await w.backstoryHarness.takingTurns(() => w.annotator.start());
    return { turns, mentions: w.annotator.mentionCount, last: w.annotator.mentions.at(-1)?.text };
  });
  expect(result.mentions).toBe(20_000);
  expect(result.last).toBe('Pyongyang');
  // The walk alone takes well over 100 ms: a slice is 8.
  expect(result.turns).toBeGreaterThan(8);
});

test('a paragraph of megabytes in one text node, on one line, is searched in slices, not in one task', async ({ load }) => {
  // One block: no line break, quotation mark or bracket to cut it at. 16 MB, a name in every sentence, was searched in
  // one task; cut at the ends of its sentences past 256 KiB, each piece takes a slice of its own.
  const page = await load('<p id="speech"></p>');
  await page.evaluate(async () => {
    document.getElementById('speech')!.textContent = 'Vladimir Putin spoke to reporters again and again at dawn. '.repeat(270_000);
    // The page's own layout and first paint of it (seconds) come before the scan, as when such a page loads.
    void document.body.getBoundingClientRect();
    for (let i = 0; i < 2; i++) await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
  });
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire), painter: w.backstoryHarness.unpainted });
    const waits: number[] = [];
    const { turns } = await w.backstoryHarness.takingTurns(() => w.annotator.start(), (ms) => waits.push(ms));
    return { turns, longWaits: waits.filter((ms) => ms >= 120), mentions: w.annotator.mentionCount, last: w.annotator.mentions.at(-1)?.text };
  });
  expect(result.mentions).toBe(270_000);
  expect(result.last).toBe('Vladimir Putin');
  // About 30 turns, the longest wait 40–67 ms here; before, 2 turns and 285 ms. With another process taking one of the
  // two cores, one wait early in the scan grew to 230 ms (323 and 420 in full runs on a busy host), the others stayed
  // under 110: one such wait is the machine's, several would be slices of ours too long.
  expect(result.turns).toBeGreaterThan(10);
  expect(result.longWaits.length).toBeLessThanOrEqual(1);
});

test('a log of 300,000 elements is read with no query of the whole page: hidden and editable parts skipped, shown later read, a custom element defined later read', async ({
  load,
}) => {
  // Each page-wide query (skipped elements, undefined custom elements) ran in one task: 8-11 ms at this size, more on larger pages.
  const page = await load('<pre id="log"></pre>');
  const odd = '<span hidden>John Kirby</span> <span contenteditable>Japan</span> <log-card></log-card>\n';
  await fillLog(page, LOG_HOUR.repeat(300) + odd + LOG_HOUR.repeat(300));
  const ids = () => page.evaluate(() => [...new Set((window as unknown as Win).annotator.mentions.map((m) => m.entityId))]);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
    const { elements } = await w.backstoryHarness.widestQuery(() => w.annotator.start());
    return { elements, all: document.body.querySelectorAll('*').length };
  });
  expect(result.all).toBeGreaterThan(300_000);
  expect(result.elements).toBeLessThan(30_000);
  expect(await ids()).toEqual(['vladimir-putin', 'pyongyang']);
  await page.evaluate(() => {
    document.querySelector('[hidden]')!.removeAttribute('hidden');
    customElements.define(
      'log-card',
      class extends HTMLElement {
        connectedCallback() {
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>Kim Jong Un</p>';
        }
      },
    );
  });
  // The custom element is looked at again seconds after (upgrade-watch.ts).
  await expect.poll(ids, { timeout: 15_000 }).toEqual(['vladimir-putin', 'pyongyang', 'john-kirby', 'kim-jong-un']);
});

/** Half a megabyte on one line: a dump in a <pre>, or the same text wrapped. */
const LONG_LINE = 'Vladimir Putin arrived in town and met the officials. '.repeat(10_000);

/** Scans a page holding LONG_LINE in #dump, counting the page's tasks until two frames after the scan, and hovers a name midway. */
const scanLongLine = (page: Page) =>
  page.evaluate(async (line) => {
    const w = window as unknown as Win;
    const dump = document.getElementById('dump')!;
    dump.textContent = line;
    const { longestGap } = await w.backstoryHarness.countingPageTasks(async () => {
      await annotate();
      // The highlights are painted in the frame after.
      for (let frame = 0; frame < 2; frame++) await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
    });
    const node = dump.firstChild as Text;
    return {
      longestGap,
      mentions: w.annotator.mentionCount,
      painted: CSS.highlights.get('backstory-mention')?.size ?? 0,
      hovered: w.lookup.atCaret(node, node.data.indexOf('Putin', line.length / 2) + 2)?.entityId,
    };
    async function annotate() {
      w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
      w.lookup = new w.backstoryHarness.MentionLookup(w.annotator);
      await w.annotator.start();
    }
  }, LONG_LINE);

test('names on a line of half a megabyte in a <pre> are found and hovered, and painting them does not freeze the tab', async ({ load }) => {
  // Chromium lays a highlighted line out from its start for each range on it: 10,000 ranges there took over 30 s to paint.
  const page = await load('<p>Kim Jong Un waited.</p><pre id="dump"></pre>');
  const result = await scanLongLine(page);
  expect(result.mentions).toBe(10_001);
  expect(result.hovered).toBe('vladimir-putin');
  // Only Kim Jong Un's name is painted; the line itself takes the page about 150 ms to lay out.
  expect(result.painted).toBe(1);
  expect(result.longestGap).toBeLessThan(3000);
});

test('names in a paragraph of half a megabyte, or a <pre> that wraps it, are painted around the viewport', async ({ load }) => {
  for (const html of ['<p id="dump"></p>', '<pre id="dump" style="white-space: pre-wrap"></pre>']) {
    const page = await load(html);
    const result = await scanLongLine(page);
    expect(result.mentions).toBe(10_000);
    expect(result.painted).toBeGreaterThan(20);
    expect(result.painted).toBeLessThan(1000);
  }
});

test('a log of one text node, with 100,000 names, that the page appends to and rewrites never freezes the tab, and hovering follows', async ({ load }) => {
  // Each change had the names found again matched to the old ones by a search through all of the node's (a frozen tab of
  // seconds), and the node's old names taken out of the hover index one by one, a search and a shift of the list each.
  const page = await load('<pre id="log"></pre>');
  await page.evaluate(() => {
    document.getElementById('log')!.textContent = 'Vladimir Putin arrived.\n'.repeat(100_000);
  });
  await annotate(page);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const log = document.getElementById('log')!;
    const has = (entityId: string) => w.annotator.mentions.some((m) => m.entityId === entityId);
    const until = async (done: () => boolean) => {
      while (!done()) await new Promise((next) => setTimeout(next, 0));
    };
    // Hovered once: the card script's index of the names is built, and from then on follows each change.
    w.lookup.atCaret(log.firstChild!, 0);
    const { longestGap } = await w.backstoryHarness.countingPageTasks(async () => {
      log.append('Kim Jong Un arrived.\n');
      await until(() => has('kim-jong-un'));
      log.textContent += 'John Kirby said so.\n';
      await until(() => has('john-kirby'));
    });
    const node = log.firstChild as Text;
    const hovered = w.lookup.atCaret(node, node.data.lastIndexOf('John Kirby') + 2)?.entityId;
    return { longestGap, hovered, mentions: w.annotator.mentionCount, inOneNode: log.childNodes.length === 1 };
  });
  expect(result.inOneNode).toBe(true);
  expect(result.mentions).toBe(100_002);
  expect(result.hovered).toBe('john-kirby');
  // The page's own layout of the rewritten log takes about 400 ms here; the searches took 5.7 s more.
  expect(result.longestGap).toBeLessThan(2500);
});

test('a log of 100,000 lines in one element with 2,000 lines edited at once is read again without seconds of ordering its lines', async ({ load }) => {
  // Chromium's compareDocumentPosition walks a parent's children to order two of them: each comparison of the rescan's
  // sorting and searches cost up to 0.7 ms here, and the rescan took 11.5 s of the tab's time, sliced; with its lines numbered once, 0.7 s.
  const page = await load(`<main id="log">${'<div>Line: Vladimir Putin met officials.</div>'.repeat(100_000)}</main>`);
  await annotate(page);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const lines = document.getElementById('log')!.children;
    const began = performance.now();
    for (let i = 0; i < 2000; i++) lines[i * 50]!.textContent = `Edited ${i}: John Kirby said so.`;
    while (w.counts['john-kirby'] !== 2000) await new Promise((next) => setTimeout(next, 20));
    const took = performance.now() - began;
    const kirby = w.annotator.mentions.filter((m) => m.entityId === 'john-kirby');
    return { took, mentions: w.annotator.mentionCount, inOrder: kirby.every((m, i) => m.startNode.data === `Edited ${i}: John Kirby said so.`) };
  });
  expect(result.mentions).toBe(100_000);
  expect(result.inOrder).toBe(true);
  expect(result.took).toBeLessThan(3000);
});

test('one element of 200,000 paragraphs naming someone in full is read again, when the page adds text to it, without freezing the tab', async ({
  load,
}) => {
  // The block's old places were taken out of each entity's list one by one, a search and a shift each (the tab frozen 6.4 s
  // here), and its new ones spread into splice's arguments, which overflowed the stack: the change was never read. Now 0.2 s.
  const page = await load(`<main id="m">${'<p>Vladimir Putin met officials.</p>'.repeat(200_000)}</main>`);
  await annotate(page);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const { longestGap } = await w.backstoryHarness.countingPageTasks(async () => {
      document.getElementById('m')!.append(' John Kirby said so.');
      const began = performance.now();
      while (!w.counts['john-kirby'] && performance.now() - began < 20_000) await new Promise((next) => setTimeout(next, 20));
    });
    return { longestGap, mentions: w.annotator.mentionCount };
  });
  expect(result.mentions).toBe(200_001);
  expect(result.longestGap).toBeLessThan(2500);
});

test('a name’s text the page shortens while a long page is scanned breaks nothing: the rest is found, the change read again', async ({ load }) => {
  const filler = '<p>Nothing to see in this paragraph, only <i>filler</i> text for length.</p>'.repeat(8000);
  const page = await load(`<h1 id="h">Kim Jong Un meets Vladimir Putin</h1><div>${filler}</div><p>China at the end.</p>`);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
    w.lookup = new w.backstoryHarness.MentionLookup(w.annotator);
    let error = '';
    const scanned = w.annotator.start().catch((e: unknown) => (error = String(e)));
    while (w.annotator.mentions.length === 0) await new Promise((done) => setTimeout(done, 0));
    // As React updates text: in place, shorter than the offsets of the names found in it.
    (document.getElementById('h')!.firstChild as Text).data = 'Live';
    const box = document.getElementById('h')!.getBoundingClientRect();
    const hovered = w.lookup.at(box.x + 5, box.y + box.height / 2)?.text ?? null;
    w.annotator.updateViewport();
    await scanned;
    await new Promise((done) => setTimeout(done, 300));
    return { error, hovered, found: w.annotator.mentions.map((m) => m.text) };
  });
  expect(result.error).toBe('');
  expect(result.hovered).toBeNull();
  expect(result.found).toEqual(['China']);
});

test('a long page whose section the walk is in is replaced between two slices is still read to its end', async ({ load }) => {
  const filler = '<p>Nothing to see in this paragraph, only <i>filler</i> text for length.</p>'.repeat(6000);
  const page = await load(`<p>Vladimir Putin at the top.</p><div id="a">${filler}</div><div><p>Kim Jong Un at the end.</p></div>`);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
    const scanned = w.annotator.start();
    while (w.annotator.mentions.length === 0) await new Promise((done) => setTimeout(done, 0));
    // As a framework re-rendering a section: the node the walk was to go on from leaves the page.
    const fresh = document.createElement('div');
    fresh.innerHTML = '<p>Replaced section.</p>';
    document.getElementById('a')!.replaceWith(fresh);
    await scanned;
    return w.annotator.mentions.map((m) => m.text);
  });
  expect(result).toEqual(['Vladimir Putin', 'Kim Jong Un']);
});

test('a long page that re-renders the section the walk is in, at pause after pause of one scan, is still read to its end', async ({ load }) => {
  const filler = '<p>Nothing to see in this paragraph, only <i>filler</i> text for length.</p>'.repeat(5000);
  const sections = `<section><p>Vladimir Putin spoke.</p>${filler}</section>`.repeat(6);
  const page = await load(`<main>${sections}</main><p>Kim Jong Un at the end.</p>`);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
    let scanning = true;
    const scanned = w.annotator.start().finally(() => (scanning = false));
    let rendered = 0;
    while (scanning) {
      // As a framework re-rendering the section the walk is in, the one of the last name found, each time it runs.
      const section = w.annotator.mentions.at(-1)?.startNode.parentElement?.closest('section');
      if (section?.isConnected) {
        section.replaceWith(Object.assign(document.createElement('section'), { innerHTML: '<p>Rendered anew.</p>' }));
        rendered++;
      }
      await new Promise((done) => setTimeout(done, 0));
    }
    await scanned;
    return { rendered, found: w.annotator.mentions.map((m) => m.text) };
  });
  // Three times it was read again from the top; the fourth time, the walk went on in the section taken out and ended with it.
  expect(result.rendered).toBeGreaterThan(3);
  expect(result.found).toEqual([...Array<string>(6 - result.rendered).fill('Vladimir Putin'), 'Kim Jong Un']);
});

test('while a name on a line too long to paint is held, the painter is told where a rescan changed the rest; once the page took it out, it gets the whole list again', async ({
  load,
}) => {
  const page = await load('<p>Kim Jong Un waited.</p><p id="x">Vladimir Putin spoke.</p><pre id="dump"></pre>');
  const result = await page.evaluate(async (line) => {
    const w = window as unknown as Win;
    document.getElementById('dump')!.textContent = line;
    const given: { mentions: number; from?: number; shown: boolean }[] = [];
    const painter = w.backstoryHarness.unpainted();
    painter.setMentions = (mentions, from) => given.push({ mentions: mentions.length, from, shown: mentions === w.annotator.shown });
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire), painter: () => painter });
    await w.annotator.start();
    const named = async (entityId: string) => {
      while (!w.annotator.mentions.some((m) => m.entityId === entityId)) await new Promise((next) => setTimeout(next, 10));
    };
    given.length = 0;
    document.getElementById('x')!.append(' China too.');
    await named('china');
    const held = given.splice(0);
    document.getElementById('dump')!.remove();
    while (w.annotator.mentions.some((m) => m.longLine)) await new Promise((next) => setTimeout(next, 10));
    given.length = 0;
    document.getElementById('x')!.append(' Japan too.');
    await named('japan');
    return { held, gone: given.splice(0) };
  }, `${'x '.repeat(5000)}Vladimir Putin in the dump.`);
  // The names the painter had before the one the rescan changed are the same: only from there on is anything measured.
  expect(result.held).toEqual([{ mentions: 3, from: 2, shown: false }]);
  // Not a copy of the list without the names on long lines at each change: the shown list itself.
  expect(result.gone).toEqual([{ mentions: 4, from: 3, shown: true }]);
});

test('highlights the page takes out of the shared registry (its own search clearing it) come back with the next scroll', async ({ load }) => {
  const page = await load(ARTICLE);
  await annotate(page);
  const before = await painted(page);
  expect(before).toBeGreaterThan(0);
  await page.evaluate(() => CSS.highlights.clear());
  expect(await painted(page)).toBe(0);
  await page.evaluate(() => (window as unknown as Win).annotator.updateViewport());
  expect(await painted(page)).toBe(before);
});

test('text added right under <body> of a long page has the page read again in slices: the page’s own tasks run in between', async ({ load }) => {
  const page = await load(`<main>${NEWS_PARAGRAPH.repeat(20_000)}</main>`);
  await annotate(page);
  const result = await appendKirbyCountingPageTasks(page, 'body');
  expect(result.mentions).toBe(60_001);
  expect(result.pageTasks).toBeGreaterThan(5);
});

test('a long page read again as a whole keeps its highlights on screen meanwhile, and the very mentions it finds again', async ({ load }) => {
  const page = await load(`<main>${NEWS_PARAGRAPH.repeat(20_000)}</main>`);
  await annotate(page);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const first = w.annotator.shown[0]!;
    let fewestPainted = Infinity;
    document.body.append(' John Kirby said so.');
    while (!w.annotator.mentions.some((m) => m.entityId === 'john-kirby')) {
      fewestPainted = Math.min(fewestPainted, CSS.highlights.get('backstory-mention')?.size ?? 0);
      await new Promise((done) => setTimeout(done, 0));
    }
    return { fewestPainted, kept: w.annotator.shown[0] === first, stillShown: w.annotator.shown.includes(first) };
  });
  expect(result.fewestPainted).toBeGreaterThan(0);
  expect(result.kept).toBe(true);
  expect(result.stillShown).toBe(true);
});

test('a change inside a custom element laid out as a block has that element read again, not the whole page', async ({ load }) => {
  const page = await load(`<inline-note>Seoul <b>noon</b></inline-note><main><p>Vladimir Putin</p></main>
    <live-clock style="display:block">Moscow time <b>12:00</b></live-clock><div></div>`);
  const roots = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const watcher = new w.backstoryHarness.MutationWatcher(document.documentElement, () => {});
    const settle = () => new Promise((done) => setTimeout(done, 0));
    const changed = async (selector: string, text: string) => {
      document.querySelector(selector)!.textContent = text;
      await settle();
      return watcher.take()!.roots.map((root) => (root as Element).localName);
    };
    const clock = await changed('live-clock b', '12:01');
    const inline = await changed('inline-note b', 'one');
    // Laid out as a block, but read by tags with the text beside it ("Vladimir <x-name>Putin</x-name>"): read with that text.
    document.body.insertAdjacentHTML('beforeend', 'Vladimir <x-name style="display:block">Putin</x-name> met officials.');
    await settle();
    watcher.take();
    return { clock, inline, joined: await changed('x-name', 'Medvedev') };
  });
  // Laid out inline, the note's text joins what is around it: the page's own block is read again.
  expect(roots).toEqual({ clock: ['live-clock'], inline: ['body'], joined: ['body'] });
});

test('text the page takes out has the mentions checked for what left the page only when a mention was in it', async ({ load }) => {
  const page = await load('<p id="name">Vladimir Putin</p><p>Updated <span id="clock">12:00</span></p><div id="box"><p>Kim <b>Jong</b> Un</p></div>');
  const removed = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const held = new Set<Node>([document.querySelector('#name')!.firstChild!, document.querySelector('#box b')!.firstChild!]);
    const watcher = new w.backstoryHarness.MutationWatcher(document.documentElement, () => {}, () => 0, (node) => held.has(node));
    const settle = () => new Promise((done) => setTimeout(done, 0));
    const after = async (change: () => void) => {
      change();
      await settle();
      return watcher.take()?.removed ?? null;
    };
    return {
      clock: await after(() => (document.querySelector('#clock')!.textContent = '12:01')),
      name: await after(() => (document.querySelector('#name')!.textContent = 'Nobody')),
      inside: await after(() => document.querySelector('#box p')!.remove()),
    };
  });
  expect(removed).toEqual({ clock: false, name: true, inside: true });
});

test('a change in a block that holds a whole long page (an app’s one <div>) is read in slices: the page’s own tasks run in between', async ({
  load,
}) => {
  const page = await load(`<div id="app">${NEWS_PARAGRAPH.repeat(20_000)}</div>`);
  await annotate(page);
  const result = await appendKirbyCountingPageTasks(page, '#app');
  expect(result.mentions).toBe(60_001);
  expect(result.pageTasks).toBeGreaterThan(5);
});

test('a change to one block keeps the ranges of the mentions outside it registered as they were: only its own are taken out and added', async ({
  load,
}) => {
  // A ticker rewriting a name and a live feed: Chromium repaints every range registered whenever the DOM changes, and
  // building every range anew on each rescan was our own cost on top of that, on every change of a page that never stops.
  const page = await load(`<div id="ticker">Live: Vladimir Putin lands</div><ul id="feed"></ul><main>${'<p>North Korea and John Kirby in Moscow.</p>'.repeat(20)}</main>`);
  await annotate(page);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const highlight = CSS.highlights.get('backstory-mention')!;
    const ticker = document.getElementById('ticker')!;
    const before = new Set(highlight as unknown as Set<AbstractRange>);
    const outside = [...before].filter((range) => !ticker.contains(range.startContainer));
    const steps: { same: boolean; keptOutside: number; exact: boolean }[] = [];
    const settle = async (done: () => boolean) => {
      while (!done()) await new Promise((next) => setTimeout(next, 10));
    };
    const exact = () => {
      const key = (node: Node, start: number, end: number) => `${w.annotator.shown.findIndex((m) => m.startNode === node)}:${start}-${end}`;
      const ranges = [...(CSS.highlights.get('backstory-mention') as unknown as Set<AbstractRange>)].map((r) => key(r.startContainer, r.startOffset, r.endOffset));
      const mentions = w.annotator.shown.map((m) => key(m.startNode, m.startOffset, m.endOffset));
      return ranges.sort().join() === mentions.sort().join();
    };
    const step = () => {
      const now = CSS.highlights.get('backstory-mention') as unknown as Set<AbstractRange>;
      steps.push({ same: now === (highlight as unknown), keptOutside: outside.filter((range) => now.has(range)).length, exact: exact() });
    };
    ticker.textContent = 'Live: Kim Jong Un lands';
    await settle(() => w.annotator.shown.some((m) => m.entityId === 'kim-jong-un'));
    step();
    const item = document.createElement('li');
    item.textContent = 'John Kirby spoke.';
    document.getElementById('feed')!.append(item);
    await settle(() => w.annotator.shown.some((m) => item.contains(m.startNode)));
    step();
    return { outside: outside.length, steps };
  });
  expect(result.outside).toBe(60);
  expect(result.steps).toEqual([
    { same: true, keptOutside: 60, exact: true },
    { same: true, keptOutside: 60, exact: true },
  ]);
});

test('a ticker that replaces its text node has each change painted once: the old mention dropped and the new one found in one update', async ({
  load,
}) => {
  const page = await load(`<div id="ticker">Live: Vladimir Putin lands</div><main>${'<p>North Korea and John Kirby in Moscow.</p>'.repeat(20)}</main>`);
  await annotate(page);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    // Each update of the painter measures where the viewport's window of mentions lies: a dozen boxes or more.
    const painter = (w.annotator as unknown as { painter: { setMentions: (m: unknown) => void } }).painter;
    const setMentions = painter.setMentions.bind(painter);
    let updates = 0;
    painter.setMentions = (mentions) => {
      updates++;
      setMentions(mentions);
    };
    document.getElementById('ticker')!.textContent = 'Live: Kim Jong Un lands';
    while (!w.annotator.shown.some((m) => m.entityId === 'kim-jong-un')) await new Promise((next) => setTimeout(next, 10));
    const ranges = [...(CSS.highlights.get('backstory-mention') as unknown as Set<AbstractRange>)];
    const ticker = ranges.filter((r) => document.getElementById('ticker')!.contains(r.startContainer));
    return { updates, painted: ranges.length, ticker: ticker.map((r) => r.startContainer.textContent!.slice(r.startOffset, r.endOffset)) };
  });
  expect(result).toEqual({ updates: 1, painted: 61, ticker: ['Kim Jong Un'] });
});

test('a page that never stops changing a long block has it read again at most part of the time', async ({ load }) => {
  const page = await load(`<div id="app"><span id="clock">0</span>${NEWS_PARAGRAPH.repeat(6_000)}</div>`);
  await annotate(page);
  const share = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const annotator = w.annotator as unknown as { rescan: (work: unknown) => Promise<void> };
    const rescan = annotator.rescan.bind(annotator);
    let busy = 0;
    annotator.rescan = async (work) => {
      const began = performance.now();
      await rescan(work);
      busy += performance.now() - began;
    };
    const clock = document.getElementById('clock')!;
    const began = performance.now();
    // The clock ticks in every task of the page's for two seconds.
    while (performance.now() - began < 2000) {
      clock.textContent = String(performance.now());
      await new Promise((done) => setTimeout(done, 0));
    }
    return busy / (performance.now() - began);
  });
  expect(share).toBeLessThan(0.6);
});

test('a clock ticking in a custom element on a long page keeps every mention, an open card’s among them', async ({ load }) => {
  const page = await load(`<main>${NEWS_PARAGRAPH.repeat(6_000)}</main><live-clock style="display:block">Putin: <b>0</b></live-clock>`);
  await annotate(page);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const before = [...w.annotator.shown];
    const clock = document.querySelector('live-clock b')!;
    for (let tick = 1; tick <= 3; tick++) {
      clock.textContent = String(tick);
      await new Promise((done) => setTimeout(done, 50));
    }
    const after = w.annotator.shown;
    return { count: after.length, same: before.filter((m, i) => after[i] === m).length, total: before.length };
  });
  expect(result.count).toBe(result.total);
  expect(result.same).toBe(result.total);
});

test('without the Highlight API, marks are drawn over the text, and the page DOM stays untouched', async ({ load }) => {
  const page = await load('<p style="font-size:30px">Vladimir Putin met Kim Jong Un.</p>');
  const before = await page.evaluate(() => document.body.innerHTML);
  await page.evaluate(async () => {
    const w = window as unknown as Win;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire), painter: w.backstoryHarness.overlay });
    await w.annotator.start();
  });
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  const marks = await overlayMarks(page);
  const expected = await page.evaluate(() => {
    const text = document.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 'Vladimir Putin'.length);
    return Math.round(range.getBoundingClientRect().left);
  });
  expect(marks).toHaveLength(2);
  expect(Math.round(parseFloat(/left:\s*([\d.]+)px/.exec(marks[0]!)![1]!))).toBe(expected);
  await page.evaluate(() => (window as unknown as Win).annotator.destroy());
  expect(await page.evaluate(() => document.querySelector('backstory-overlay'))).toBeNull();
});

test('without the Highlight API, a page that defined backstory-overlay as its own custom element still gets its names marked, and keeps its element', async ({
  load,
}) => {
  const page = await load(`<script>
customElements.define('backstory-overlay', class extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<b>the page’s own</b>';
  }
});
</script><p style="font-size:30px">Vladimir Putin met Kim Jong Un.</p><backstory-overlay id="own"></backstory-overlay>`);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const started = await page.evaluate(async () => {
    const w = window as unknown as Win;
    try {
      w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire), painter: w.backstoryHarness.overlay });
      await w.annotator.start();
      return 'started';
    } catch (error) {
      return String(error);
    }
  });
  expect(started).toBe('started');
  expect(await overlayMarks(page)).toHaveLength(2);
  expect(await page.evaluate(() => [...document.querySelectorAll('backstory-overlay')].map((el) => el.id))).toEqual(['own']);
  expect(errors).toEqual([]);
});

test('without the Highlight API, only names the reader sees are marked, and the page’s styles do not reach the marks', async ({ load }) => {
  const page = await load(`<style>html > :not(head, body) { display: none !important }</style>
    <p style="font-size:30px">Vladimir Putin met Kim Jong Un.</p>
    <p style="visibility:hidden">Russia hid.</p>
    <span style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap">Pyongyang for screen readers</span>
    <div style="height:60px;overflow:auto;font-size:20px"><p style="height:200px">Later.</p><p>Moscow is scrolled out of the panel.</p></div>`);
  await page.evaluate(async () => {
    const w = window as unknown as Win;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire), painter: w.backstoryHarness.overlay });
    await w.annotator.start();
  });
  expect(await page.evaluate(() => (window as unknown as Win).annotator.mentionCount)).toBe(5);
  expect(await overlayMarks(page)).toHaveLength(2);
  // The overlay's host is the last element of the page's root, which the page's rule would hide.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement.lastElementChild!).display)).not.toBe('none');
});

test('without the Highlight API, names drawn through a slot or a wrapper without a box of its own are marked', async ({ load }) => {
  const page = await load(`<script>
customElements.define('x-panel', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<div style="font-size:30px"><slot></slot></div>'; }
});
</script><x-panel>Vladimir Putin met the press.</x-panel><p style="font-size:30px"><span style="display:contents">Kim Jong Un replied.</span></p>`);
  await page.evaluate(async () => {
    const w = window as unknown as Win;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire), painter: w.backstoryHarness.overlay });
    await w.annotator.start();
  });
  expect(await page.evaluate(() => (window as unknown as Win).annotator.mentionCount)).toBe(2);
  expect(await overlayMarks(page)).toHaveLength(2);
});

interface CdpNode {
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/** The overlay's marks shown (their inline styles), read through its closed shadow root with the DevTools protocol. */
async function overlayMarks(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  await cdp.detach();
  const marks: string[] = [];
  const visit = (node: CdpNode) => {
    const attrs = node.attributes ?? [];
    const cls = attrs[attrs.indexOf('class') + 1];
    if (attrs.includes('class') && cls?.startsWith('mark') && !attrs.includes('hidden')) {
      marks.push(attrs[attrs.indexOf('style') + 1]!);
    }
    [...(node.children ?? []), ...(node.shadowRoots ?? [])].forEach(visit);
  };
  visit(root);
  return marks;
}

test('the keyboard walk’s place of the reader: the name a caret is in, or the first after a focused element or a caret, across open shadow roots', async ({
  load,
}) => {
  const page = await load(
    '<p id="one">Vladimir Putin met <a id="link" href="#x">the press</a> then Kim Jong Un.</p><div id="host"></div><p id="two">Pyongyang <button id="end">end</button></p>',
  );
  await page.evaluate(() => {
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Moscow and <a id="inner" href="#y">a link</a> Russia</p>';
  });
  await annotate(page);
  const firsts = await page.evaluate(() => {
    const w = window as unknown as Win;
    const { firstFrom, readerPlace } = w.backstoryHarness;
    const shown = w.annotator.shown;
    const index = { at: (node: Node, offset: number) => w.lookup.atCaret(node, offset) };
    const ours = () => false;
    const first = () => {
      const place = readerPlace(document, ours);
      if (!place) return 'nowhere';
      return shown[firstFrom(shown, place, index)]?.text ?? 'none';
    };
    const caret = (node: Node, offset: number) => {
      (document.activeElement as HTMLElement | null)?.blur();
      getSelection()!.collapse(node, offset);
      return first();
    };
    const focus = (element: HTMLElement) => {
      element.focus();
      return first();
    };
    const one = document.getElementById('one')!;
    const root = document.getElementById('host')!.shadowRoot!;
    getSelection()!.removeAllRanges();
    return {
      nothing: first(),
      inName: caret(one.firstChild!, 3),
      afterName: caret(one.firstChild!, 15),
      betweenChildren: caret(one, 2),
      link: focus(document.getElementById('link')!),
      shadowLink: focus(root.getElementById('inner')!),
      lastButton: focus(document.getElementById('end')!),
    };
  });
  expect(firsts).toEqual({
    nothing: 'nowhere',
    inName: 'Vladimir Putin',
    afterName: 'Kim Jong Un',
    betweenChildren: 'Kim Jong Un',
    link: 'Kim Jong Un',
    shadowLink: 'Russia',
    lastButton: 'none',
  });
});

test('mentions inside an open shadow root are painted and hoverable', async ({ load }) => {
  const page = await load('<div id="host"></div>');
  await page.evaluate(() => {
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p style="font-size:30px">Vladimir Putin</p>';
  });
  await annotate(page);
  const result = await page.evaluate(() => {
    const root = document.getElementById('host')!.shadowRoot!;
    const text = root.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 8);
    const box = range.getBoundingClientRect();
    return {
      hit: (window as unknown as Win).lookup.at(box.x + box.width / 2, box.y + box.height / 2)?.entityId,
      styled: root.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((r) => r.cssText.includes('::highlight'))),
    };
  });
  expect(result).toEqual({ hit: 'vladimir-putin', styled: true });
  // Switched off (or the extension reloaded): the page's shadow trees get their own style sheets back.
  const styledAfter = await page.evaluate(() => {
    (window as unknown as Win).annotator.destroy();
    return document.getElementById('host')!.shadowRoot!.adoptedStyleSheets.length;
  });
  expect(styledAfter).toBe(0);
});

test('on a page opened scrolled down, the names in view are painted before the scan reaches them', async ({ load }) => {
  const filler = '<p>Officials in Moscow met again in the capital to talk about the weather for a while.</p>'.repeat(30_000);
  const page = await load(`<main>${filler}<p id="here" style="font-size:30px">Kim Jong Un waved.</p>${filler}</main>`);
  const result = await page.evaluate(async () => {
    document.getElementById('here')!.scrollIntoView({ block: 'center' });
    const w = window as unknown as Win;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
    const done = w.annotator.start();
    let finished = false;
    void done.then(() => (finished = true));
    // Until the first highlight shows, or the scan is over.
    while (!finished && !CSS.highlights.get('backstory-mention')?.size) await new Promise((r) => setTimeout(r, 0));
    const early = [...(CSS.highlights.get('backstory-mention') ?? [])].map((r) => r.startContainer.textContent);
    const finishedEarly = finished;
    await done;
    return { early, finishedEarly, total: w.annotator.mentionCount };
  });
  expect(result.finishedEarly).toBe(false);
  expect(result.early).toContain('Kim Jong Un waved.');
  expect(result.total).toBe(60_001);
});

test('on a page opened scrolled down into a paragraph of megabytes, the preview of the names in view does not read it whole in one task', async ({
  load,
}) => {
  // A transcript with a <span> round every word and nowhere to cut: the preview read the whole paragraph under the
  // viewport in the task before the scan, which walks it in slices.
  const words = '<span>Vladimir</span> <span>Putin</span> <span>spoke</span> <span>to</span> <span>reporters</span> <span>again</span>. ';
  const page = await load(`<main><div style="height: 3000px"></div><p id="transcript">${words.repeat(32_000)}</p></main>`);
  const result = await page.evaluate(async () => {
    scrollTo(0, 3000);
    const w = window as unknown as Win;
    // As the content script has it: our styles came with the page, so adopting them here would restyle its spans in our task.
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire), documentStyled: true });
    // The page's own layout, done before the scan starts, as the browser did to show the page where the reader scrolled it.
    void document.body.getBoundingClientRect();
    // Only the waits until the scan has stored a name count: the one that ends the paragraph searches its text whole.
    let longestBeforeNames = 0;
    await w.backstoryHarness.takingTurns(
      () => w.annotator.start(),
      (ms) => {
        if (w.annotator.mentionCount === 0) longestBeforeNames = Math.max(longestBeforeNames, ms);
      },
    );
    return { longestBeforeNames, mentions: w.annotator.mentionCount, painted: CSS.highlights.get('backstory-mention')?.size ?? 0 };
  });
  expect(result.mentions).toBe(32_000);
  expect(result.painted).toBeGreaterThan(0);
  // The preview's one task walked 190,000 spans and searched 2 MB: 425 ms here; the walk's slices, 20-80 ms at most.
  expect(result.longestBeforeNames).toBeLessThan(150);
});

test('inline text added beside old text is read together with it', async ({ load }) => {
  const page = await load('<p id="line">Vladimir</p>');
  await annotate(page);
  expect(await found(page)).toEqual([]);
  await page.evaluate(() => {
    const b = document.createElement('b');
    b.textContent = ' Putin';
    document.getElementById('line')!.append(b);
  });
  await expect.poll(() => found(page)).toEqual(['vladimir-putin:Vladimir Putin']);
  await page.evaluate(() => document.querySelector('#line b')!.remove());
  await expect.poll(() => found(page)).toEqual([]);
});

test('a line break the page takes out or puts in between two runs of text joins or splits them', async ({ load }) => {
  const page = await load('<p id="line">Talks with Kim<br> Jong Un today. Vladimir <!-- live -->Putin spoke.</p>');
  await annotate(page);
  expect(await found(page)).toEqual(['vladimir-putin:Vladimir Putin']);
  await page.evaluate(() => document.querySelector('#line br')!.remove());
  await expect.poll(() => found(page)).toEqual(['kim-jong-un:Kim Jong Un', 'vladimir-putin:Vladimir Putin']);
  // Between two text nodes already apart (a comment between them): nothing but the <br> changes.
  await page.evaluate(() => {
    const comment = [...document.getElementById('line')!.childNodes].find((node) => node.nodeType === Node.COMMENT_NODE)!;
    comment.before(document.createElement('br'));
  });
  await expect.poll(() => found(page)).toEqual(['kim-jong-un:Kim Jong Un', 'vladimir-putin:Putin']);
});

test('blank text the page puts in between two runs of text in a <pre> splits them, and taken out joins them again', async ({ load }) => {
  const page = await load('<pre id="log">build 41 passed\n</pre>');
  await annotate(page);
  await page.evaluate(() => {
    const log = document.getElementById('log')!;
    log.append('ref-x7Q', 'United States\n');
  });
  await page.waitForTimeout(300);
  expect(await found(page)).toEqual([]);
  await page.evaluate(() => {
    const log = document.getElementById('log')!;
    log.insertBefore(document.createTextNode('\n\n'), log.lastChild);
  });
  await expect.poll(() => found(page)).toEqual(['united-states:United States']);
  await page.evaluate(() => document.getElementById('log')!.lastChild!.previousSibling!.remove());
  await expect.poll(() => found(page)).toEqual([]);
});

test('a line break or an image the page puts or takes at the edge of a <span> or a link joins or splits the text beside that element, as a fresh read has it', async ({
  load,
}) => {
  const scenarios: { html: string; change: () => void; before: string[]; after: string[] }[] = [
    // An image taken from the start of a <span>: "Kim Jong" before the <span> and " Un" in it are one run now.
    {
      html: '<p>Kim Jong<span><img> Un arrived</span></p>',
      change: () => document.querySelector('img')!.remove(),
      before: [],
      after: ['kim-jong-un:Kim Jong Un'],
    },
    // A line break taken from the end of a <span>: "Moscow" after it now runs on from "Kim Jong".
    {
      html: '<p><span>Kim Jong<br></span>Moscow visit</p>',
      change: () => document.querySelector('br')!.remove(),
      before: ['moscow:Moscow'],
      after: [],
    },
    // An image put at the end of a link: "Putin" after it no longer runs on from "Vladimir".
    {
      html: '<p><a href="#">Vladimir</a>Putin</p>',
      change: () => document.querySelector('a')!.append(document.createElement('img')),
      before: ['vladimir-putin:VladimirPutin'],
      after: ['vladimir-putin:Putin'],
    },
    // A footnote mark put at the end of a <b> inside a link: the edge is two elements up.
    {
      html: '<p><a href="#"><b>Vladimir</b></a>Putin</p>',
      change: () => document.querySelector('b')!.append(document.createElement('sup')),
      before: ['vladimir-putin:VladimirPutin'],
      after: ['vladimir-putin:Putin'],
    },
  ];
  const results = [];
  for (const { html, change } of scenarios) {
    const page = await load(html);
    await annotate(page);
    const before = await found(page);
    await page.evaluate(change);
    await settle(page);
    results.push({ html, before, after: await found(page), fresh: await fresh(page) });
  }
  expect(results).toEqual(scenarios.map(({ html, before, after }) => ({ html, before, after, fresh: after })));
});

test('rescans of the page keep the mentions inside shadow roots, in reading order', async ({ load }) => {
  const paragraphs = Array.from({ length: 6 }, (_, i) => `<p id="p${i}">Paragraph ${i} about China.</p><div id="h${i}"></div>`).join('');
  const page = await load(`<main>${paragraphs}</main>`);
  await page.evaluate(() => {
    for (let i = 0; i < 6; i++) document.getElementById(`h${i}`)!.attachShadow({ mode: 'open' }).innerHTML = `<p>Shadow ${i}: John Kirby.</p>`;
  });
  await annotate(page);
  expect(await counts(page)).toEqual({ china: 6, 'john-kirby': 6 });
  await page.evaluate(() => {
    for (let i = 0; i < 6; i += 2) document.getElementById(`p${i}`)!.textContent = `Paragraph ${i} about Japan.`;
  });
  await expect.poll(() => counts(page)).toEqual({ china: 3, japan: 3, 'john-kirby': 6 });
  const names = ['japan', 'john-kirby', 'china', 'john-kirby'];
  expect(await found(page)).toEqual([...names, ...names, ...names].map((id) => (id === 'japan' ? 'japan:Japan' : id === 'china' ? 'china:China' : 'john-kirby:John Kirby')));
});

test('the names of a sticky header stay painted however far the page is scrolled', async ({ load }) => {
  // Enough names that only those near the viewport are painted.
  const paragraphs = Array.from({ length: 600 }, (_, i) => `<p>Paragraph ${i}: China said.</p>`).join('');
  const page = await load(
    `<header style="position:sticky;top:0;background:#fff">Live: Kim Jong Un meets Vladimir Putin</header><main>${paragraphs}</main>`,
  );
  await annotate(page);
  await page.evaluate(() => {
    window.scrollTo(0, 8000);
    (window as unknown as Win).annotator.updateViewport();
  });
  const texts = await paintedTexts(page);
  expect(texts.slice(0, 2)).toEqual(['Kim Jong Un', 'Vladimir Putin']);
  expect(texts.filter((text) => text === 'China').length).toBeGreaterThan(3);
  // Not the page's 602: those near the viewport.
  expect(texts.length).toBeLessThan(301);
});

test('a rescan of a block that hosts a shadow root reads the shadow root with it', async ({ load }) => {
  const page = await load('<p>Before: China.</p><div id="host">Light text.</div>');
  await page.evaluate(() => {
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>John Kirby</p>';
  });
  await annotate(page);
  expect(await found(page)).toEqual(['china:China', 'john-kirby:John Kirby']);
  await page.evaluate(() => document.getElementById('host')!.append(' And Japan.'));
  await expect.poll(() => found(page)).toEqual(['china:China', 'john-kirby:John Kirby', 'japan:Japan']);
  // Both changed in one task: the host's rescan covers its shadow root's change.
  await page.evaluate(() => {
    const host = document.getElementById('host')!;
    host.shadowRoot!.querySelector('p')!.textContent = 'Kim Jong Un';
    host.append(' And Ukraine.');
  });
  await expect.poll(() => found(page)).toEqual(['china:China', 'kim-jong-un:Kim Jong Un', 'japan:Japan', 'ukraine:Ukraine']);
});

test('a custom element its script defines only after the page was read is read through its shadow root', async ({ load }) => {
  const page = await load('<main><p>Weather: China.</p><late-card></late-card></main>');
  await page.evaluate(async () => {
    const w = window as unknown as Win;
    w.annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
    await w.annotator.start();
    // Defined after the scan, as a script that loads late defines it: its shadow root appears with no mutation record.
    customElements.define(
      'late-card',
      class extends HTMLElement {
        connectedCallback() {
          this.attachShadow({ mode: 'open' }).innerHTML = '<p>John Kirby</p>';
        }
      },
    );
  });
  await expect.poll(() => found(page)).toEqual(['china:China', 'john-kirby:John Kirby']);
  // And it is watched from then on.
  await page.evaluate(() => (document.querySelector('late-card')!.shadowRoot!.querySelector('p')!.textContent = 'Japan'));
  await expect.poll(() => found(page)).toEqual(['china:China', 'japan:Japan']);
});

test('what the page adds, changes and removes inside an open shadow root is rescanned', async ({ load }) => {
  const page = await load('<p>Intro.</p><div id="host"></div><p>Outro.</p>');
  await page.evaluate(() => {
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p id="first">Vladimir Putin arrived.</p><span id="inner"></span>';
    root.getElementById('inner')!.attachShadow({ mode: 'open' }).append('Nothing yet.');
  });
  await annotate(page);
  expect(await found(page)).toEqual(['vladimir-putin:Vladimir Putin']);

  await page.evaluate(() => {
    const root = document.getElementById('host')!.shadowRoot!;
    const p = document.createElement('p');
    p.textContent = 'South Korea replied.';
    root.append(p);
    // No block element in this one: the shadow root itself is what is read again.
    root.getElementById('inner')!.shadowRoot!.firstChild!.textContent = 'Kim Jong Un waved.';
  });
  await expect.poll(() => found(page)).toEqual(['vladimir-putin:Vladimir Putin', 'kim-jong-un:Kim Jong Un', 'south-korea:South Korea']);

  await page.evaluate(() => document.getElementById('host')!.shadowRoot!.getElementById('first')!.remove());
  await expect.poll(() => found(page)).toEqual(['kim-jong-un:Kim Jong Un', 'south-korea:South Korea']);
  expect(await painted(page)).toBe(2);
});

test('a web component added later, which renders into its shadow root after it is connected, is read and kept current', async ({ load }) => {
  const page = await load('<main id="feed"><p>The live blog.</p></main>');
  await annotate(page);
  await page.evaluate(() => {
    // Renders a microtask after it is connected, then again on its own, as Lit and similar libraries do.
    class LiveEntry extends HTMLElement {
      connectedCallback() {
        const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
        queueMicrotask(() => (root.innerHTML = '<article><p>Russia and North Korea signed.</p></article>'));
        setTimeout(() => (root.querySelector('p')!.textContent = 'Ukraine replied.'), 200);
      }
    }
    customElements.define('live-entry', LiveEntry);
    document.getElementById('feed')!.append(document.createElement('live-entry'));
  });
  await expect.poll(() => found(page)).toEqual(['russia:Russia', 'north-korea:North Korea']);
  await expect.poll(() => found(page)).toEqual(['ukraine:Ukraine']);
});

/**
 * Eighty web components naming John Kirby, the first hovered, then all removed
 * by the page: how many of their shadow roots survive garbage collection.
 * `between`: what happens after the hover and before the removal; `after`, once the counts show it.
 */
async function removedComponentsAlive(load: (html: string) => Promise<Page>, between: 'nothing' | 'filter switched', after: 'hover' | 'nothing') {
  const page = await load('<main><p>Intro: China.</p><div id="feed"></div></main>');
  await page.evaluate(() => {
    const feed = document.getElementById('feed')!;
    for (let i = 0; i < 80; i++) {
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML = `<p style="font-size:30px">Item ${i}: John Kirby spoke.</p>`;
      feed.append(host);
    }
  });
  await annotate(page);
  expect(await counts(page)).toEqual({ china: 1, 'john-kirby': 80 });
  await page.evaluate((between) => {
    const w = window as unknown as Win & { gone: WeakRef<ShadowRoot>[] };
    const hosts = [...document.getElementById('feed')!.children];
    w.gone = hosts.map((host) => new WeakRef(host.shadowRoot!));
    // Hovered and hit-tested first, as a reader scrolling a feed does.
    const text = hosts[0]!.shadowRoot!.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.selectNodeContents(text);
    const box = range.getBoundingClientRect();
    w.lookup.at(box.right - 4, box.y + box.height / 2);
    if (between === 'filter switched') {
      // Switched off and on: the shown list starts from scratch, which the lookup indexes again only on the next hover.
      w.annotator.setFilter((id) => id !== 'china');
      w.annotator.setFilter(() => true);
    }
    for (const host of hosts) host.remove();
  }, between);
  await expect.poll(() => counts(page)).toEqual({ china: 1 });
  if (after === 'hover') await page.evaluate(() => (window as unknown as Win).lookup.at(1, 1));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return page.evaluate(() => (window as unknown as { gone: WeakRef<ShadowRoot>[] }).gone.filter((ref) => ref.deref()).length);
}

test('web components the page removed are not kept alive by the annotator', async ({ load }) => {
  // A single-page app swaps such items all day: what it drops must be collectable.
  expect(await removedComponentsAlive(load, 'nothing', 'hover')).toBe(0);
});

test('names in a shadow root whose page set its style sheets anew (a theme switch) are painted again as names come there', async ({ load }) => {
  const page = await load('<div id="host"></div>');
  await page.evaluate(() => {
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p id="p">Vladimir Putin</p>';
  });
  await annotate(page);
  const styled = () =>
    page.evaluate(() =>
      document.getElementById('host')!.shadowRoot!.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((r) => r.cssText.includes('::highlight'))),
    );
  expect(await styled()).toBe(true);
  await page.evaluate(() => {
    const root = document.getElementById('host')!.shadowRoot!;
    const theme = new CSSStyleSheet();
    theme.replaceSync('p { color: #eee; background: #111 }');
    root.adoptedStyleSheets = [theme];
    root.getElementById('p')!.append(' met Kim Jong Un.');
  });
  await expect.poll(() => found(page)).toEqual(['vladimir-putin:Vladimir Putin', 'kim-jong-un:Kim Jong Un']);
  await expect.poll(styled).toBe(true);
  // The page's own sheet is kept, ours beside it.
  expect(await page.evaluate(() => document.getElementById('host')!.shadowRoot!.adoptedStyleSheets.length)).toBe(2);
});

test('web components the page removed after a category was switched off and on are not kept alive, with no hover since', async ({ load }) => {
  expect(await removedComponentsAlive(load, 'filter switched', 'nothing')).toBe(0);
});

test('a log appended to below the painted window has nothing measured: the painted names stay, and the new ones are painted once scrolled to', async ({
  load,
}) => {
  // Enough names that only those near the viewport are painted.
  const lines = Array.from({ length: 4000 }, (_, i) => (i % 7 === 0 ? 'Vladimir Putin arrived\n' : `[${i}] INFO build step finished\n`)).join('');
  const page = await load(`<pre id="log">${lines}</pre>`);
  await annotate(page);
  const result = await page.evaluate(async () => {
    const w = window as unknown as Win;
    const registered = () => (CSS.highlights.get('backstory-mention') as unknown as Set<AbstractRange>).size;
    const painted = registered();
    let measured = 0;
    const box = Range.prototype.getBoundingClientRect;
    Range.prototype.getBoundingClientRect = function (this: Range) {
      measured++;
      return box.call(this);
    };
    const pre = document.getElementById('log')!;
    const before = w.annotator.shown.length;
    for (let n = 0; n < 5; n++) {
      pre.append(`[x] Kim Jong Un done ${n}\n`);
      const want = before + n + 1;
      while (w.annotator.shown.length < want) await new Promise((next) => setTimeout(next, 10));
    }
    Range.prototype.getBoundingClientRect = box;
    const stillPainted = registered();
    // The reader scrolls to the end: the names appended there are painted.
    window.scrollTo(0, document.documentElement.scrollHeight);
    w.annotator.updateViewport();
    const ranges = [...(CSS.highlights.get('backstory-mention') as unknown as Set<AbstractRange>)];
    const atEnd = ranges.map((r) => r.startContainer.textContent!.slice(r.startOffset, r.endOffset)).filter((text) => text === 'Kim Jong Un').length;
    return { painted: painted > 0, measured, same: stillPainted === painted, atEnd };
  });
  expect(result).toEqual({ painted: true, measured: 0, same: true, atEnd: 5 });
});

test('a feed of 100,000 named paragraphs that moves 300 of them at once is followed without a long task of ours', async ({ load }) => {
  // Each move had every place and mention of the page tested for being inside the moved items, a walk up from each, and
  // the places left indexed anew: 250 ms of one task here. Now the moved items are walked down, and the places left keep
  // their keys; each block read again splices its places in.
  const items = Array.from({ length: 100_000 }, (_, i) => (i % 300 === 0 ? `<p>John Kirby said ${i}.</p>` : `<p>Vladimir Putin met officials ${i}.</p>`));
  const page = await load(`<main id="feed">${items.join('')}</main>`);
  const move = () =>
    page.evaluate(async () => {
      const w = window as unknown as Win;
      const feed = document.getElementById('feed')!;
      // The page's own frame after the move (150 ms and more here) is the longest wait between its tasks whatever ours take.
      const { longestOfOurs, value: longestGap } = await w.backstoryHarness.longestScriptOfOurs(async () => {
        const { longestGap } = await w.backstoryHarness.countingPageTasks(async () => {
          // As a feed re-sorts: its last 300 items to the top, in one task of the page's.
          feed.prepend(...[...feed.children].slice(-300));
          const began = performance.now();
          const read = () => w.annotator.mentions.length === 100_000 && w.annotator.mentions[0]!.startNode === feed.firstChild!.firstChild;
          if (!w.annotator) await new Promise((next) => setTimeout(next, 500));
          else while (!read() && performance.now() - began < 20_000) await new Promise((next) => setTimeout(next, 20));
        });
        return longestGap;
      });
      return { longestGap, longestOfOurs };
    });
  // The page's own move, before Backstory is there.
  const alone = await move();
  await annotate(page);
  // Three moves: a shared host stalls now and then for longer than any limit (a task of ours took 276 ms once while the
  // page alone took 4 times its usual), but not in two moves of three. The middle one is held to the limit: a drop of the
  // moved places that went through all of them, and a sort of the moved items with a slice of reads after it in one task,
  // showed 0, 69-86 and 71-87 ms in two runs here, the best of three passing.
  const withUs = [await move(), await move(), await move()];
  const result = await page.evaluate(() => {
    const w = window as unknown as Win;
    const feed = document.getElementById('feed')!;
    const texts = [...feed.children].map((p) => p.textContent);
    return { mentions: w.annotator.mentions.length, inOrder: w.annotator.mentions.every((m, i) => m.startNode.data === texts[i]), kirby: w.counts['john-kirby'] };
  });
  const each = (key: 'longestGap' | 'longestOfOurs') => withUs.map((run) => run[key].toFixed(0)).join(', ');
  console.log(`feed move: longest wait, page alone ${alone.longestGap.toFixed(0)} ms, with Backstory ${each('longestGap')} ms; longest task of ours ${each('longestOfOurs')} ms`);
  expect(result.mentions).toBe(100_000);
  expect(result.inOrder).toBe(true);
  expect(result.kirby).toBe(334);
  // Generous, for a shared machine: a slice is 8 ms, the merge of what it read a few more. The places of each block read
  // again were put in by copying the list of 100,000 (50-137 ms here, with the collections of that garbage). The unit tests
  // of MentionStore and MatchPlaces tell the walk down what moved from one up from every mention.
  // On a host slower than usual (its move alone takes 150-210 ms on a quiet machine here, 400-800 on a loaded one), a task
  // of ours takes longer in proportion: the limit with it.
  const slower = Math.max(1, alone.longestGap / 150);
  const [, middle] = withUs.map((run) => run.longestOfOurs).sort((a, b) => a - b);
  expect(middle).toBeLessThan(60 * slower);
});

test('a block of 50,000 names split by tags that the page adds to is merged without a long task of ours', async ({ load }) => {
  const page = await load(`<div id="log">${'Kim <b>Jong</b> Un arrived.\n'.repeat(50_000)}</div>`);
  /** The longest wait between the page's tasks as it adds `text`, until John Kirby is counted `kirbys` times, and the longest script of ours meanwhile. */
  const append = (text: string, kirbys = 0) =>
    page.evaluate(
      async ({ text, kirbys }) => {
        const w = window as unknown as Win;
        const log = document.getElementById('log')!;
        const { longestOfOurs, value: longestGap } = await w.backstoryHarness.longestScriptOfOurs(async () => {
          const { longestGap } = await w.backstoryHarness.countingPageTasks(async () => {
            log.append(text);
            void document.body.offsetHeight;
            const began = performance.now();
            if (!w.annotator) await new Promise((next) => setTimeout(next, 500));
            else while ((w.counts['john-kirby'] ?? 0) < kirbys && performance.now() - began < 20_000) await new Promise((next) => setTimeout(next, 20));
          });
          return longestGap;
        });
        return { longestGap, longestOfOurs };
      },
      { text, kirbys },
    );
  const alone = await append(' And so on.');
  await annotate(page);
  // Hovered once: the card script's index of the names is built, and from then on follows each change.
  await page.evaluate(() => (window as unknown as Win).lookup.atCaret(document.getElementById('log')!.firstChild!, 0));
  const withUs: Awaited<ReturnType<typeof append>>[] = [];
  for (let kirbys = 1; kirbys <= 3; kirbys++) withUs.push(await append(' John Kirby said so.', kirbys));
  const result = await page.evaluate(() => {
    const w = window as unknown as Win;
    const log = document.getElementById('log')!;
    const node = log.lastChild as Text;
    return { kim: w.counts['kim-jong-un'], kirby: w.counts['john-kirby'], hovered: w.lookup.atCaret(node, node.data.indexOf('Kirby'))?.entityId };
  });
  const each = (key: 'longestGap' | 'longestOfOurs') => withUs.map((run) => run[key].toFixed(0)).join(', ');
  console.log(`split names: longest wait, page alone ${alone.longestGap.toFixed(0)} ms, with Backstory ${each('longestGap')} ms; longest task of ours ${each('longestOfOurs')} ms`);
  expect(result.kim).toBe(50_000);
  expect(result.kirby).toBe(3);
  expect(result.hovered).toBe('john-kirby');
  // Each split name taken out of the hover index and put back, through a map of all of them, was one task of 385-390 ms
  // here at the first addition after the hover. The longest wait between the page's tasks is no measure of it: the page's
  // own frame after the change (200 ms here) and the repaint of the names in view often run with no task of the page's
  // between them. A slice of ours is 8 ms, and the longest here now (0-77 ms) is mostly V8 collecting garbage in it; the
  // limit is generous for a shared host, and on a host slower than usual a task of ours takes longer in proportion.
  const slower = Math.max(1, alone.longestGap / 250);
  expect(Math.max(...withUs.map((run) => run.longestOfOurs))).toBeLessThan(120 * slower);
});

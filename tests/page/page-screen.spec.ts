import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { inertScripts } from '../../tooling/saved-page-html';
import { SHARED_PAGES_DIR } from '../../tooling/page-server';
import { expect, test } from './fixtures';

type Win = Window & { screenSource: never; matcherWire: never };

/** What the script on every page decides: may this page mention the story? */
const screened = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as Win;
    return w.backstoryHarness.createPageScreen(w.screenSource).mayMention(document.body);
  });

/** What the annotator finds on the same page. */
const annotated = (page: Page) =>
  page.evaluate(async () => {
    const w = window as unknown as Win;
    const annotator = new w.backstoryHarness.PageAnnotator({ matcher: w.backstoryHarness.matcher(w.matcherWire) });
    await annotator.start();
    const ids = [...new Set(annotator.mentions.map((m) => m.entityId))];
    annotator.destroy();
    return ids;
  });

test.describe('the screen on every page', () => {
  for (const [label, html] of [
    ['a name in a paragraph', '<p>Putin arrived on Wednesday.</p>'],
    ['a name whose first letter is a drop cap', '<p><span class="cap">P</span>utin arrived on Wednesday.</p>'],
    ['a name split by inline tags', '<p>Kim <b>Jong</b> Un <i>welcomed</i> him.</p>'],
    ['a name in a list item glued to the one before it', '<ul><li>Chinatown</li><li>Putin</li></ul>'],
    ['a name with an invisible soft hyphen', '<p>Talks in Pyong&shy;yang.</p>'],
    ['a name written in capitals in a dateline', '<p>PYONGYANG — The talks began.</p>'],
    ['a name beside an exclusion phrase', '<p>The Washington Post said Washington agreed.</p>'],
    ['a name whose exclusion phrase would run on into the next block', '<ul><li>Letters to Washington\n</li><li>Post</li></ul>'],
    ['a name read after an unread copy of it', '<select><option>Moscow</option></select><p>Moscow</p>'],
    ['a name read before an unread copy of it', '<p>Moscow</p><select><option>Moscow</option></select>'],
    ['a name after inline scripts and styles full of names', `${'<script type="application/json">{"related":"Vladimir Putin in Moscow"}</script>'.repeat(3)}<div><style>/* Kim */</style><p>Kim <b>Jong</b> Un</p></div>`],
    ['a name with an inline script inside it', '<p>Kim <script type="text/x-inert">track()</script>Jong Un waved.</p>'],
    ['a name in a page wrapped whole in one element', '<div id="app"><script type="application/json">{"a":"Putin"}</script><main><p>Vladimir Putin waved.</p></main></div>'],
  ] as const) {
    test(`lets through ${label}, as the annotator finds it`, async ({ load }) => {
      const page = await load(html);
      expect(await annotated(page)).not.toEqual([]);
      expect(await screened(page)).toBe(true);
    });
  }

  for (const [label, html] of [
    ['a page about something else', '<p>The council met on Tuesday to discuss the budget.</p>'],
    ['near misses and exclusion phrases', '<p>Russian food in Chinatown. The Washington Post. West Ham United. Ben Johnson. USB.</p>'],
    ['a short form that needs the full name first', '<p>Kirby said nothing.</p>'],
    [
      'names only where nobody reads them',
      '<select><option>North Korea</option></select><textarea>Putin</textarea><p hidden>Vladimir Putin</p><div contenteditable>Moscow</div>',
    ],
    [
      'a long page whose names are all in exclusion phrases or where nobody reads',
      `<nav><a>The Washington Post</a> <a>FOLLOW US</a></nav>${'<p>The council met on Tuesday.</p>'.repeat(200)}` +
        '<svg><title>United States of America flag</title></svg><noscript>lang=en-US</noscript>' +
        '<form><select><option>China</option><option>North Korea</option><option>Russian Federation</option></select></form>' +
        '<h4>Download Firefox — English (US)</h4>',
    ],
    [
      'names only in inline scripts, styles and icon titles',
      '<p>Weather.</p><script type="application/ld+json">{"about":"Vladimir Putin"}</script><style>/* Pyongyang */</style>' +
        '<svg><title>United States flag</title><desc>Moscow</desc></svg><noscript>Kim Jong Un</noscript><p>Sunny.</p>',
    ],
  ] as const) {
    test(`stops ${label}, where the annotator finds nothing`, async ({ load }) => {
      const page = await load(html);
      expect(await annotated(page)).toEqual([]);
      expect(await screened(page)).toBe(false);
    });
  }

  test('looks into the open shadow roots of custom elements', async ({ load }) => {
    const page = await load('<p>Nothing here.</p><news-card></news-card>');
    expect(await screened(page)).toBe(false);
    await page.evaluate(() => {
      const root = document.querySelector('news-card')!.attachShadow({ mode: 'open' });
      root.innerHTML = '<p>Vladimir Putin arrived.</p>';
    });
    expect(await screened(page)).toBe(true);
  });

  test('looks into shadow roots inside shadow roots, and tells of each one it screens', async ({ load }) => {
    const page = await load('<p>Nothing here.</p><news-feed></news-feed>');
    const result = await page.evaluate(() => {
      const w = window as unknown as Win;
      const outer = document.querySelector('news-feed')!.attachShadow({ mode: 'open' });
      outer.innerHTML = '<p>The feed.</p><div><news-card></news-card></div><news-card></news-card>';
      const [first, second] = [...outer.querySelectorAll('news-card')].map((card) => card.attachShadow({ mode: 'open' }));
      first!.innerHTML = '<p>Weather.</p>';
      const screen = w.backstoryHarness.createPageScreen(w.screenSource);
      const visited: string[] = [];
      const visit = (root: ShadowRoot) => (visited.push(root.textContent!), true);
      const before = screen.mayMention(document.body, visit);
      second!.innerHTML = '<p>Kim Jong Un waved.</p>';
      const skipped = screen.mayMention(document.body, (root) => root !== second);
      return { before, visited, after: screen.mayMention(document.body), skipped };
    });
    expect(result).toEqual({ before: false, visited: ['The feed.', 'Weather.', ''], after: true, skipped: false });
  });
});

const savedPages = existsSync(SHARED_PAGES_DIR) ? readdirSync(SHARED_PAGES_DIR).filter((f) => f.endsWith('.html')).sort() : [];

test.describe('the screen on saved news pages', () => {
  test.skip(savedPages.length === 0, `no saved pages in ${SHARED_PAGES_DIR}`);

  for (const file of savedPages) {
    test(`${file}: lets the page through whenever the annotator finds a mention`, async ({ load }) => {
      const page = await load(inertScripts(readFileSync(join(SHARED_PAGES_DIR, file), 'utf8')));
      const passes = await screened(page);
      const found = await annotated(page);
      if (found.length > 0) expect(passes, `found ${found.join(', ')}`).toBe(true);
      test.info().annotations.push({ type: 'screen', description: `${passes ? 'passes' : 'stops'}; annotator found ${found.length} entities` });
    });
  }
});

/** What the keyboard shortcut tells the reader where a press would seem to do nothing, or to jump. */
import type { Page, Worker } from '@playwright/test';
import { accessibilityNodes, focusedElement, shadowUiBox, shadowUiCall, shadowUiCardTitle, shadowUiTexts } from './closed-shadow';
import { expect, paintedMentions, test } from './fixtures';
import { framesReported, pressShortcut } from './shortcut';

/** What our status regions say to a screen reader: the words under each, from the accessibility tree, spaced as read. */
async function statusesSaid(page: Page): Promise<string[]> {
  const nodes = await accessibilityNodes(page);
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const words = (node: { childIds?: string[]; role?: { value: string }; name?: { value: string } }): string =>
    node.role?.value === 'StaticText' ? (node.name?.value ?? '') : (node.childIds ?? []).map((id) => words(byId.get(id) ?? {})).join(' ');
  return nodes
    .filter((node) => node.role?.value === 'status')
    .map((node) => words(node).replace(/\s+/g, ' ').replace(/ ([:.])/g, '$1').trim())
    .filter((said) => said.startsWith('Backstory'));
}

/** The notice on screen, in words, or null. */
async function noticeShown(page: Page): Promise<string | null> {
  const texts = await shadowUiTexts(page);
  return texts.map((text) => /Backstory\s*:\s*(.+)$/.exec(text)?.[1]).find(Boolean) ?? null;
}

async function setSettings(worker: Worker, settings: { enabled: boolean; offSites: string[]; categories?: Record<string, boolean> }) {
  await worker.evaluate(async (settings) => {
    const { chrome } = globalThis as unknown as { chrome: typeof import('wxt/browser').browser };
    await chrome.storage.sync.set({ settings: { categories: { person: true, country: true, organization: true, place: true }, ...settings } });
  }, settings);
}

const NO_NAMES = `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif">
  <main><h1>City council</h1><p>The council met on Tuesday to discuss the budget for next year.</p>
  <p><a href="#more">More local news</a></p></main></body></html>`;

test.describe('the shortcut’s notice', () => {
  test('on a page without the story’s names, it says so at the bottom of the screen, to the eye and to screen readers, takes no focus, and goes after a few seconds', async ({
    page,
    server,
    serviceWorker,
  }) => {
    server.route('/no-names', NO_NAMES);
    await page.goto(`${server.origin}/no-names`);
    const before = await page.evaluate(() => document.body.innerHTML);
    await page.getByRole('link', { name: 'More local news' }).focus();
    const worker = await serviceWorker();

    await pressShortcut(worker, page);
    await expect.poll(() => noticeShown(page)).toBe('No names from the story on this page.');
    expect(await statusesSaid(page)).toEqual(['Backstory: No names from the story on this page.']);
    // Centred at the bottom of the screen, whole.
    const box = (await shadowUiBox(page, 'notice-line'))!;
    const viewport = page.viewportSize()!;
    expect(Math.abs(box.x + box.width / 2 - viewport.width / 2)).toBeLessThan(2);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height - 16);
    expect(box.y + box.height).toBeGreaterThan(viewport.height - 40);
    // No card, no focus taken, the page as it was.
    expect(await shadowUiCardTitle(page)).toBeNull();
    expect(await focusedElement(page)).toMatchObject({ role: 'link', name: 'More local news' });
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);

    await expect.poll(() => noticeShown(page), { timeout: 8000 }).toBeNull();
    expect(await statusesSaid(page)).toEqual([]);
    // Nothing of ours left over the page once it has gone: the notice's host leaves the top layer.
    expect(await page.evaluate(() => document.querySelector(':popover-open'))).toBeNull();
  });

  test('pressed as a large page is read, it goes to the page’s name if found by then, else says the page is still being read; never that it has no names', async ({
    page,
    server,
    serviceWorker,
  }) => {
    // The story's one name at the end of megabytes of text, found about a second after the page is parsed here; the
    // card script, which answers the press, comes into the page about as long after.
    const sentences = 'Nothing to see in this paragraph, only filler text for length. '.repeat(25);
    const filler = Array.from({ length: 2500 }, (_, i) => `<p>${i}: ${sentences}</p>`).join('');
    server.route('/still-reading', `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif">${filler}<p>Vladimir Putin arrived.</p></body></html>`);
    const worker = await serviceWorker();
    await page.goto(`${server.origin}/still-reading`, { waitUntil: 'domcontentloaded' });

    await pressShortcut(worker, page);
    await expect.poll(async () => (await shadowUiCardTitle(page)) !== null || (await noticeShown(page)) !== null).toBe(true);
    // A notice after the card, had the walk gone round, has come by then.
    await page.waitForTimeout(500);
    const card = await shadowUiCardTitle(page);
    const notice = await noticeShown(page);
    if (card !== null) {
      expect(card).toBe('Vladimir Putin');
      // Nor "back to the first name": a name found between two asks of the walk went nowhere round.
      expect(notice).toBeNull();
    } else {
      expect(notice).toBe('Still reading this page for the story’s names. Press again in a moment.');
      await expect.poll(() => paintedMentions(page), { timeout: 20_000 }).toBeGreaterThan(0);
      await pressShortcut(worker, page);
      await expect.poll(() => shadowUiCardTitle(page)).toBe('Vladimir Putin');
    }
  });

  test('past the page’s last name, it says the walk went back to the first name; not on the presses before', async ({ page, server, serviceWorker }) => {
    server.route(
      '/two-ends',
      `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif">
      <p>Vladimir Putin arrived.</p>${'<p>Nothing to see in this paragraph, only filler text for length.</p>'.repeat(60)}<p>Kim Jong Un waited.</p></body></html>`,
    );
    await page.goto(`${server.origin}/two-ends`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(0);
    const worker = await serviceWorker();
    await expect.poll(() => framesReported(worker)).toBe(1);

    await pressShortcut(worker, page);
    await expect.poll(() => shadowUiCardTitle(page)).toBe('Vladimir Putin');
    await pressShortcut(worker, page);
    await expect.poll(() => shadowUiCardTitle(page)).toBe('Kim Jong Un');
    expect(await noticeShown(page)).toBeNull();

    await pressShortcut(worker, page);
    await expect.poll(() => shadowUiCardTitle(page)).toBe('Vladimir Putin');
    await expect.poll(() => noticeShown(page)).toBe('Back to the first name on the page.');
    expect(await statusesSaid(page)).toEqual(['Backstory: Back to the first name on the page.']);
    // The card keeps the focus: the notice is only said.
    expect(await focusedElement(page)).toMatchObject({ role: 'dialog', name: 'Vladimir Putin' });
    // Closing the card before the notice is gone leaves it shown out its time.
    await page.keyboard.press('Escape');
    await expect.poll(() => shadowUiCardTitle(page)).toBeNull();
    expect(await noticeShown(page)).toBe('Back to the first name on the page.');
    await expect.poll(() => noticeShown(page), { timeout: 8000 }).toBeNull();
  });

  test('with Backstory switched off on the site, or everywhere, it says so and how to switch it on, and opens no card', async ({ page, server, serviceWorker }) => {
    server.route('/names', '<!doctype html><html lang="en"><body><p>Vladimir Putin arrived in Pyongyang.</p></body></html>');
    const worker = await serviceWorker();
    await setSettings(worker, { enabled: true, offSites: ['127.0.0.1'] });
    await page.goto(`${server.origin}/names`);
    await pressShortcut(worker, page);
    await expect.poll(() => noticeShown(page)).toBe('Off on 127.0.0.1. To see the story’s names here, switch off “Off on this site” in its toolbar popup.');

    await setSettings(worker, { enabled: false, offSites: [] });
    await pressShortcut(worker, page);
    await expect.poll(() => noticeShown(page)).toBe('Switched off. Switch it on in its toolbar popup to see the story’s names.');
    expect(await shadowUiCardTitle(page)).toBeNull();
    expect(await paintedMentions(page)).toBe(0);
  });

  test('switched off on a site of a long name, it names the site in full inside the screen, wrapped', async ({ context, page, serviceWorker }) => {
    // 186 characters and no hyphen to break a line at: one word, as the notice sees it.
    const site = `${'alonglabelofanewssiteaddressassomesiteshavewithouthyphens.'.repeat(3)}news.example`;
    await context.route(`http://${site}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><body><p>Vladimir Putin arrived in Pyongyang.</p></body></html>' }),
    );
    const worker = await serviceWorker();
    await setSettings(worker, { enabled: true, offSites: [site] });
    await page.goto(`http://${site}/`);
    await pressShortcut(worker, page);
    await expect.poll(() => noticeShown(page)).toBe(`Off on ${site}. To see the story’s names here, switch off “Off on this site” in its toolbar popup.`);
    const box = (await shadowUiBox(page, 'notice-line'))!;
    expect(box.x).toBeGreaterThanOrEqual(16);
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width - 16);
    // Its words inside its box: the site's name ran 1,000 px past it, off the screen.
    expect(await shadowUiCall(page, 'notice-line', 'function () { return this.scrollWidth - this.clientWidth; }')).toBe(0);
  });

  test('on a page whose names are all of categories the reader switched off, it says so, not that the page has none', async ({ page, server, serviceWorker }) => {
    server.route('/people-and-places', '<!doctype html><html lang="en"><body><p>Vladimir Putin arrived in Pyongyang.</p></body></html>');
    const worker = await serviceWorker();
    await page.goto(`${server.origin}/people-and-places`);
    await expect.poll(() => paintedMentions(page)).toBe(2);
    await expect.poll(() => framesReported(worker)).toBe(1);
    await setSettings(worker, { enabled: true, offSites: [], categories: { person: false, country: true, organization: true, place: false } });
    await expect.poll(() => paintedMentions(page)).toBe(0);
    await pressShortcut(worker, page);
    await expect.poll(() => noticeShown(page)).toBe('The story’s names on this page are of categories switched off in its toolbar popup.');
    expect(await shadowUiCardTitle(page)).toBeNull();
  });
});

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

type Win = Window & { screenSource: never; asked: number; failWith?: string; unloaded: boolean; warned: unknown[][] };

/**
 * Starts the script on every page's work as the entrypoint does, its extension side played by the test: `asked`
 * counts the requests for the annotator, each failing (the background gone) where `failWith` is set; `unloaded`
 * is the extension's state.
 */
async function watch(page: Page, failWith?: string): Promise<void> {
  await page.evaluate((failWith) => {
    const w = window as unknown as Win;
    w.asked = 0;
    w.unloaded = false;
    w.warned = [];
    const warn = console.warn.bind(console);
    console.warn = (...args: unknown[]) => {
      w.warned.push(args.map(String));
      warn(...args);
    };
    w.backstoryHarness.watchPage(
      w.screenSource,
      (onFailure) => {
        w.asked++;
        if (failWith) onFailure(new Error(failWith));
      },
      () => w.unloaded,
    );
  }, failWith);
}

const asked = (page: Page) => page.evaluate(() => (window as unknown as Win).asked);
const reading = (page: Page) => page.evaluate(() => window.backstoryHarness.stillReading(globalThis, performance.now(), false));
const append = (page: Page, html: string) => page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), html);

test('asks for the annotator once a name of the story is on the page, and leaves its reading mark for the annotator to end', async ({ load }) => {
  const page = await load('<p>Vladimir Putin arrived in Pyongyang.</p>');
  await watch(page);
  await expect.poll(() => asked(page)).toBe(1);
  expect(await reading(page)).toBe(true);
  await append(page, '<p>Kim Jong Un met him.</p>');
  await page.waitForTimeout(300);
  expect(await asked(page)).toBe(1);
});

test('on a page without names ends its reading mark and asks nothing; a name the page adds later is asked for once', async ({ load }) => {
  const page = await load('<p>The council met on Tuesday.</p>');
  await watch(page);
  await expect.poll(() => reading(page)).toBe(false);
  expect(await asked(page)).toBe(0);
  await append(page, '<p>Kim Jong Un spoke.</p>');
  await expect.poll(() => asked(page)).toBe(1);
});

test('where the background cannot be reached, stops watching, says why once, and leaves no reading mark', async ({ load }) => {
  const page = await load('<p>John Kirby spoke.</p>');
  await watch(page, 'Extension context invalidated.');
  await expect.poll(() => asked(page)).toBe(1);
  await expect.poll(() => reading(page)).toBe(false);
  await append(page, '<p>Vladimir Putin spoke.</p>');
  await page.waitForTimeout(300);
  expect(await asked(page)).toBe(1);
  expect(await page.evaluate(() => (window as unknown as Win).warned)).toEqual([['[Backstory]', 'Error: Extension context invalidated.']]);
});

test('once Backstory was unloaded, screens none of the page’s changes and asks nothing', async ({ load }) => {
  const page = await load('<p>The council met on Tuesday.</p>');
  await watch(page);
  await expect.poll(() => reading(page)).toBe(false);
  await page.evaluate(() => ((window as unknown as Win).unloaded = true));
  await append(page, '<p>Kim Jong Un spoke.</p>');
  await page.waitForTimeout(300);
  expect(await asked(page)).toBe(0);
});

test('unloaded while a large page is read for the first time, asks nothing for the name it then finds', async ({ load }) => {
  const page = await load(`${'<p>The talks went on through the night, and the delegations met again at dawn.</p>'.repeat(20_000)}<p>Vladimir Putin arrived.</p>`);
  await page.evaluate(() => {
    const w = window as unknown as Win;
    w.asked = 0;
    w.unloaded = false;
    w.backstoryHarness.watchPage(w.screenSource, () => w.asked++, () => w.unloaded);
    // In the same task: the first read has begun, a piece at a time, and comes to the name after this.
    w.unloaded = true;
  });
  await expect.poll(() => reading(page)).toBe(false);
  await page.waitForTimeout(300);
  expect(await asked(page)).toBe(0);
});

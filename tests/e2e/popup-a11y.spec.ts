import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, paintedMentions, test } from './fixtures';
import { accessibilityNodes } from './closed-shadow';
import { openPopupFor } from './popup-page';

/** Every rule axe runs by default: WCAG 2.0–2.2 A and AA, and its best practices. */
async function violations(popup: Page) {
  const results = await new AxeBuilder({ page: popup }).analyze();
  return results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** The popup about the demo article, fully loaded: story, names and settings. */
async function loadedPopup(page: Page, context: Parameters<typeof openPopupFor>[0], extensionId: string, origin: string) {
  await page.goto(`${origin}/demo`);
  await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
  const { popup } = await openPopupFor(context, extensionId, page);
  await popup.setViewportSize({ width: 400, height: 600 });
  await expect(popup.getByRole('button', { name: /^North Korea, / })).toBeVisible();
  await expect(popup.getByRole('switch', { name: 'Off on this site' })).toBeEnabled();
  return popup;
}

/** Relative luminance of a computed `rgb(...)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const bodyColours = (popup: Page) =>
  popup.evaluate(() => {
    const style = getComputedStyle(document.body);
    return { background: style.backgroundColor, text: style.color };
  });

test.describe('the popup, light', () => {
  test.use({ colorScheme: 'light' });

  test('is light, and axe finds no violations in any state', async ({ context, extensionId, page, server }) => {
    const popup = await loadedPopup(page, context, extensionId, server.origin);
    const { background, text } = await bodyColours(popup);
    expect(luminance(background)).toBeGreaterThan(0.8);
    expect(luminance(text)).toBeLessThan(0.1);
    expect(await violations(popup)).toEqual([]);

    // A quote opened, a category switched off, then the whole site off.
    await popup.locator('.key-points').getByRole('button').first().click();
    await popup.getByRole('switch', { name: 'Places' }).click();
    expect(await violations(popup)).toEqual([]);
    await popup.getByRole('switch', { name: 'Off on this site' }).click();
    await expect(popup.getByText('Backstory is off on 127.0.0.1: its pages are not read.')).toBeVisible();
    expect(await violations(popup)).toEqual([]);
  });

  test('keyboard users see where focus is', async ({ context, extensionId, page, server }) => {
    const popup = await loadedPopup(page, context, extensionId, server.origin);
    await popup.keyboard.press('Tab');
    const outline = await popup.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });
});

test('each of the popup’s three parts is a landmark named by its heading: a screen reader jumping by landmarks reaches the key points too', async ({
  context,
  extensionId,
  page,
  server,
}) => {
  const popup = await loadedPopup(page, context, extensionId, server.origin);
  await expect(popup.getByRole('heading', { name: 'Key points' })).toBeVisible();
  const regions = popup.getByRole('region');
  const names = ['On this page', 'Key points', 'Highlight on pages'];
  await expect(regions).toHaveCount(names.length);
  for (const [index, name] of names.entries()) await expect(regions.nth(index)).toHaveAccessibleName(name);

  // Drawn in capitals, read as written, in the browser's own tree: Chromium hands a screen reader the capitals, which it
  // may spell out. (Playwright's own names above ignore the styles.)
  const read = (await accessibilityNodes(popup)).map((node) => String(node.name?.value ?? '')).filter((name) => name.length > 0);
  expect(read).toEqual(expect.arrayContaining([...names, 'Backstory']));
  expect(read.filter((name) => /^[A-Z ]{6,}$/.test(name))).toEqual([]);
});

test('the names are one Tab stop: Tab goes on to the key points, the arrow keys move between the names as they are drawn', async ({
  context,
  extensionId,
  page,
  server,
}) => {
  const popup = await loadedPopup(page, context, extensionId, server.origin);
  const focused = () => popup.evaluate(() => document.activeElement?.getAttribute('data-entity-id') ?? document.activeElement?.closest('section')?.querySelector('h2')?.textContent ?? null);
  const press = async (key: string) => {
    await popup.keyboard.press(key);
    return focused();
  };
  // Twenty names once stood between the top and the key points.
  expect(await press('Tab')).toBe('vladimir-putin');
  expect(await press('Tab')).toBe('Key points');
  expect(await press('Shift+Tab')).toBe('vladimir-putin');

  // The demo's names at 400 px, two to a row: Putin | Kim Jong Un, then Kirby alone, across the row; Countries: North Korea | Russia, United States | Ukraine …
  const widths = await popup.evaluate(() =>
    Object.fromEntries(
      ['vladimir-putin', 'kim-jong-un', 'john-kirby'].map((id) => {
        const { left, right } = document.querySelector(`button[data-entity-id="${id}"]`)!.getBoundingClientRect();
        return [id, { left, right }];
      }),
    ),
  );
  expect(widths['kim-jong-un']!.left).toBeGreaterThan(widths['vladimir-putin']!.right);
  expect(widths['john-kirby']!.left).toBe(widths['vladimir-putin']!.left);
  expect(widths['john-kirby']!.right).toBe(widths['kim-jong-un']!.right);
  expect(await press('ArrowRight')).toBe('kim-jong-un');
  expect(await press('ArrowDown')).toBe('john-kirby');
  expect(await press('ArrowDown')).toBe('north-korea');
  expect(await press('ArrowRight')).toBe('russia');
  expect(await press('ArrowDown')).toBe('ukraine');
  expect(await press('ArrowUp')).toBe('russia');
  expect(await press('ArrowUp')).toBe('john-kirby');
  expect(await press('ArrowLeft')).toBe('kim-jong-un');
  expect(await press('End')).toBe('washington');
  expect(await press('ArrowDown')).toBe('washington');
  expect(await press('Home')).toBe('vladimir-putin');
  expect(await press('ArrowUp')).toBe('vladimir-putin');

  // Down goes by the rows as drawn, whatever the order of the names: each move lands on the name just below, in the same column where there is one.
  const moves = await popup.evaluate(() => {
    const names = [...document.querySelectorAll<HTMLElement>('button[data-entity-id]')];
    return names.map((name) => {
      name.focus();
      name.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, cancelable: true }));
      const from = name.getBoundingClientRect();
      const to = document.activeElement!.getBoundingClientRect();
      return { name: name.dataset.entityId, below: to.top - from.bottom, moved: document.activeElement !== name };
    });
  });
  for (const move of moves.filter((move) => move.moved)) {
    expect(move.below, move.name).toBeGreaterThan(0);
    expect(move.below, move.name).toBeLessThan(60);
  }
  expect(moves.filter((move) => !move.moved).map((move) => move.name)).toEqual(['washington']);

  // Tab back in returns to the name the reader left: Russia, then the key points, then Shift+Tab.
  await popup.getByRole('button', { name: /^Russia, / }).focus();
  expect(await press('Tab')).toBe('Key points');
  expect(await press('Shift+Tab')).toBe('russia');
  await expect(popup.getByRole('toolbar', { name: 'Names on this page' }).getByRole('group', { name: 'Countries' }).getByRole('button', { name: 'Russia, 8 mentions' })).toBeFocused();
});

test('the hint on choosing a name, and on the shortcut to them on the page, is said once, on entering the names, not again with every name the arrow keys reach', async ({
  context,
  extensionId,
  page,
  server,
}) => {
  // The keys as the browser has them. Chromium loading an extension from the command line gives its command none; set
  // as a reader does on chrome://extensions/shortcuts.
  const description = async () =>
    (await accessibilityNodes(popup)).find((node) => node.role?.value === 'toolbar')?.description?.value;
  let popup = await loadedPopup(page, context, extensionId, server.origin);
  await expect.poll(description).toBe('Choose a name to scroll to its next mention and open its card. The arrow keys move between names.');
  const shortcuts = await context.newPage();
  await shortcuts.goto('chrome://extensions/shortcuts');
  await shortcuts.evaluate(async (id) => {
    const extensions = (globalThis as unknown as { chrome: { developerPrivate: { updateExtensionCommand(c: object): Promise<void> } } }).chrome;
    await extensions.developerPrivate.updateExtensionCommand({ extensionId: id, commandName: 'next-mention', keybinding: 'Alt+Shift+B' });
  }, extensionId);
  await shortcuts.close();
  await popup.close();
  popup = await loadedPopup(page, context, extensionId, server.origin);
  await expect
    .poll(description)
    .toBe('Choose a name to scroll to its next mention and open its card. The arrow keys move between names. On the page, Alt+Shift+B goes to the next name and opens its card.');
  const nodes = await accessibilityNodes(popup);
  const names = nodes.filter((node) => !node.ignored && node.role?.value === 'button' && /\d+ mentions?$/.test(node.name?.value ?? ''));
  expect(names.length).toBeGreaterThan(10);
  for (const name of names) expect(name.description?.value ?? '', name.name!.value).toBe('');
});

test('the story’s key points’ source buttons are each described by their point, as the card’s are', async ({ context, extensionId, page, server }) => {
  const popup = await loadedPopup(page, context, extensionId, server.origin);
  const nodes = await accessibilityNodes(popup);
  const sources = nodes.filter((node) => !node.ignored && node.role?.value === 'button' && node.name?.value.startsWith('Source:'));
  expect(sources.length).toBeGreaterThan(2);
  // In a screen reader's list of buttons, "Source: paragraph 1 of the article" alone says nothing of which point it backs.
  for (const source of sources) expect(source.description?.value ?? '', source.name!.value).toMatch(/\w{4,}.*\w{4,}/);
});

test('at 250% zoom, where the browser caps the popup at 320 CSS pixels, nothing runs past its right edge', async ({ context, extensionId, page, server }) => {
  const popup = await loadedPopup(page, context, extensionId, server.origin);
  // The popup is 800 device pixels wide at most: 320 CSS pixels at 250% zoom, the width WCAG's reflow asks for.
  await popup.setViewportSize({ width: 320, height: 600 });
  const overflow = await popup.evaluate(() => {
    const scroller = document.scrollingElement!;
    const past = [...document.querySelectorAll('[role="switch"], button, .count, h2, h3, p')]
      .filter((element) => element.getBoundingClientRect().width > 0 && element.getBoundingClientRect().right > innerWidth + 0.5)
      .map((element) => element.textContent?.trim().slice(0, 40) ?? element.localName);
    // Each switch's track and name inside the switch, and the switches apart: "Organizations" pushed its track 11 px out.
    const outside = [...document.querySelectorAll('[role="switch"]')].flatMap((button) => {
      const box = button.getBoundingClientRect();
      return [...button.querySelectorAll('.switch-track, .switch-label')]
        .filter((part) => part.getBoundingClientRect().left < box.left - 0.5 || part.getBoundingClientRect().right > box.right + 0.5)
        .map((part) => `${button.textContent?.trim()}: ${part.className}`);
    });
    return { scroll: scroller.scrollWidth - scroller.clientWidth, past, outside };
  });
  expect(overflow).toEqual({ scroll: 0, past: [], outside: [] });
  // One name a row: "U.S. National Security Council" beside an empty column wrapped a word a line.
  const lefts = await popup.evaluate(() => [...new Set([...document.querySelectorAll('button[data-entity-id]')].map((name) => Math.round(name.getBoundingClientRect().left)))]);
  expect(lefts).toHaveLength(1);
});

test('a site of a long name switched off is named in full inside the popup, wrapped, not run past its right edge', async ({ context, extensionId, page }) => {
  // 186 characters, in labels of 63 at most, as DNS allows, and no hyphen to break a line at: the site is named in the
  // popup's "off" line.
  const site = `${'alonglabelofanewssiteaddressassomesiteshavewithouthyphens.'.repeat(3)}news.example`;
  await context.route(`http://${site}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><body><p>Vladimir Putin arrived.</p></body></html>' }),
  );
  await page.goto(`http://${site}/`);
  await expect.poll(() => paintedMentions(page)).toBe(1);
  const { popup } = await openPopupFor(context, extensionId, page);
  await popup.setViewportSize({ width: 320, height: 600 });
  await popup.getByRole('switch', { name: 'Off on this site' }).click();
  const line = popup.getByText(`Backstory is off on ${site}: its pages are not read.`);
  await expect(line).toBeVisible();
  expect(await line.evaluate((element) => ({ right: element.getBoundingClientRect().right <= innerWidth, scroll: document.scrollingElement!.scrollWidth - innerWidth }))).toEqual({
    right: true,
    scroll: 0,
  });
});

test('the popup follows the reader’s default font size, as the card does: larger text, wider popup, nothing cut off', async ({
  context,
  extensionId,
  page,
  server,
}) => {
  const popup = await loadedPopup(page, context, extensionId, server.origin);
  const sizes = () =>
    popup.evaluate(() => ({
      body: getComputedStyle(document.body).fontSize,
      headline: getComputedStyle(document.querySelector('h1')!).fontSize,
      count: getComputedStyle(document.querySelector('.count')!).fontSize,
      width: document.body.getBoundingClientRect().width,
      overflows: document.documentElement.scrollWidth > innerWidth,
    }));
  expect(await sizes()).toMatchObject({ body: '14px', headline: '17px', count: '12px', width: 400, overflows: false });
  // Chrome's Settings → Appearance → Font size, "Very large": 24 px.
  await popup.setViewportSize({ width: 800, height: 600 });
  const cdp = await popup.context().newCDPSession(popup);
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  await expect.poll(sizes).toMatchObject({ body: '21px', headline: '25.5px', count: '18px', width: 630, overflows: false });
  await cdp.detach();
});

test.describe('the popup, dark', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the dark colour scheme, and axe finds no violations', async ({ context, extensionId, page, server }) => {
    const popup = await loadedPopup(page, context, extensionId, server.origin);
    const { background, text } = await bodyColours(popup);
    expect(luminance(background)).toBeLessThan(0.05);
    expect(luminance(text)).toBeGreaterThan(0.7);
    expect(await violations(popup)).toEqual([]);

    await popup.getByRole('switch', { name: 'Countries' }).click();
    await popup.getByRole('switch', { name: 'Backstory on pages' }).click();
    await expect(popup.getByText('Backstory is switched off.', { exact: false })).toBeVisible();
    expect(await violations(popup)).toEqual([]);
  });
});

test('in forced colours, a switch Backstory switched off everywhere still shows whether it is on or off', async ({ context, extensionId, page, server }) => {
  const popup = await loadedPopup(page, context, extensionId, server.origin);
  // No transition of the switches' colours to wait through.
  await popup.emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
  await popup.getByRole('switch', { name: 'People' }).click();
  await popup.getByRole('switch', { name: 'Backstory on pages' }).click();
  await expect(popup.getByRole('switch', { name: 'Countries' })).toBeDisabled();
  const drawn = (name: string) =>
    popup.getByRole('switch', { name }).evaluate((element) => ({
      track: getComputedStyle(element.querySelector('.switch-track')!).backgroundColor,
      thumb: getComputedStyle(element.querySelector('.switch-thumb')!).backgroundColor,
    }));
  // The thumb stands out from its track in each, and the two states are drawn apart.
  await expect
    .poll(async () => {
      const [off, on] = [await drawn('People'), await drawn('Countries')];
      return { offThumbShows: off.thumb !== off.track, onThumbShows: on.thumb !== on.track, statesApart: on.track !== off.track };
    })
    .toEqual({ offThumbShows: true, onThumbShows: true, statesApart: true });
});

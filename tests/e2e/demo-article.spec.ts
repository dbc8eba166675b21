import { expect, paintedMentions, pointOfText, test } from './fixtures';
import { shadowUiText } from './closed-shadow';

test.describe('the demo article', () => {
  test('hovering a mention opens its card with a cited fact from the story', async ({ page, server, pageErrors }) => {
    await page.goto(`${server.origin}/demo`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);

    const point = await pointOfText(page, 'North Korea');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => shadowUiText(page)).toContain('North Korea');
    const text = (await shadowUiText(page))!;
    expect(text).toMatch(/Sanctioned/);
    expect(text).toMatch(/nuclear weapons and missile programs/);
    expect(text).toMatch(/¶\d/);
    expect(pageErrors).toEqual([]);
  });

  test('Vladimir Putin has a card too', async ({ page, server }) => {
    await page.goto(`${server.origin}/demo`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
    const point = await pointOfText(page, 'Vladimir Putin');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => shadowUiText(page)).toContain('Vladimir Putin');
    expect(await shadowUiText(page)).toMatch(/Person/);
  });

  test('the page hears nothing from Backstory: no message reaches its window', async ({ page, server }) => {
    // The page's own listeners (analytics, embeds) would run for any message posted to its window.
    await page.addInitScript(() => {
      const heard: unknown[] = [];
      (window as unknown as { heard: unknown[] }).heard = heard;
      window.addEventListener('message', (event) => heard.push(event.data));
    });
    await page.goto(`${server.origin}/demo`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
    // The card script too: it comes in idle time, and a hover opens its card.
    const point = await pointOfText(page, 'North Korea');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => shadowUiText(page)).toContain('North Korea');
    expect(await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
  });

  test('the page text is exactly what the server sent', async ({ page, server }) => {
    await page.goto(`${server.origin}/demo`);
    await expect.poll(() => paintedMentions(page)).toBeGreaterThan(5);
    const [now, sent] = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      return [document.body.textContent, new DOMParser().parseFromString(html, 'text/html').body.textContent];
    });
    expect(now).toBe(sent);
  });
});

test('the popup shows the story headline', async ({ page, extensionId }) => {
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Putin Praises North Korea’s Support, Plans Closer Cooperation to Counter U.S.-Led Sanctions',
  );
});

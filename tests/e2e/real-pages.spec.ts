import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { foundOnTab, tabIdIn } from '../../tooling/extension-tabs';
import { HIDDEN_ON_SAVED_PAGES } from '../../tooling/hidden-on-saved-pages';
import { SHARED_PAGES_DIR } from '../../tooling/page-server';
import { expect, test } from './fixtures';

const pages = existsSync(SHARED_PAGES_DIR) ? readdirSync(SHARED_PAGES_DIR).filter((f) => f.endsWith('.html')).sort() : [];

/**
 * What the same walk and matcher find in each file outside the browser (npm run mentions), but
 * for the names the page shows only in parts its styles hide, which the popup does not list.
 */
function expectedEntities(): Map<string, Set<string>> {
  const out = execFileSync('node_modules/.bin/tsx', ['scripts/mentions.ts', ...pages.map((p) => join(SHARED_PAGES_DIR, p))], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const counts = new Map<string, Map<string, number>>(pages.map((p) => [p, new Map()]));
  for (const line of out.split('\n').filter(Boolean)) {
    const { file, entity } = JSON.parse(line) as { file: string; entity: string };
    const found = counts.get(file.split('/').pop()!);
    found?.set(entity, (found.get(entity) ?? 0) + 1);
  }
  return new Map(
    [...counts].map(([page, found]) => {
      const hidden = HIDDEN_ON_SAVED_PAGES[page] ?? {};
      return [page, new Set([...found].filter(([entity, count]) => count > (hidden[entity] ?? 0)).map(([entity]) => entity))];
    }),
  );
}

async function tabIdOf(context: BrowserContext, extensionId: string, url: string): Promise<number> {
  const probe = await context.newPage();
  await probe.goto(`chrome-extension://${extensionId}/popup.html?tab=0`);
  const id = await tabIdIn(probe, url);
  await probe.close();
  return id;
}

async function foundIds(context: BrowserContext, extensionId: string, tabId: number): Promise<string[]> {
  const probe = context.pages().find((p) => p.url().startsWith(`chrome-extension://${extensionId}/`));
  const page: Page = probe ?? (await context.newPage());
  if (!probe) await page.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return (await foundOnTab(page, tabId)).map((e) => e.id).sort();
}

test.describe('real news pages', () => {
  test.skip(pages.length === 0, `no saved pages in ${SHARED_PAGES_DIR}`);
  let expected: Map<string, Set<string>>;
  test.beforeAll(() => {
    expected = expectedEntities();
  });

  for (const name of pages) {
    test(`${name}: the story's entities are found, the text is untouched, nothing breaks`, async ({
      context,
      page,
      server,
      extensionId,
    }) => {
      const ourErrors: string[] = [];
      page.on('console', (message) => {
        const fromUs =
          message.text().includes('[Backstory]') ||
          (message.type() === 'error' && message.location().url.startsWith(`chrome-extension://${extensionId}/`));
        if (fromUs) {
          ourErrors.push(message.text());
        }
      });
      // Without the page's own scripts, only we could change its text; and the Node walk sees the same DOM.
      const url = `${server.origin}/static/${name}`;
      await page.addInitScript(() =>
        document.addEventListener('DOMContentLoaded', () => {
          (window as unknown as { textAtLoad: string }).textAtLoad = document.documentElement.textContent!;
        }),
      );
      await page.goto(url, { waitUntil: 'load' });
      const tabId = await tabIdOf(context, extensionId, url);
      const want = [...expected.get(name)!].sort();
      await expect.poll(() => foundIds(context, extensionId, tabId), { timeout: 20_000 }).toEqual(want);
      expect(
        await page.evaluate(() => document.documentElement.textContent === (window as unknown as { textAtLoad: string }).textAtLoad),
      ).toBe(true);
      expect(ourErrors).toEqual([]);
    });
  }
});

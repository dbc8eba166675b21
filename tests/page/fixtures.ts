import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { compileStory, encodeMatcher } from '../../core/matcher';
import { buildScreen } from '../../core/matcher/screen';
import { EntitiesFileSchema } from '../../core/story/schema';
import { pageServerFixture, type PageServer } from '../../tooling/page-server';

interface WorkerFixtures {
  server: PageServer;
  harness: string;
}

export const test = base.extend<{ load: (html: string, type?: string) => Promise<Page> }, WorkerFixtures>({
  server: pageServerFixture,
  harness: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const result = await build({
        entryPoints: [resolve('tests/page/harness-entry.ts')],
        bundle: true,
        format: 'iife',
        target: 'chrome120',
        write: false,
        logLevel: 'silent',
      });
      await use(result.outputFiles[0]!.text);
    },
    { scope: 'worker' },
  ],
  /** Serves `html` (or text of another `type`) on 127.0.0.1, opens it, and adds the page code with the story's compiled matcher. */
  load: async ({ page, server, harness }, use) => {
    let n = 0;
    await use(async (html: string, type?: string) => {
      const path = `/page-test-${++n}`;
      server.route(path, html, type);
      await page.goto(`${server.origin}${path}`);
      await page.addScriptTag({ content: harness });
      // What the background sends every page: the story compiled once, in Node here.
      await page.evaluate(([wire, screen]) => {
        Object.assign(window, { matcherWire: wire, screenSource: screen });
      }, [MATCHER_WIRE, SCREEN] as const);
      return page;
    });
  },
});

const ENTITIES = EntitiesFileSchema.parse(JSON.parse(readFileSync(resolve('data/summit/entities.json'), 'utf8')));
const MATCHER_WIRE = encodeMatcher(compileStory(ENTITIES));
/** What the build compiles into the script on every page (wxt.config.ts). */
const SCREEN = buildScreen(ENTITIES);

export { expect };

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHARED_PAGES_DIR } from '../tooling/page-server';

const root = fileURLToPath(new URL('..', import.meta.url));
/**
 * Each saved page's names, in reading order, as a reader checked them one by
 * one (entity, the text matched, and its context, which is for that reader
 * only): the browser tests compare the extension with this script, which runs
 * the same matcher, so a matcher that began finding wrong names, or missing
 * right ones, on real pages would pass them. A change here is a change of what
 * readers see on real pages, to be read line by line before it is taken.
 */
const REVIEWED = 'tests/fixtures/saved-pages-names.json';

type Reviewed = Record<string, [entity: string, text: string, context: string][]>;

describe.skipIf(!existsSync(SHARED_PAGES_DIR))('the story’s names on the saved news pages', () => {
  it('are the reviewed ones, no more and no fewer, on every page', () => {
    const reviewed = JSON.parse(readFileSync(join(root, REVIEWED), 'utf8')) as Reviewed;
    const pages = readdirSync(SHARED_PAGES_DIR).filter((name) => name.endsWith('.html')).sort();
    // A page added to the folder is reviewed before it counts; one gone from it is taken out of the list.
    expect(Object.keys(reviewed).sort()).toEqual(pages);
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/mentions.ts', ...pages.map((name) => join(SHARED_PAGES_DIR, name))], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const found: Record<string, string[]> = Object.fromEntries(pages.map((name) => [name, []]));
    for (const line of result.stdout.split('\n').filter((line) => line.length > 0)) {
      const { file, entity, text } = JSON.parse(line) as { file: string; entity: string; text: string };
      found[file.slice(SHARED_PAGES_DIR.length + 1)]!.push(`${entity}: ${text}`);
    }
    const expected = Object.fromEntries(Object.entries(reviewed).map(([name, names]) => [name, names.map(([entity, text]) => `${entity}: ${text}`)]));
    expect(found).toEqual(expected);
  }, 180_000);
});

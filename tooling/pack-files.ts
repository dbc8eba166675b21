import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PackSource } from '../core/story/pack-hash';

/** Where the bundled story pack's files are (background/bundled-pack.ts imports them). */
export const BUNDLED_PACK_DIR = resolve('data/summit');

/** A story pack read from its files; each call reads them anew, so a test may break its own copy. */
export function readPackSource(dir = BUNDLED_PACK_DIR): PackSource {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  return {
    files: { story: read('story.json'), entities: read('entities.json'), facts: read('facts.json') },
    article: readFileSync(join(dir, 'article.txt'), 'utf8'),
  };
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PackSource } from './seed-story';

/** The bundled pack read from disk, deep-cloned so each test may break its own copy. */
export function loadPackSource(): PackSource {
  const read = (name: string): unknown => JSON.parse(readFileSync(resolve('data/summit', name), 'utf8'));
  return {
    files: { story: read('story.json'), entities: read('entities.json'), facts: read('facts.json') },
    article: readFileSync(resolve('data/summit/article.txt'), 'utf8'),
  };
}

let counter = 0;
/** A database name no other test uses, so tests never share state. */
export function uniqueDbName(): string {
  return `backstory-test-${process.pid}-${++counter}`;
}

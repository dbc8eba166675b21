import type { PackSource } from '../core/story/pack-hash';
import { readPackSource } from '../tooling/pack-files';

/** The bundled pack read from disk, deep-cloned so each test may break its own copy. */
export function loadPackSource(): PackSource {
  return readPackSource();
}

let counter = 0;
/** A database name no other test uses, so tests never share state. */
export function uniqueDbName(): string {
  return `backstory-test-${process.pid}-${++counter}`;
}

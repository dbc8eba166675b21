/** FNV-1a over the pack's source text: cheap, stable, enough to notice a changed bundle. */
export function packHash(...parts: string[]): string {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      hash ^= part.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hash ^= 0xff;
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A story pack as the extension bundles it: its three files as parsed JSON, and the article. */
export interface PackSource {
  files: { story: unknown; entities: unknown; facts: unknown };
  article: string;
  /**
   * Its packSourceHash, where the build computed it (background/bundled-pack.ts): a worker woken from a stop
   * otherwise hashes the pack's 28,000 characters in its interpreter each time, 2.6–12.6 ms here.
   */
  hash?: string;
}

/**
 * The shape of the rows a pack is written as: part of the hash, so a database written by a version that stored rows
 * otherwise (facts without their `order`, entities without their `nameRank`) is written again from the same pack.
 */
const ROWS = 'rows 3';

/**
 * What a pack's rows are stored under (background/seed-story.ts), and the
 * build's compiled matcher of the bundled pack too (wxt.config.ts): the worker
 * serves that one only for the rows of the same pack.
 */
export function packSourceHash(source: PackSource): string {
  return packHash(ROWS, JSON.stringify(source.files), source.article);
}

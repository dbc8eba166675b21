import { describe, expect, it } from 'vitest';
import { packSourceHash } from '../core/story/pack-hash';
import { builtMatcher } from './built-matcher';
import { readPackSource } from './pack-files';

describe('the matcher the build compiles for the bundled pack', () => {
  it('is the pack’s, under the hash its rows are stored under', () => {
    const source = readPackSource();
    const built = builtMatcher(source);
    expect(built?.packHash).toBe(packSourceHash(source));
    expect(built?.value.storyId).toBe((source.files.story as { id: string }).id);
    expect(built?.value.entities.map((entity) => entity.id)).toEqual(
      (source.files.entities as { id: string }[]).map((entity) => entity.id).sort(),
    );
  });

  it('is none for a pack the worker would reject, which then compiles the rows it keeps', () => {
    const broken = readPackSource();
    (broken.files.entities as { category: string }[])[0]!.category = 'planet';
    expect(builtMatcher(broken)).toBeNull();
  });
});

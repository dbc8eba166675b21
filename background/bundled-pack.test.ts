import { expect, it } from 'vitest';
import { packSourceHash } from '../core/story/pack-hash';
import { bundledPack } from './bundled-pack';

it('carries the hash the build computed of the pack, the one its files and article hash to in the worker', () => {
  const { hash, ...source } = bundledPack;
  expect(hash).toMatch(/^[0-9a-f]{8}$/);
  expect(hash).toBe(packSourceHash(source));
});

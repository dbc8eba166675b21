import { describe, expect, it } from 'vitest';
import { isBuildInput, newerThanBuild, sourceState } from './source-state';

describe('sourceState', () => {
  it('names the commit checked out and whether tracked files differ from it', () => {
    const state = sourceState();
    expect(state.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(typeof state.dirty).toBe('boolean');
  });
});

describe('the build against its sources', () => {
  it('counts what the extension is built from, not the benchmark, tests, docs or tool configuration', () => {
    for (const path of ['page/annotator.ts', 'entrypoints/story/index.ts', 'data/summit/entities.json', 'wxt.config.ts', 'package.json', 'tooling/built-matcher.ts']) {
      expect(isBuildInput(path), path).toBe(true);
    }
    for (const path of ['bench/report.ts', 'tests/e2e/card.spec.ts', 'docs/benchmark.md', 'README.md', 'core/matcher/scan.test.ts', 'scripts/bench.ts', '.github/workflows/ci.yml', 'node_modules', 'vitest.config.ts']) {
      expect(isBuildInput(path), path).toBe(false);
    }
  });

  it('finds the newest source changed after the build, and none when the build is newer', () => {
    const files = [{ path: 'page/a.ts', mtimeMs: 100 }, { path: 'core/b.ts', mtimeMs: 300 }, { path: 'page/c.ts', mtimeMs: 200 }];
    expect(newerThanBuild(250, files)).toEqual({ path: 'core/b.ts', mtimeMs: 300 });
    expect(newerThanBuild(300, files)).toBeNull();
    expect(newerThanBuild(0, [])).toBeNull();
  });
});

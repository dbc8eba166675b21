import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import { packSourceHash } from './core/story/pack-hash';
import { builtMatcher } from './tooling/built-matcher';
import { jsonDefine } from './tooling/json-define';
import { readPackSource } from './tooling/pack-files';

export default defineConfig({
  plugins: [WxtVitest()],
  // As the build defines it (wxt.config.ts): the background's code under test reads it.
  define: { __BACKSTORY_BUILT_MATCHER__: jsonDefine(builtMatcher()), __BACKSTORY_PACK_HASH__: JSON.stringify(packSourceHash(readPackSource())) },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.output/**', 'tests/e2e/**', 'tests/page/**'],
    environment: 'node',
  },
});

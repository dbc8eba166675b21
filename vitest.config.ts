import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import { builtMatcher } from './tooling/built-matcher';
import { jsonDefine } from './tooling/json-define';

export default defineConfig({
  plugins: [WxtVitest()],
  // As the build defines it (wxt.config.ts): the background's code under test reads it.
  define: { __BACKSTORY_BUILT_MATCHER__: jsonDefine(builtMatcher()) },
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.output/**', 'tests/e2e/**', 'tests/page/**'],
    environment: 'node',
  },
});

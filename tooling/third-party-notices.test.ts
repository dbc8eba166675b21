import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageOf, thirdPartyNotices } from './third-party-notices';

const modules = resolve('node_modules');

describe('packageOf', () => {
  it('names the package of a module under node_modules, scoped or nested, and none of the project’s own', () => {
    expect(packageOf(`${modules}/react/cjs/react.production.js`)).toEqual({ name: 'react', dir: `${modules}/react` });
    expect(packageOf(`\0${modules}/@floating-ui/dom/dist/floating-ui.dom.mjs?commonjs-exports`)).toEqual({
      name: '@floating-ui/dom',
      dir: `${modules}/@floating-ui/dom`,
    });
    expect(packageOf('/x/node_modules/a/node_modules/b/index.js')).toEqual({ name: 'b', dir: '/x/node_modules/a/node_modules/b' });
    expect(packageOf(resolve('page/annotator.ts'))).toBeUndefined();
    expect(packageOf('\0vite/preload-helper.js')).toBeUndefined();
  });
});

describe('thirdPartyNotices', () => {
  it('gives each bundled package once, in order, with its version, its license and the text it ships', () => {
    const notices = thirdPartyNotices([
      `${modules}/react/index.js`,
      `${modules}/dexie/dist/dexie.mjs`,
      `${modules}/react/cjs/react.production.js`,
      resolve('core/site.ts'),
    ]);
    const headings = [...notices.matchAll(/^(\S+) (\d+\.\d+\.\d+\S*) \((.+)\)$/gm)].map((match) => [match[1], match[3]]);
    expect(headings).toEqual([
      ['dexie', 'Apache-2.0'],
      ['react', 'MIT'],
    ]);
    expect(notices).toContain('Apache License');
    expect(notices).toContain('Permission is hereby granted, free of charge');
  });

  it('gives a package published without a license file (WXT’s own) the MIT terms with its author, and says so', () => {
    const notices = thirdPartyNotices([`${modules}/@wxt-dev/storage/dist/index.mjs`]);
    expect(notices).toContain('Copyright (c) Aaron Klinker');
    expect(notices).toContain('The above copyright notice and this permission notice shall be included');
    expect(notices).toContain('The package ships no license file; its package.json names the MIT license. Its source: https://github.com/wxt-dev/wxt.git.');
  });
});

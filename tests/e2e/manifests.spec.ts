import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// What README.md's "Permissions and privacy" and "Load it by hand" promise readers and store reviewers, read from
// the builds themselves: a permission added in wxt.config.ts, or one WXT adds on its own, shows at install.

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  minimum_chrome_version?: string;
  commands?: Record<string, { suggested_key?: Record<string, string> }>;
  browser_specific_settings?: {
    gecko?: { strict_min_version?: string; data_collection_permissions?: unknown };
    gecko_android?: { strict_min_version?: string };
  };
}

const manifestOf = (build: string) => JSON.parse(readFileSync(`.output/${build}/manifest.json`, 'utf8')) as Manifest;

for (const build of ['chrome-mv3', 'firefox-mv3']) {
  test(`the ${build} build asks for access to all sites, scripting, tabs and storage, the same as the other, and nothing optional`, () => {
    const manifest = manifestOf(build);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['scripting', 'storage', 'tabs']);
    expect(manifest.host_permissions).toEqual(['<all_urls>']);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
  });

  test(`the ${build} build suggests Alt+Shift+B for walking the names`, () => {
    expect(manifestOf(build).commands?.['next-mention']?.suggested_key).toEqual({ default: 'Alt+Shift+B' });
  });
}

test('the Chrome build needs Chrome 123 or newer', () => {
  expect(manifestOf('chrome-mv3').minimum_chrome_version).toBe('123');
});

test('the Firefox build needs Firefox 140 or newer, and declares at install that it collects no data', () => {
  const gecko = manifestOf('firefox-mv3').browser_specific_settings;
  expect(gecko?.gecko?.strict_min_version).toBe('140.0');
  expect(gecko?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  // Firefox for Android reads data_collection_permissions from 142 on: an older one would install without the declaration.
  expect(gecko?.gecko_android?.strict_min_version).toBe('142.0');
});

test('each build carries the licenses of the packages it bundles, fake-indexeddb only in Firefox’s, where its background serves from memory', () => {
  const listed = (build: string) => {
    const notices = readFileSync(`.output/${build}/THIRD_PARTY_NOTICES.txt`, 'utf8');
    return { names: [...notices.matchAll(/^(\S+) \d+\.\d+\.\d+\S* \(([^)]+)\)$/gm)].map((match) => match[1]), notices };
  };
  const chrome = listed('chrome-mv3');
  const firefox = listed('firefox-mv3');
  for (const { names, notices } of [chrome, firefox]) {
    expect(names).toEqual(expect.arrayContaining(['react', 'react-dom', 'scheduler', 'dexie', 'zod', '@floating-ui/dom']));
    // Each with its text: the MIT terms, and Dexie's Apache license.
    expect(notices.split('Permission is hereby granted, free of charge').length - 1).toBeGreaterThanOrEqual(names.length - 2);
    expect(notices).toContain('Apache License');
  }
  expect(firefox.names).toContain('fake-indexeddb');
  expect(chrome.names).not.toContain('fake-indexeddb');
});

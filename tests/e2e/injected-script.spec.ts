import { expect, test } from '@playwright/test';
import { injectedScriptSize } from '../../bench/injected-script';

// A size, not a timing: exact on every machine, so it is a test and not only a benchmark figure.
test('the script the manifest injects into every page is at most 15 KiB gzipped', () => {
  const size = injectedScriptSize();
  expect(size, 'the Chrome build exists').not.toBeNull();
  expect(size!.files).toEqual(['story.js']);
  expect(size!.gzipBytes).toBeLessThanOrEqual(15 * 1024);
});

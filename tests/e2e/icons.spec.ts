import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/** Width and height from a PNG's header chunk, which follows the 8-byte signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

// Without them the toolbar shows a generic puzzle piece, in Firefox the same picture as its own Extensions button.
for (const build of ['chrome-mv3', 'firefox-mv3']) {
  test(`the ${build} build has Backstory's icon at every size its manifest names, for the toolbar button and the extensions page`, () => {
    const manifest = JSON.parse(readFileSync(`.output/${build}/manifest.json`, 'utf8')) as {
      icons: Record<string, string>;
      action: { default_icon: Record<string, string> };
    };
    expect(Object.keys(manifest.icons)).toEqual(expect.arrayContaining(['16', '32', '48', '128']));
    expect(Object.keys(manifest.action.default_icon)).toEqual(expect.arrayContaining(['16', '32']));
    for (const [size, path] of [...Object.entries(manifest.icons), ...Object.entries(manifest.action.default_icon)]) {
      expect(pngSize(`.output/${build}/${path}`), path).toEqual({ width: Number(size), height: Number(size) });
    }
  });
}

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CARD_MARKER, CARD_SCRIPT, CARD_START_KEY } from './card-keys';
import { CARD_SHOWN_SHEET } from './card-shown';
import { importScript } from './import-script';
import { injectCardUi } from './inject-card-ui';

const build = vi.hoisted(() => ({ firefox: true }));
vi.mock('./card-shown', async (actual) => ({
  ...(await actual<typeof import('./card-shown')>()),
  get CARD_NEEDS_SHEET() {
    return build.firefox;
  },
}));

type Injection = { target: unknown; files?: string[]; func?: unknown; args?: unknown[]; css?: string; origin?: string };

describe('putting the card script into a frame', () => {
  /** What the browser was asked to do, in order: the import (which looks for the script too), a file, a sheet. */
  let asked: (string | Injection)[];
  /** What the frame answers the import: true where the card script is there already or came in as a module. */
  let imported: boolean;
  beforeEach(() => {
    fakeBrowser.reset();
    build.firefox = true;
    asked = [];
    imported = false;
    (fakeBrowser as unknown as { scripting: unknown }).scripting = {
      executeScript: async (options: Injection) => {
        if (options.files) {
          asked.push({ target: options.target, files: options.files });
          return [{ frameId: 0, documentId: 'd', result: undefined }];
        }
        asked.push(options.func === importScript ? { target: options.target, func: 'import', args: options.args } : 'probe');
        return [{ frameId: 0, documentId: 'd', result: options.func === importScript ? imported : false }];
      },
      insertCSS: async (options: Injection) => {
        asked.push({ target: options.target, css: options.css, origin: options.origin });
      },
    };
  });
  const files = () => asked.flatMap((step) => (typeof step === 'object' && step.files ? step.files : []));
  const sheets = () => asked.filter((step) => typeof step === 'object' && step.css !== undefined);

  it('in Firefox, adds the sheet that shows the card, of the user’s origin, into that frame alone, after the script', async () => {
    // The code under test is Chrome's build, which imports the card as a module: a frame that refuses the import gets
    // the file, as every frame does in Firefox.
    await injectCardUi(5, 2);
    const frame = { tabId: 5, frameIds: [2] };
    expect(asked).toEqual([
      { target: frame, func: 'import', args: [CARD_SCRIPT, CARD_MARKER, CARD_START_KEY] },
      { target: frame, files: [CARD_SCRIPT] },
      { target: frame, css: CARD_SHOWN_SHEET, origin: 'USER' },
    ]);
  });

  it('adds no second sheet where the card script was there already', async () => {
    imported = true;
    await injectCardUi(5, 0);
    expect(files()).toEqual([]);
    expect(sheets()).toEqual([]);
  });

  it('in Chrome, adds no sheet: the card shows without one', async () => {
    build.firefox = false;
    await injectCardUi(5, 0);
    // The file went in: no sheet follows it all the same.
    expect(files()).toEqual([CARD_SCRIPT]);
    expect(sheets()).toEqual([]);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CARD_MARKER, CARD_SCRIPT, CARD_START_KEY } from './card-keys';
import { CARD_SHOWN_SHEET } from './card-shown';
import { injectCardUi } from './inject-card-ui';
import { injectOnce } from './inject-once';

const build = vi.hoisted(() => ({ firefox: true }));
vi.mock('./card-shown', async (actual) => ({
  ...(await actual<typeof import('./card-shown')>()),
  get CARD_NEEDS_SHEET() {
    return build.firefox;
  },
}));
vi.mock('./inject-once', async (actual) => ({ ...(await actual<typeof import('./inject-once')>()), injectOnce: vi.fn() }));

describe('putting the card script into a frame', () => {
  let insertCSS: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    build.firefox = true;
    vi.mocked(injectOnce).mockReset().mockResolvedValue(true);
    insertCSS = vi.fn(async () => undefined);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { insertCSS };
  });

  it('in Firefox, adds the sheet that shows the card, of the user’s origin, into that frame alone, after the script', async () => {
    await injectCardUi(5, 2);
    expect(injectOnce).toHaveBeenCalledWith({ tabId: 5, frameIds: [2] }, CARD_SCRIPT, CARD_MARKER, { module: true, startKey: CARD_START_KEY });
    expect(insertCSS.mock.calls).toEqual([[{ target: { tabId: 5, frameIds: [2] }, css: CARD_SHOWN_SHEET, origin: 'USER' }]]);
    expect(vi.mocked(injectOnce).mock.invocationCallOrder[0]!).toBeLessThan(insertCSS.mock.invocationCallOrder[0]!);
  });

  it('adds no second sheet where the card script was there already', async () => {
    vi.mocked(injectOnce).mockResolvedValue(false);
    await injectCardUi(5, 0);
    expect(insertCSS).not.toHaveBeenCalled();
  });

  it('in Chrome, adds no sheet: the card shows without one', async () => {
    build.firefox = false;
    await injectCardUi(5, 0);
    expect(insertCSS).not.toHaveBeenCalled();
  });
});

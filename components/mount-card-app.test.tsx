// @vitest-environment happy-dom
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CARD_SHOWN_CLASS } from '../extension/card-shown';
import type { CardApi } from '../page/card-bridge';
import { mountCardApp } from './mount-card-app';

const build = vi.hoisted(() => ({ firefox: false }));
vi.mock('../extension/card-shown', async (actual) => ({
  ...(await actual<typeof import('../extension/card-shown')>()),
  get CARD_NEEDS_SHEET() {
    return build.firefox;
  },
}));

const roots: { unmount(): void }[] = [];
afterEach(() => {
  roots.splice(0).forEach((root) => root.unmount());
  vi.restoreAllMocks();
  build.firefox = false;
});

/** An app that is ready at once. */
function Ready({ onReady }: { onReady: (api: CardApi) => void }) {
  useEffect(() => onReady({} as CardApi), [onReady]);
  return null;
}

/** An app whose first render throws, as the card's would on a page that broke something it relies on. */
function ThrowsAtOnce(): never {
  throw new Error('the first render broke');
}

/** An app that is ready, then throws on its next render. */
function ThrowsLater({ onReady }: { onReady: (api: CardApi) => void }) {
  const [broken, setBroken] = useState(false);
  useEffect(() => {
    onReady({} as CardApi);
    setTimeout(() => setBroken(true), 10);
  }, [onReady]);
  if (broken) throw new Error('a later render broke');
  return null;
}

describe('mounting the card app', () => {
  it('fails the start when its first render throws, rather than leaving it unsettled for the background to wait on', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const mounted = mountCardApp(document.createElement('div'), (api) => api, () => {}, ThrowsAtOnce);
    roots.push(mounted.root);
    await expect(mounted.ready).rejects.toThrow('the first render broke');
  });

  it('is ready with the API as adopted, and tells a later throw to its own handler', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const later = vi.fn();
    const adopted = { adopted: true } as unknown as CardApi;
    const mounted = mountCardApp(document.createElement('div'), () => adopted, later, ThrowsLater);
    roots.push(mounted.root);
    await expect(mounted.ready).resolves.toBe(adopted);
    await vi.waitFor(() => expect(later).toHaveBeenCalledWith(expect.objectContaining({ message: 'a later render broke' })));
  });

  it('in Firefox, marks what it renders into as shown only by Backstory’s sheet, before the first render; in Chrome, not', async () => {
    build.firefox = true;
    const inFirefox = document.createElement('div');
    const mounted = mountCardApp(inFirefox, (api) => api, () => {}, Ready);
    roots.push(mounted.root);
    expect(inFirefox.classList.contains(CARD_SHOWN_CLASS)).toBe(true);
    await mounted.ready;

    build.firefox = false;
    const inChrome = document.createElement('div');
    const again = mountCardApp(inChrome, (api) => api, () => {}, Ready);
    roots.push(again.root);
    await again.ready;
    expect(inChrome.classList.contains(CARD_SHOWN_CLASS)).toBe(false);
  });
});

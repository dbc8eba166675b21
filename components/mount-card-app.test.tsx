// @vitest-environment happy-dom
import { useEffect, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardApi } from '../page/card-bridge';
import { mountCardApp } from './mount-card-app';

const roots: { unmount(): void }[] = [];
afterEach(() => {
  roots.splice(0).forEach((root) => root.unmount());
  vi.restoreAllMocks();
});

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
});

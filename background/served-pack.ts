import { browser } from 'wxt/browser';
import { SERVED_PACK_KEY } from '../extension/annotator-keys';

/**
 * Tells pages whose pack's rows the database holds, once they are stored
 * (`packHash`), or that they are not the bundled pack's (undefined: it was
 * rejected, and the rows before it are kept). A top frame's annotator starts
 * from the matcher it was built with only when that pack is the one served
 * (extension/built-matcher-reply.ts). Read first: the worker seeds at every
 * wake, and storage.local writes reach every page's storage.onChanged.
 */
export async function recordServedPack(packHash: string | undefined): Promise<void> {
  const stored = (await browser.storage.local.get(SERVED_PACK_KEY))[SERVED_PACK_KEY];
  if (stored === packHash) return;
  if (packHash === undefined) await browser.storage.local.remove(SERVED_PACK_KEY);
  else await browser.storage.local.set({ [SERVED_PACK_KEY]: packHash });
}

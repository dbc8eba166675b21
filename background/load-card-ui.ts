import { browser } from 'wxt/browser';
import { injectCardUi } from '../extension/inject-card-ui';
import { isActiveOn } from '../core/settings';
import { injectOnce } from '../extension/inject-once';
import { readSettingsLight } from '../extension/settings-watch';
import type { Sender } from './handle-message';

function senderFrame(sender: Sender): { tabId: number; frameId: number } {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('Only a page can load page scripts');
  return { tabId, frameId: sender.frameId ?? 0 };
}

/**
 * Injects the annotator into the frame that asked (its screen found a name of
 * the story), unless the reader switched Backstory off, everywhere or on this
 * site: then nothing runs there until the settings change. Whether it did.
 */
export async function loadAnnotator(sender: Sender): Promise<boolean> {
  const { tabId, frameId } = senderFrame(sender);
  // The annotator decides by its own document's hostname too (page/annotator.ts): the same answer.
  if (!isActiveOn(await readSettingsLight(), hostnameOf(sender.url))) return false;
  await injectOnce(tabId, frameId, '/content-scripts/annotator.js', 'backstory.annotator');
  return true;
}

function hostnameOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').hostname;
  } catch {
    return '';
  }
}

/** Injects the card UI into the frame that asked: one where mentions were found. */
export async function loadCardUi(sender: Sender): Promise<void> {
  const { tabId, frameId } = senderFrame(sender);
  await injectCardUi(tabId, frameId);
}

/** Injects the overlay painter into the frame that asked: its browser has no Highlight API. */
export async function loadOverlayPainter(sender: Sender): Promise<void> {
  const { tabId, frameId } = senderFrame(sender);
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/content-scripts/overlay.js'] });
}

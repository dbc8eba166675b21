import { browser } from 'wxt/browser';
import { ANNOTATOR_MARKER, ANNOTATOR_SCRIPT } from '../extension/annotator-keys';
import { injectCardUiInto } from '../extension/inject-card-ui';
import { isActiveOn, type Settings } from '../core/settings';
import { frameTarget, injectOnce, type InjectTarget } from '../extension/inject-once';
import { readSettings } from '../extension/settings-store';
import type { Sender } from './handle-message';

/**
 * The document that asked, where the browser names it (Chrome): a frame that
 * navigates between its request and the injection must not get the script in
 * its next document, which has not asked (and would be read by the annotator
 * before its own screen decided). Else its frame (Firefox names no documents).
 */
function senderTarget(sender: Sender): InjectTarget {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('Only a page can load page scripts');
  return sender.documentId ? { tabId, documentIds: [sender.documentId] } : frameTarget(tabId, sender.frameId ?? 0);
}

/**
 * Injects the annotator into the frame that asked (its screen found a name of
 * the story), unless the reader switched Backstory off, everywhere or on this
 * site: then nothing runs there until the settings change. Whether it did.
 */
export async function loadAnnotator(sender: Sender): Promise<boolean> {
  const target = senderTarget(sender);
  if (!(await activeFor(sender)).active) return false;
  await injectOnce(target, ANNOTATOR_SCRIPT, ANNOTATOR_MARKER, { module: true });
  return true;
}

/**
 * Whether Backstory runs in the sender's frame: switched on, and not off for
 * its site, the one the reader sees in the address bar and switches off in the
 * popup: the tab's, for every frame in it (an embedded frame, a srcdoc frame
 * without a host of its own). The annotator decides by the same `site` after
 * each change of the settings (page/annotator.ts).
 */
export async function activeFor(sender: Sender): Promise<{ active: boolean; settings: Settings; site: string }> {
  const stored = await readSettings();
  const site = hostnameOf(sender.tab?.url ?? sender.url);
  // Of the sites switched off, the frame needs only whether its own is: the list may hold hundreds.
  const settings = { ...stored, offSites: stored.offSites.filter((other) => other === site) };
  return { active: isActiveOn(settings, site), settings, site };
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
  await injectCardUiInto(senderTarget(sender));
}

/** Injects the overlay painter into the frame that asked: its browser has no Highlight API. */
export async function loadOverlayPainter(sender: Sender): Promise<void> {
  await browser.scripting.executeScript({ target: senderTarget(sender), files: ['/content-scripts/overlay.js'] });
}

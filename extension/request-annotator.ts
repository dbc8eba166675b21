import type { browser as ExtensionApi } from 'wxt/browser';
import type { PageSideRequest } from '../core/messages/page-protocol';
import { ANNOTATOR_MARKER, ANNOTATOR_SCRIPT, SERVED_PACK_KEY, leaveLocalStart, leaveMatcherReply, takeLocalStart } from './annotator-keys';
import { afterPrerender } from './after-prerender';
import { importScript } from './import-script';
import { OFF_SITE_PREFIX, SETTINGS_AREA, SETTINGS_KEY, isSettingsKey } from './settings-key';

/**
 * As wxt/browser resolves it, but only once needed: the script on every page
 * touches the extension API only on a page that may mention the story.
 */
function extensionApi(): typeof ExtensionApi {
  const scope = globalThis as unknown as { browser?: typeof ExtensionApi; chrome: typeof ExtensionApi };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}

/**
 * Brings the annotator into the frame. A top frame where the settings plainly
 * have Backstory on imports it itself, with what it read from storage
 * (startLocally). Otherwise the background is asked for it. Where the reader
 * switched Backstory off, none comes: the frame then asks again each time the
 * settings change, so switching back on reaches pages already open.
 * `onFailure` when the background cannot be reached (most often: the
 * extension was reloaded).
 */
export function requestAnnotator(onFailure: (error: unknown) => void): void {
  const api = extensionApi();
  const request: PageSideRequest<'page/annotate'> = { type: 'page/annotate' };
  const matcherRequest: PageSideRequest<'matcher/get'> = { type: 'matcher/get' };
  const ask = () => {
    // A page the browser prerenders asks once the reader sees it (extension/after-prerender.ts).
    const shown = afterPrerender();
    if (shown) return void shown.then(ask);
    // The annotator's first request, sent now rather than once it runs: the story's
    // matcher is a large reply, which then travels while the annotator is being injected.
    // A failure is the annotator's to meet: it asks again.
    leaveMatcherReply(api.runtime.sendMessage(matcherRequest).catch(() => undefined));
    api.runtime.sendMessage(request).then((reply: unknown) => {
      // Only `annotated: false` is acted on; the annotator reports its own failures.
      if ((reply as { annotated?: unknown } | undefined)?.annotated === false) whenSettingsChange(api, ask);
    }, onFailure);
  };
  if (window !== window.top) {
    ask();
    return;
  }
  startLocally(api)
    .catch(() => false)
    .then((started) => {
      if (!started) ask();
    })
    .catch(onFailure);
}

/**
 * Imports the annotator without the background, which Chrome (its service
 * worker) and Firefox (its event page) stop after 30 s idle: the first page a
 * reader opened after a pause waited for it to start (in Chrome about 145 ms
 * here), run its script (50), open its database and answer (20 or more),
 * before the annotator was even injected. Storage is read without it. The
 * annotator starts from the matcher it was built with if the database holds
 * the rows of that pack (SERVED_PACK_KEY), else it asks the background
 * (page/annotator.ts). Only in the top frame: the site switched off is the
 * tab's, which an embedded frame cannot read. False where the settings are
 * anything but plainly on here, or the import was refused: the background decides.
 */
async function startLocally(api: typeof ExtensionApi): Promise<boolean> {
  const site = location.hostname;
  const offKey = OFF_SITE_PREFIX + site;
  const [items, local] = await Promise.all([api.storage[SETTINGS_AREA].get([SETTINGS_KEY, offKey]), api.storage.local.get(SERVED_PACK_KEY)]);
  if (items[offKey] !== undefined || !plainlyOn(items[SETTINGS_KEY], site)) return false;
  leaveLocalStart({ items, site, servedPack: local[SERVED_PACK_KEY] });
  if (await importScript(ANNOTATOR_SCRIPT, ANNOTATOR_MARKER, null)) return true;
  takeLocalStart();
  return false;
}

/**
 * Whether the stored switches have Backstory on at `site` with nothing to
 * interpret: none stored, or as this version writes them (extension/settings-layout.ts).
 * A list of sites an older version left is looked in too. Anything else
 * (an older version's form, a malformed value) is the worker's to read.
 */
export function plainlyOn(switches: unknown, site: string): boolean {
  if (switches === undefined) return true;
  if (typeof switches !== 'object' || switches === null || 'disabledCategories' in switches) return false;
  const { enabled, offSites } = switches as { enabled?: unknown; offSites?: unknown };
  if (enabled !== true) return false;
  return offSites === undefined || (Array.isArray(offSites) && !offSites.includes(site));
}

function whenSettingsChange(api: typeof ExtensionApi, callback: () => void): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== SETTINGS_AREA || !Object.keys(changes).some(isSettingsKey)) return;
    api.storage.onChanged.removeListener(listener);
    callback();
  };
  api.storage.onChanged.addListener(listener);
}

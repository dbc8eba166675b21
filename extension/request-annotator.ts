import type { browser as ExtensionApi } from 'wxt/browser';
import type { PageSideRequest } from '../core/messages/page-protocol';
import { leaveMatcherReply } from './annotator-keys';
import { SETTINGS_AREA, isSettingsKey } from './settings-key';

/**
 * As wxt/browser resolves it, but only once needed: the script on every page
 * touches the extension API only on a page that may mention the story.
 */
function extensionApi(): typeof ExtensionApi {
  const scope = globalThis as unknown as { browser?: typeof ExtensionApi; chrome: typeof ExtensionApi };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}

/**
 * Asks the background for the annotator. Where the reader switched Backstory
 * off, none comes: the frame then asks again each time the settings change,
 * so switching back on reaches pages already open. `onFailure` when the
 * background cannot be reached (most often: the extension was reloaded).
 */
export function requestAnnotator(onFailure: (error: unknown) => void): void {
  const api = extensionApi();
  const request: PageSideRequest<'page/annotate'> = { type: 'page/annotate' };
  const matcherRequest: PageSideRequest<'matcher/get'> = { type: 'matcher/get' };
  const ask = () => {
    // The annotator's first request, sent now rather than once it runs: the story's
    // matcher is a large reply, which then travels while the annotator is being injected.
    // A failure is the annotator's to meet: it asks again.
    leaveMatcherReply(api.runtime.sendMessage(matcherRequest).catch(() => undefined));
    api.runtime.sendMessage(request).then((reply: unknown) => {
      // Only `annotated: false` is acted on; the annotator reports its own failures.
      if ((reply as { annotated?: unknown } | undefined)?.annotated === false) whenSettingsChange(api, ask);
    }, onFailure);
  };
  ask();
}

function whenSettingsChange(api: typeof ExtensionApi, callback: () => void): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== SETTINGS_AREA || !Object.keys(changes).some(isSettingsKey)) return;
    api.storage.onChanged.removeListener(listener);
    callback();
  };
  api.storage.onChanged.addListener(listener);
}

import type { browser as ExtensionApi } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { PageSideRequest } from '../../core/messages/page-protocol';
import { createPageScreen } from '../../page/page-screen';
import { watchForStoryNames } from '../../page/story-watch';

// The one script in every page (wxt.config.ts puts it in the manifest), so it holds only the
// story's screen, compiled in at build time, and a watch: the annotator comes from the
// background once a name may be on the page. Not a WXT content script on purpose: WXT's
// script context reads the extension's id when it is created, and that first touch of the
// extension API costs milliseconds in every frame of every page, with or without the story.

/** As wxt/browser resolves it, but only once needed: a page without the story never touches the API. */
function extensionApi(): typeof ExtensionApi {
  const scope = globalThis as unknown as { browser?: typeof ExtensionApi; chrome: typeof ExtensionApi };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}

export default defineUnlistedScript(() => {
  try {
    const stop = watchForStoryNames(createPageScreen(__BACKSTORY_SCREEN__), () => {
      const request: PageSideRequest<'page/annotate'> = { type: 'page/annotate' };
      // Nothing in the reply is used, so nothing to validate: the annotator reports its own failures.
      extensionApi().runtime.sendMessage(request).catch((error: unknown) => {
        // Most often the extension was reloaded or removed since this page loaded: stop watching.
        stop();
        console.warn('[Backstory]', error);
      });
    });
  } catch (error) {
    console.warn('[Backstory]', error);
  }
});

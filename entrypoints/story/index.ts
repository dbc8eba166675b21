import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extensionUnloaded } from '../../extension/extension-unloaded';
import { requestAnnotator } from '../../extension/request-annotator';
import { claimFrame } from '../../extension/story-keys';
import { watchPage } from '../../page/watch-page';

// The one script in every page (wxt.config.ts puts it in the manifest), so it holds only the
// story's screen, compiled in at build time, and a watch: the annotator comes from the
// background once a name may be on the page. Not a WXT content script on purpose: WXT's
// script context reads the extension's id when it is created, and that first touch of the
// extension API costs milliseconds in every frame of every page, with or without the story.

export default defineUnlistedScript(() => {
  // Once a frame: the background puts it into pages open when the extension was loaded, which the browser may be loading it into too.
  // The mark it leaves also tells the popup the page was read (components/use-page-probe.ts).
  if (!claimFrame()) return;
  // The rest in a task of its own: in a new tab, the task that runs this script has also compiled it and
  // brought up the extension's world, and the first touches of the page's DOM from that world cost
  // milliseconds more. Apart, neither task is long. Its failures are caught at its top (page/watch-page.ts).
  setTimeout(() => watchPage(__BACKSTORY_SCREEN__, requestAnnotator, extensionUnloaded));
});

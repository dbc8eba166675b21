import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { requestAnnotator } from '../../extension/request-annotator';
import { claimFrame } from '../../extension/story-keys';
import { createPageScreen } from '../../page/page-screen';
import { beginReading, endReading } from '../../page/reading-mark';
import { yieldToPage } from '../../page/scheduler';
import { watchForStoryNames } from '../../page/story-watch';

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
  // milliseconds more. Apart, neither task is long.
  setTimeout(watchPage);
});

function watchPage(): void {
  // A document that makes no HTML elements (an RSS feed, in the browser's tree view too; an SVG file) can host no card:
  // the card's UI cannot be built there, and names painted would open nothing when hovered. XHTML makes HTML elements.
  if (!(document.createElement('i') instanceof HTMLElement)) return;
  // Until the screen has read the page without a name, or the annotator has read it: the shortcut's notice asks.
  beginReading();
  const report = (error: unknown) => {
    endReading();
    console.warn('[Backstory]', error);
  };
  try {
    const stop = watchForStoryNames(
      createPageScreen(__BACKSTORY_SCREEN__),
      () => {
        // In a task of its own: the first use of the extension API costs milliseconds, which the
        // task that screened the page (often the one that compiled this script) need not carry.
        yieldToPage()
          .then(() =>
            requestAnnotator((error) => {
              // Most often the extension was reloaded or removed since this page loaded: stop watching.
              stop();
              report(error);
            }),
          )
          .catch(report);
      },
      // A large page is screened a piece at a time, past this call.
      report,
      endReading,
    );
  } catch (error) {
    report(error);
  }
}

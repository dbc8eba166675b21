import type { ScreenSource } from '../core/matcher/screen';
import { createPageScreen } from './page-screen';
import { beginReading, endReading } from './reading-mark';
import { yieldToPage } from './scheduler';
import { watchForStoryNames } from './story-watch';

/**
 * The work of the script on every page (entrypoints/story): screens the page
 * with the story's screen, and once a name may be on it, has
 * `requestAnnotator` bring the annotator. The top of that script: every
 * failure, now or later, ends here, ends the page's reading mark (the
 * shortcut's notice would otherwise say "still reading"), and is logged.
 */
export function watchPage(
  source: ScreenSource,
  requestAnnotator: (onFailure: (error: unknown) => void) => void,
  /** Whether the extension was unloaded since this script started: its watch then stops. */
  cutOff: () => boolean,
): void {
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
      createPageScreen(source),
      () => {
        // In a task of its own: the first use of the extension API costs milliseconds, which the
        // task that screened the page (often the one that compiled this script) need not carry.
        yieldToPage()
          .then(() => {
            // Unloaded while the page was read: a copy cut off asks for nothing (and would only fail to), and reads no more.
            if (cutOff()) return endReading();
            requestAnnotator((error) => {
              // Most often the extension was reloaded or removed since this page loaded: stop watching.
              stop();
              report(error);
            });
          })
          .catch(report);
      },
      // A large page is screened a piece at a time, past this call.
      report,
      endReading,
      cutOff,
    );
  } catch (error) {
    report(error);
  }
}

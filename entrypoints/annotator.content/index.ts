import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAnnotator } from '../../page/annotator';
import { endReading } from '../../page/reading-mark';

// In a frame whose screen found a name of the story (entrypoints/story): imported by the screen in a top frame, else
// injected by the background (extension/request-annotator.ts).
export default defineContentScript({
  registration: 'runtime',
  // WXT would also tell the page's own window that the script started: its listeners would run for it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startAnnotator(ctx).catch((error: unknown) => {
      // The page was not read, and will not be: not "still reading" to the shortcut's notice.
      endReading();
      console.warn('[Backstory]', error);
    });
  },
});

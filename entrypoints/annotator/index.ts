import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { ScriptContext } from '../../extension/script-context';
import { startAnnotator } from '../../page/annotator';
import { endReading } from '../../page/reading-mark';

// In a frame whose screen found a name of the story (entrypoints/story): imported by the screen in a top frame, else
// injected by the background (extension/request-annotator.ts). Not a WXT content script: WXT's context tells the page
// that the script started, and stops it when the page says another did (extension/script-context.ts).
export default defineUnlistedScript(() => {
  startAnnotator(new ScriptContext()).catch((error: unknown) => {
    // The page was not read, and will not be: not "still reading" to the shortcut's notice.
    endReading();
    console.warn('[Backstory]', error);
  });
});

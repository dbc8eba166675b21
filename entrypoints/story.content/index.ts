import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAnnotator } from '../../page/annotator';

export default defineContentScript({
  matches: ['<all_urls>'],
  // Early, to add our highlight styles while the page is empty (a style sheet added to a
  // finished page restyles all of it); the scan itself waits for the HTML to be parsed.
  runAt: 'document_start',
  // Each frame paints and hit-tests its own document; about:blank and srcdoc frames included.
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    startAnnotator(ctx).catch((error: unknown) => console.warn('[Backstory]', error));
  },
});

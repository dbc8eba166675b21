import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAnnotator } from '../../page/annotator';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Each frame paints and hit-tests its own document; about:blank and srcdoc frames included.
  allFrames: true,
  matchAboutBlank: true,
  main(ctx) {
    startAnnotator(ctx).catch((error: unknown) => console.warn('[Backstory]', error));
  },
});

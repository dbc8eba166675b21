import { defineContentScript } from 'wxt/utils/define-content-script';
import { startAnnotator } from '../../page/annotator';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    startAnnotator(ctx).catch((error: unknown) => console.warn('[Backstory]', error));
  },
});

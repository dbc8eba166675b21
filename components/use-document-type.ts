import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * The MIME type of the document a tab shows, asked only when `ask` (nothing
 * was found there): a PDF is shown by the browser's own viewer, where no
 * content script runs, so "nobody is mentioned" would be a guess. Undefined
 * until known, or when the page cannot be asked (Firefox's PDF viewer).
 */
export function useDocumentType(tabId: number | undefined, url: string | undefined, ask: boolean): string | undefined {
  const [type, setType] = useState<{ url: string; type: string | undefined }>();
  useEffect(() => {
    if (tabId === undefined || url === undefined || !ask) return;
    let live = true;
    browser.scripting.executeScript({ target: { tabId }, func: () => document.contentType, injectImmediately: true }).then(
      ([frame]) => live && setType({ url, type: typeof frame?.result === 'string' ? frame.result : undefined }),
      () => live && setType({ url, type: undefined }),
    );
    return () => {
      live = false;
    };
  }, [tabId, url, ask]);
  // An answer about the page before is no answer about this one.
  return ask && type?.url === url ? type?.type : undefined;
}

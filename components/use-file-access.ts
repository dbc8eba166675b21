import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * Whether Backstory may read local files (`file://` pages): Chrome asks the
 * reader to allow it, per extension, on the Extensions page; Firefox (since
 * about 150) in about:addons, on the extension's Permissions tab. Older Firefox
 * reads files without asking, yet its `isAllowedFileSchemeAccess` says no: there
 * a "no" is told apart by whether the page was read (FoundSection.tsx).
 * Undefined until known, and for pages that are not files.
 */
export function useFileAccess(url: string | undefined): boolean | undefined {
  const isFile = url?.startsWith('file:') === true;
  const [allowed, setAllowed] = useState<boolean>();
  useEffect(() => {
    if (!isFile) return;
    let live = true;
    browser.extension.isAllowedFileSchemeAccess().then(
      (value) => live && setAllowed(value),
      // Not known: the list says what was found, as for any page.
      () => live && setAllowed(true),
    );
    return () => {
      live = false;
    };
  }, [isFile]);
  return isFile ? allowed : undefined;
}

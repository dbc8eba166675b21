import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * Whether Backstory may read local files (`file://` pages): Chrome asks the
 * reader to allow it, per extension, on the Extensions page. Firefox has no
 * such switch (and its `isAllowedFileSchemeAccess` always says no), so there
 * the answer is yes. Undefined until known, and for pages that are not files.
 */
export function useFileAccess(url: string | undefined): boolean | undefined {
  const isFile = url?.startsWith('file:') === true;
  const [allowed, setAllowed] = useState<boolean>();
  useEffect(() => {
    if (!isFile) return;
    if (import.meta.env.FIREFOX) {
      setAllowed(true);
      return;
    }
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

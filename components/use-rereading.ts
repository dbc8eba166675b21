import { useEffect, useRef, useState } from 'react';

/** How long a page switched back on is told as being read again, at most, when no name of it comes meanwhile. */
export const REREADING_MS = 2000;

/**
 * Whether the tab's page is being read again: Backstory was switched on for it
 * (on everywhere, or no longer off on its site) while the popup is open, and
 * none of its names has come since. Switched off, the page told the background
 * it names nothing; "None of this story's names are on this page" would be
 * told until it has read itself again and reported. For `REREADING_MS`, or for
 * as long as the page says it is being read (`pageReading`, its mark read by
 * the popup's look into it): a large page takes longer.
 */
export function useRereading(active: boolean | undefined, named: boolean, pageReading = false): boolean {
  const [rereading, setRereading] = useState(false);
  const [waited, setWaited] = useState(false);
  const was = useRef(active);
  useEffect(() => {
    const switchedOn = was.current === false && active === true;
    was.current = active;
    if (!switchedOn) {
      if (active !== true) setRereading(false);
      return;
    }
    setRereading(true);
    setWaited(false);
    const timer = setTimeout(() => setWaited(true), REREADING_MS);
    return () => clearTimeout(timer);
  }, [active]);
  return rereading && !named && (!waited || pageReading);
}

/** Long enough for the addresses of nearly every page whole; what follows is kept as a hash. */
const KEPT = 512;

/**
 * A page's address as the background stores it beside what the page found: without
 * its fragment (an in-page anchor changes the address but not what the page says),
 * and at most a few hundred characters. Single-page apps that keep their state in
 * the address push addresses of up to 2 MB, the most Chromium takes; stored whole
 * in every frame's report, four such tabs filled most of the 10 MB session storage
 * holds, and the reports of every tab after them failed. Beyond its first
 * characters an address is kept as its length and a hash: enough to tell the
 * pages of one tab apart, and the scheme and site stay readable. Applied to its
 * own result it returns it unchanged, so stored and fresh addresses compare alike.
 */
export function pageAddress(url: string): string {
  const hash = url.indexOf('#');
  const page = hash < 0 ? url : url.slice(0, hash);
  if (page.length <= KEPT) return page;
  // A space, which no address the browser reports holds, sets the rest apart; and no '#', which would be cut off.
  return `${page.slice(0, KEPT - 24)} ${page.length}:${fnv1a(page)}`;
}

/** FNV-1a over UTF-16 code units. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

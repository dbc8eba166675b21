/**
 * A page naming Vladimir Putin, then a web component whose shadow root (`mode`) holds a ticker frame showing
 * `tickerHtml`, then Kim Jong Un: a frame the page's `window.frames` leaves out. For Chromium and Firefox tests alike.
 */
export function pageWithTickerInShadowRoot(mode: ShadowRootMode, tickerHtml: string): string {
  return `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Vladimir Putin arrived.</p>
    <news-ticker></news-ticker>
    <p>Kim Jong Un waited.</p>
    <script>customElements.define('news-ticker', class extends HTMLElement {
      connectedCallback() {
        this.attachShadow({ mode: '${mode}' }).innerHTML =
          '<iframe title="Live ticker" srcdoc="${tickerHtml}" style="width:600px;height:80px"></iframe>';
      }
    });</script></body></html>`;
}

/** A live ticker's line naming Kim Jong Un, for a srcdoc attribute (its quotes escaped). */
export const SMALL_TICKER_LINE = '<p style=&quot;margin:4px 8px&quot;>Live: Kim Jong Un met the delegation, and nothing else happened.</p>';

/**
 * A page naming nothing itself, with a live ticker 420×90 px framed near its top (too small to hold a card), showing
 * SMALL_TICKER_LINE (or the page at `src`), its content box 3 px inside the frame's edge, above a screenful of filler.
 * For Chromium and Firefox tests alike.
 */
export function pageWithSmallTicker(src?: string): string {
  const filler = '<p>Nothing to see in this paragraph, only filler text for length.</p>'.repeat(60);
  return `<!doctype html><html lang="en"><body style="margin:0;font:16px/20px sans-serif"><p>Some plain text to rest on.</p>
  <iframe title="Live ticker" ${src ? `src="${src}"` : `srcdoc="${SMALL_TICKER_LINE}"`} style="width:420px;height:90px;border:1px solid;padding:2px"></iframe>
  ${filler}</body></html>`;
}

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

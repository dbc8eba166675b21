/**
 * A page without the story's names holding one web component, `<live-score>`,
 * defined by the page's own script: the first time it is connected it renders
 * `shadowHtml` into an open shadow root, as component libraries do.
 */
export function liveScorePage(shadowHtml: string): string {
  return (
    '<!doctype html><html lang="en"><body><main><p>A page about the weather.</p><live-score></live-score></main><script>' +
    'customElements.define("live-score", class extends HTMLElement { connectedCallback() {' +
    ` if (!this.shadowRoot) this.attachShadow({ mode: "open" }).innerHTML = ${JSON.stringify(shadowHtml)}; } });</script></body></html>`
  );
}

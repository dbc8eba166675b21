// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cardAbove } from './card-above';
import type { CardApi } from './card-bridge';
import { focusedIn } from './reader-place';

const ANCHOR = { x: 10, y: 20, width: 80, height: 18 };
const LOCAL: CardApi = { show: async () => {}, hide: () => {}, move: () => {}, renamed: () => {}, isEngaged: () => false, prefetch: () => {}, notice: () => {} };

/** A web component whose open shadow root holds a link, then a name's paragraph, laid out in view. */
function component() {
  const host = document.body.appendChild(document.createElement('news-box'));
  host.attachShadow({ mode: 'open' }).innerHTML = '<p>Read on: <a href="#more">the talks so far</a>.</p><p>Kim Jong Un waited.</p>';
  const link = host.shadowRoot!.querySelector('a')!;
  const place = host.shadowRoot!.querySelectorAll('p')[1]!;
  for (const element of [link, place]) vi.spyOn(element, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 10, 100, 20));
  return { link, place };
}

/** The frame's card shown over the page with the focus, from the link, and closed there by Escape: the focus comes back. */
async function closedWithFocus(place: HTMLElement) {
  const api = cardAbove(LOCAL, async (request) => ({ ok: true, shown: request.entityId !== undefined }), () => true);
  await api.show({ entityId: 'kim-jong-un', anchor: ANCHOR, focus: true, place });
  // The card over the page had the focus meanwhile: this document's is where the frame's own scripts left it.
  (focusedIn(document) as HTMLElement).blur();
  api.heard({ event: 'closed', ask: 1, focus: 'place' });
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('the card of a small frame, shown over the page with the focus in it, closed', () => {
  it('gives the focus back to the link the reader was on inside a web component, not to the component', async () => {
    const { link, place } = component();
    link.focus();
    await closedWithFocus(place);
    expect(focusedIn(document)).toBe(link);
  });

  it('gives it to the name’s place where that link takes no focus any more', async () => {
    const { link, place } = component();
    link.focus();
    // The page made the link's part inert meanwhile (a menu that opened over it).
    const close = closedWithFocus(place);
    link.parentElement!.setAttribute('inert', '');
    await close;
    expect(focusedIn(document)).toBe(place);
  });

  it('gives it by the name the page wrote anew while the card was open, where the old one is gone', async () => {
    const { place } = component();
    const api = cardAbove(LOCAL, async (request) => ({ ok: true, shown: request.entityId !== undefined }), () => true);
    await api.show({ entityId: 'kim-jong-un', anchor: ANCHOR, focus: true, place });
    const rendered = place.cloneNode(true) as HTMLElement;
    vi.spyOn(rendered, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 10, 100, 20));
    place.replaceWith(rendered);
    api.renamed({ place: rendered, nameEnd: rendered.firstChild! });
    api.heard({ event: 'closed', ask: 1, focus: 'place' });
    expect(focusedIn(document)).toBe(rendered);
  });
});

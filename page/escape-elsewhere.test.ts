// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { escapeFromElsewhere } from './escape-elsewhere';
import { CLOSE_GRACE_MS } from './hover-card';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.replaceChildren();
});

function watching() {
  vi.useFakeTimers();
  const sent: string[] = [];
  const watch = escapeFromElsewhere(
    (open) => sent.push(String(open)),
    (open) => sent.push(`now ${open}`),
  );
  return { sent, watch };
}

describe('Escape pressed in another document of the tab', () => {
  it('is watched for once a card has stayed open a moment with the keys elsewhere, asked once, and taken back as it closes', () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const { sent, watch } = watching();
    watch.shown(true);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(CLOSE_GRACE_MS);
    // Another name's card in its place: still open, nothing to ask again.
    watch.shown(true);
    vi.advanceTimersByTime(CLOSE_GRACE_MS);
    watch.shown(false);
    watch.shown(false);
    expect(sent).toEqual(['true', 'false']);
  });

  it('is not asked for a card the pointer only crossed, gone within the moment', () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const { sent, watch } = watching();
    watch.shown(true);
    watch.shown(false);
    vi.advanceTimersByTime(CLOSE_GRACE_MS * 2);
    expect(sent).toEqual([]);
  });

  it('is not watched for where the keys come to this document itself, but is where they go into a frame embedded in it', () => {
    const focus = vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const { sent, watch } = watching();
    watch.shown(true);
    vi.advanceTimersByTime(CLOSE_GRACE_MS);
    watch.shown(false);
    expect(sent).toEqual([]);

    const frame = document.body.appendChild(document.createElement('iframe'));
    vi.spyOn(document, 'activeElement', 'get').mockReturnValue(frame);
    watch.shown(true);
    vi.advanceTimersByTime(CLOSE_GRACE_MS);
    expect(sent).toEqual(['true']);
    focus.mockReturnValue(false);
    watch.shown(false);
    expect(sent).toEqual(['true', 'false']);
  });

  it('is taken back at once as the document goes, the card open', () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const { sent, watch } = watching();
    watch.shown(true);
    vi.advanceTimersByTime(CLOSE_GRACE_MS);
    watch.leave();
    watch.shown(false);
    expect(sent).toEqual(['true', 'now false']);
  });
});

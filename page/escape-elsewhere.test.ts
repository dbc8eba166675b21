// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { escapeFromElsewhere } from './escape-elsewhere';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('Escape pressed in another document of the tab', () => {
  it('is watched for while a card is open with the keys elsewhere, asked once, and taken back as the card closes', () => {
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    const sent: boolean[] = [];
    const watch = escapeFromElsewhere((open) => sent.push(open));
    watch(true);
    // Another name's card in its place: still open, nothing to ask again.
    watch(true);
    watch(false);
    watch(false);
    expect(sent).toEqual([true, false]);
  });

  it('is not watched for where the keys come to this document itself, but is where they go into a frame embedded in it', () => {
    const focus = vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    const sent: boolean[] = [];
    const watch = escapeFromElsewhere((open) => sent.push(open));
    watch(true);
    watch(false);
    expect(sent).toEqual([]);

    const frame = document.body.appendChild(document.createElement('iframe'));
    vi.spyOn(document, 'activeElement', 'get').mockReturnValue(frame);
    watch(true);
    expect(sent).toEqual([true]);
    focus.mockReturnValue(false);
    watch(false);
    expect(sent).toEqual([true, false]);
  });
});

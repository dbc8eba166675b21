// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { relayEscape } from './escape-relay';

type World = { backstoryEscapeRelays?: Map<number, () => void> };
const world = globalThis as World;

/** The extension's API in the frame's world, as the listener finds it (Firefox's `browser`, here). */
function extensionApi() {
  const sendMessage = vi.fn(async (_message: unknown) => ({ ok: true }));
  vi.stubGlobal('browser', { runtime: { sendMessage } });
  return sendMessage;
}

/** Escape as the reader presses it: the browser's own event, trusted. */
function pressEscape(type: 'keydown' | 'keyup' = 'keydown') {
  const event = new KeyboardEvent(type, { key: 'Escape' });
  Object.defineProperty(event, 'isTrusted', { value: true });
  window.dispatchEvent(event);
}

afterEach(() => {
  for (const stop of [...(world.backstoryEscapeRelays?.values() ?? [])]) stop();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

describe('the Escape listener put into each document of the tab', () => {
  it('tells the background once, for the frame it watches for, and listens no more', () => {
    const sendMessage = extensionApi();
    relayEscape(3, true);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    pressEscape('keydown');
    pressEscape('keyup');
    pressEscape('keydown');
    expect(sendMessage.mock.calls).toEqual([[{ type: 'card/escape', frameId: 3 }]]);
  });

  it('is one per frame watched for, put in again in place of the last, and taken back', () => {
    const sendMessage = extensionApi();
    relayEscape(3, true);
    relayEscape(3, true);
    relayEscape(5, true);
    relayEscape(5, false);
    pressEscape();
    expect(sendMessage.mock.calls).toEqual([[{ type: 'card/escape', frameId: 3 }]]);
  });

  it('keeps still in a document that shows a card of ours, which hears its Escape itself', () => {
    const sendMessage = extensionApi();
    const host = document.body.appendChild(document.createElement('div'));
    host.setAttribute('data-backstory-card', '');
    vi.spyOn(host, 'matches').mockImplementation((selector) => selector === ':popover-open');
    relayEscape(3, true);
    pressEscape();
    expect(sendMessage).not.toHaveBeenCalled();
    host.remove();
    pressEscape();
    expect(sendMessage).toHaveBeenCalledOnce();
  });
});

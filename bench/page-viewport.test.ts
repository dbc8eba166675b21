import { describe, expect, it } from 'vitest';
import { followViewport } from './page-viewport';

function setup() {
  const target = new EventTarget();
  const frames: (() => void)[] = [];
  let updates = 0;
  const stop = followViewport({ updateViewport: () => updates++ }, target, (callback) => frames.push(callback));
  const runFrame = () => frames.splice(0).forEach((callback) => callback());
  return { target, stop, runFrame, updates: () => updates, pending: () => frames.length };
}

describe('followViewport', () => {
  it('updates the viewport once a frame however many scrolls and resizes it brings', () => {
    const { target, runFrame, updates, pending } = setup();
    target.dispatchEvent(new Event('scroll'));
    target.dispatchEvent(new Event('scroll'));
    target.dispatchEvent(new Event('resize'));
    expect(pending()).toBe(1);
    expect(updates()).toBe(0);
    runFrame();
    expect(updates()).toBe(1);
    target.dispatchEvent(new Event('resize'));
    runFrame();
    expect(updates()).toBe(2);
  });

  it('listens as page/annotator.ts does: scrolls in the capture phase (a scrolled element’s event does not bubble), both passive', () => {
    const added: [string, AddEventListenerOptions][] = [];
    followViewport({ updateViewport: () => {} }, { addEventListener: (type, _, options) => added.push([type, options]), removeEventListener: () => {} }, () => 1);
    expect(added).toEqual([
      ['scroll', { passive: true, capture: true }],
      ['resize', { passive: true }],
    ]);
  });

  it('stops listening when told', () => {
    const { target, stop, runFrame, updates } = setup();
    stop();
    target.dispatchEvent(new Event('scroll'));
    target.dispatchEvent(new Event('resize'));
    runFrame();
    expect(updates()).toBe(0);
  });
});

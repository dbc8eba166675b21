import { describe, expect, it } from 'vitest';
import { CARD_UI_IDLE_TIMEOUT_MS, cardUiLoader } from './card-ui-loader';

/** A loader whose idle time comes only when the test says; what it asked. */
function loader(embedded = false) {
  const idle: { then: () => void; timeoutMs: number }[] = [];
  let asked = 0;
  const load = cardUiLoader({ isInvalid: () => false, idle: (then, timeoutMs) => idle.push({ then, timeoutMs }), ask: () => asked++ }, embedded);
  return { load, idle, asked: () => asked };
}

describe('when the card script is asked for', () => {
  it('in the top frame, in idle time once names are found, within 2 s, and once', () => {
    const { load, idle, asked } = loader();
    load.pointerMoved();
    expect(idle).toHaveLength(0);
    load.mentionsFound();
    expect(asked()).toBe(0);
    expect(idle.map((wait) => wait.timeoutMs)).toEqual([CARD_UI_IDLE_TIMEOUT_MS]);
    idle[0]!.then();
    load.mentionsFound();
    load.tapped();
    expect(asked()).toBe(1);
  });

  it('at once for a tap on a page whose names are found', () => {
    const { load, asked } = loader();
    load.mentionsFound();
    load.tapped();
    expect(asked()).toBe(1);
  });

  it('for a tap before the names were all found (a long page painted as it is read), as soon as they are: no idle time to wait for', () => {
    const { load, idle, asked } = loader();
    load.tapped();
    expect(asked()).toBe(0);
    load.mentionsFound();
    expect(asked()).toBe(1);
    expect(idle).toHaveLength(0);
  });

  it('in an embedded frame, only once the pointer came into it', () => {
    const { load, idle, asked } = loader(true);
    load.mentionsFound();
    expect(asked()).toBe(0);
    load.pointerMoved();
    expect(asked()).toBe(1);
    expect(idle).toHaveLength(0);
  });
});

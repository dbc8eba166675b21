import { afterEach, describe, expect, it } from 'vitest';
import { getPageBridge, registerPageBridge, whenPageBridge, type PageBridge } from './page-bridge';

const bridge = { counts: () => new Map(), pointer: () => undefined, subscribe: () => () => {} } as unknown as PageBridge;

let unregister: (() => void) | undefined;
afterEach(() => {
  unregister?.();
  unregister = undefined;
});

describe('the card script meeting the page script', () => {
  it('a card script that fails as the page script arrives is told so, and the page script starts on', () => {
    const failures: unknown[] = [];
    const used: PageBridge[] = [];
    whenPageBridge(() => {
      throw new Error('the card could not start');
    }, (error) => failures.push(error));
    whenPageBridge((page) => used.push(page), (error) => failures.push(error));
    expect(() => (unregister = registerPageBridge(bridge))).not.toThrow();
    expect(failures).toEqual([new Error('the card could not start')]);
    expect(used).toEqual([bridge]);
    expect(getPageBridge()).toBe(bridge);
  });

  it('a card script that comes after the page script meets it at once, and hears of its own failure', () => {
    unregister = registerPageBridge(bridge);
    const failures: unknown[] = [];
    whenPageBridge(() => {
      throw new Error('late');
    }, (error) => failures.push(error));
    expect(failures).toEqual([new Error('late')]);
  });
});

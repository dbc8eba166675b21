import { describe, expect, it } from 'vitest';
import { extensionUnloaded } from './extension-unloaded';

describe('extensionUnloaded', () => {
  it('is false while the API still has the extension’s id, in either namespace', () => {
    expect(extensionUnloaded({ chrome: { runtime: { id: 'abc' } } })).toBe(false);
    expect(extensionUnloaded({ browser: { runtime: { id: 'abc' } }, chrome: { runtime: {} } })).toBe(false);
  });

  it('is true once Chrome took the id away (the extension reloaded, updated, switched off or removed)', () => {
    expect(extensionUnloaded({ chrome: { runtime: {} } })).toBe(true);
    expect(extensionUnloaded({ chrome: {} })).toBe(true);
    expect(extensionUnloaded({})).toBe(true);
  });

  it('is true where reading the API throws, as an unloaded extension’s does in Firefox', () => {
    const dead = {
      get runtime(): never {
        throw new TypeError('can’t access dead object');
      },
    };
    expect(extensionUnloaded({ chrome: dead })).toBe(true);
  });
});

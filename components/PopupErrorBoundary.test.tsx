// @vitest-environment happy-dom
import { act, useEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { useLocaleMessages } from '../tooling/locale-messages';
import { PopupErrorBoundary } from './PopupErrorBoundary';

beforeAll(() => useLocaleMessages());

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.restoreAllMocks();
});

const broken = new TypeError("Cannot read properties of undefined (reading 'getAll')");
function Broken(): null {
  // As a browser API missing where the popup runs throws: after the first render, in an effect.
  useEffect(() => {
    throw broken;
  }, []);
  return null;
}

it('a popup that fails tells the reader what to do, in their language, not a blank popup, and logs why', () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  const container = document.createElement('div');
  root = createRoot(container);
  act(() =>
    root!.render(
      <PopupErrorBoundary>
        <Broken />
      </PopupErrorBoundary>,
    ),
  );
  expect(container.querySelector('[role="alert"]')?.textContent).toBe('Backstory’s popup ran into a problem. Close it and open it again.');
  // Marked as Backstory's, with where in the popup it threw.
  expect(logged).toHaveBeenCalledWith(expect.stringContaining('Backstory'), broken, expect.stringContaining('Broken'));
});

// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.restoreAllMocks();
});

const broken = new TypeError("Cannot read properties of undefined (reading 'facts')");
function Card({ fails, name }: { fails: boolean; name: string }) {
  if (fails) throw broken;
  return <p>{name}</p>;
}

it('shows its fallback where what it holds threw, says why with where, and tries again at the next reset key, not before', () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // React logs what a boundary caught too.
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const caught: [unknown, string][] = [];
  const container = document.createElement('div');
  root = createRoot(container);
  const show = (resetKey: number, fails: boolean, name: string) =>
    act(() =>
      root!.render(
        <ErrorBoundary resetKey={resetKey} fallback={<p>gone</p>} onError={(error, stack) => caught.push([error, stack])}>
          <Card fails={fails} name={name} />
        </ErrorBoundary>,
      ),
    );
  show(1, false, 'North Korea');
  expect(container.textContent).toBe('North Korea');
  show(2, true, 'Russia');
  expect(container.textContent).toBe('gone');
  expect(caught).toHaveLength(1);
  expect(caught[0]![0]).toBe(broken);
  expect(caught[0]![1]).toContain('Card');
  // The same key: still the fallback, though what it holds would render now.
  show(2, false, 'Russia');
  expect(container.textContent).toBe('gone');
  show(3, false, 'Japan');
  expect(container.textContent).toBe('Japan');
  expect(caught).toHaveLength(1);
});

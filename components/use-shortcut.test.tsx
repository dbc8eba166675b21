// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { NEXT_MENTION_COMMAND } from '../core/commands';
import { useShortcut } from './use-shortcut';

let root: Root | undefined;
const commands = fakeBrowser.commands;
beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  (fakeBrowser as { commands: unknown }).commands = commands;
});

async function shortcut(): Promise<string | undefined> {
  let keys: string | undefined;
  function Probe() {
    keys = useShortcut();
    return null;
  }
  root = createRoot(document.createElement('div'));
  await act(async () => root!.render(<Probe />));
  return keys;
}

describe('the popup’s shortcut to the next name', () => {
  it('is the keys the browser has for the command', async () => {
    (fakeBrowser as { commands: unknown }).commands = { getAll: async () => [{ name: NEXT_MENTION_COMMAND, shortcut: 'Alt+Shift+B' }] };
    expect(await shortcut()).toBe('Alt+Shift+B');
  });

  it('is none where the browser has no keyboard shortcuts at all (Firefox for Android), and the popup still shows', async () => {
    (fakeBrowser as { commands: unknown }).commands = undefined;
    expect(await shortcut()).toBe('');
  });
});

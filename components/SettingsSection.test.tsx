// @vitest-environment happy-dom
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../core/settings';
import { useLocaleMessages } from '../tooling/locale-messages';
import { SettingsSection } from './SettingsSection';

beforeAll(() => useLocaleMessages());

type Options = Partial<Parameters<typeof SettingsSection>[0]>;

function render(options: Options): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = renderToStaticMarkup(<SettingsSection settings={DEFAULT_SETTINGS} url="https://news.example/summit" onChange={() => {}} {...options} />);
  return root;
}

describe('the popup’s settings', () => {
  it('unreadable, are told as an error with Try again, and no switch pretends to a state', () => {
    const shown = render({ settings: undefined, readFailed: true, onRetry: () => {} });
    expect(shown.querySelector('[role="alert"]')?.textContent).toBe('Backstory could not read your settings from the browser’s storage.');
    expect(shown.querySelector('button.action')?.textContent).toBe('Try again');
    expect(shown.querySelector('[role="switch"], input')).toBeNull();
    expect(shown.textContent).not.toContain('Loading');
  });

  it('while being read, say so; once read, show the switches', () => {
    expect(render({ settings: undefined }).querySelector('[role="status"]')?.textContent).toBe('Loading…');
    const ready = render({});
    expect(ready.querySelector('[role="alert"]')).toBeNull();
    expect(ready.textContent).toContain('Off on this site');
  });
});

// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
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

  it('tell each failed save as a new alert: the same words left in place are not read out again', () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const container = document.createElement('div');
    const root = createRoot(container);
    const show = (saveFailed: number) =>
      act(() => root.render(<SettingsSection settings={DEFAULT_SETTINGS} url="https://news.example/summit" onChange={() => {}} saveFailed={saveFailed} />));
    show(1);
    const first = container.querySelector('[role="alert"]');
    expect(first?.textContent).toContain('could not be saved');
    show(2);
    const second = container.querySelector('[role="alert"]');
    expect(second?.textContent).toContain('could not be saved');
    expect(second).not.toBe(first);
    show(0);
    expect(container.querySelector('[role="alert"]')).toBeNull();
    act(() => root.unmount());
  });

  it('in a private window, do not offer “Off on this site”, which would leave a synced record of the site, and say why', () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const container = document.createElement('div');
    const root = createRoot(container);
    const changes: unknown[] = [];
    act(() =>
      root.render(<SettingsSection settings={DEFAULT_SETTINGS} url="https://news.example/summit" privateTab onChange={(change) => changes.push(change(DEFAULT_SETTINGS))} />),
    );
    const offHere = [...container.querySelectorAll<HTMLElement>('[role="switch"]')].find((button) => button.textContent === 'Off on this site')!;
    expect(offHere.getAttribute('aria-disabled')).toBe('true');
    expect(offHere.getAttribute('aria-describedby')!.split(' ').map((id) => container.querySelector(`[id="${id}"]`)?.textContent)).toEqual([
      'Not available in private windows: it would be kept in your synced settings',
    ]);
    act(() => offHere.click());
    expect(changes).toEqual([]);
    // The categories stay: they name no site.
    const people = [...container.querySelectorAll<HTMLElement>('[role="switch"]')].find((button) => button.textContent === 'People')!;
    act(() => people.click());
    expect(changes).toHaveLength(1);
    act(() => root.unmount());
    // In an ordinary window it is there.
    expect(render({}).querySelector('[role="switch"][aria-disabled="true"]')).toBeNull();
  });

  it('name an internationalised site under “Off on this site” as the address bar does', () => {
    const shown = render({ url: 'https://xn--mnchen-3ya.de/politik' });
    const offHere = [...shown.querySelectorAll('[role="switch"]')].find((button) => button.textContent === 'Off on this site')!;
    expect(offHere.getAttribute('aria-describedby')!.split(' ').map((id) => shown.querySelector(`[id="${id}"]`)?.textContent)).toEqual(['münchen.de']);
  });

  it('with Backstory off, say why the switches below cannot be used, with each of them and in sight', () => {
    const off = render({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    const why = 'Switch on “Backstory on pages” to change the settings below.';
    const waiting = [...off.querySelectorAll('[role="switch"][aria-disabled="true"]')];
    // The four categories and “Off on this site”.
    expect(waiting).toHaveLength(5);
    for (const button of waiting) {
      const described = button.getAttribute('aria-describedby')?.split(' ').map((id) => off.querySelector(`[id="${id}"]`)?.textContent);
      expect(described, button.textContent!).toContain(why);
    }
    // Its own hint stays with it.
    const offHere = waiting.find((button) => button.textContent === 'Off on this site')!;
    expect(offHere.getAttribute('aria-describedby')!.split(' ').map((id) => off.querySelector(`[id="${id}"]`)?.textContent)).toEqual(['news.example', why]);
    expect(off.textContent).toContain(why);
    // On, they can be used: nothing to say.
    expect(render({}).textContent).not.toContain(why);
    expect(render({}).querySelector('[role="switch"][aria-disabled="true"]')).toBeNull();
  });
});

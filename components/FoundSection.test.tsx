// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FoundEntity } from '../core/messages/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { useLocaleMessages } from '../tooling/locale-messages';
import { FoundSection } from './FoundSection';
import type { Loadable } from './loadable';
import { NO_ANSWER, type TabFound } from './use-tab-found';
import type { PageProbe } from './use-page-probe';
import { REREADING_MS } from './use-rereading';

beforeAll(() => useLocaleMessages());

const FILE = 'file:///home/reader/saved-article.html';
const NOTHING: Loadable<TabFound> = { status: 'ready', value: { url: FILE, found: [] } };

type Options = Partial<Parameters<typeof FoundSection>[0]>;

function render(options: Options): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = renderToStaticMarkup(
    <FoundSection url={FILE} found={NOTHING} settings={DEFAULT_SETTINGS} notice={undefined} onReveal={() => {}} {...options} />,
  );
  return root;
}

function text(fileAccess: boolean | undefined, documentType?: string): string {
  return render({ fileAccess, page: documentType === undefined ? undefined : { readable: true, type: documentType, screened: true } }).textContent ?? '';
}

const PAGE = 'https://news.example/summit';
const COUNTRIES: Loadable<TabFound> = {
  status: 'ready',
  value: {
    url: PAGE,
    found: [
      { id: 'north-korea', name: 'North Korea', category: 'country', count: 2, frameId: 0 },
      { id: 'russia', name: 'Russia', category: 'country', count: 1, frameId: 0 },
    ],
  },
};

describe('the popup’s list of what a page mentions', () => {
  it('on a local file Backstory may not read, says how to allow it, and never that nobody is mentioned', () => {
    const shown = text(false);
    expect(shown).toContain('Allow access to file URLs');
    expect(shown).not.toContain('None of this story’s names');
  });

  it('in Firefox, on a local file it may not read, says where Firefox allows it and offers to reload, not Chrome’s Extensions page', () => {
    const shown = render({ fileAccess: false, firefox: true, page: { readable: true, type: 'text/html', screened: false }, onReload: () => {} });
    expect(shown.textContent).toContain('Access local files on your computer');
    expect(shown.textContent).not.toContain('Allow access to file URLs');
    expect(shown.querySelector('button')?.textContent).toBe('Reload the page');
    // Older Firefox says no, yet reads the file: what was found is told as on any page.
    const read = render({ fileAccess: false, firefox: true, page: { readable: true, type: 'text/html', screened: true } });
    expect(read.textContent).toContain('None of this story’s names are on this page.');
  });

  it('on a local file it may read, says what was found there as on any page', () => {
    expect(text(true, 'text/html')).toContain('None of this story’s names are on this page.');
    expect(text(true, 'text/html')).not.toContain('Allow access');
  });

  it('on a PDF, which the browser’s viewer shows and no content script reads, says so, and never that nobody is mentioned', () => {
    const shown = text(true, 'application/pdf');
    expect(shown).toContain('not PDF documents');
    expect(shown).not.toContain('None of this story’s names');
    expect(text(true, 'text/html')).toContain('None of this story’s names are on this page.');
  });

  it('on a site the browser does not let Backstory read, offers to allow it, and never says nobody is mentioned', () => {
    const shown = render({ url: PAGE, found: { status: 'ready', value: { url: PAGE, found: [] } }, siteAccess: false, onAllowSite: () => {} });
    expect(shown.textContent).toContain('Backstory cannot read news.example');
    expect(shown.querySelector('button')?.textContent).toBe('Allow Backstory on this site');
    expect(shown.textContent).not.toContain('None of this story’s names');
  });

  it('on a page no extension script may enter (Firefox’s PDF viewer, a site Firefox keeps extensions off), says Backstory does not run there, not that nobody is mentioned', () => {
    const shown = render({ url: PAGE, found: { status: 'ready', value: { url: PAGE, found: [] } }, page: { readable: false } });
    expect(shown.textContent).toContain('Backstory does not run on this page');
    expect(shown.textContent).not.toContain('None of this story’s names');
    // A tab on its way to a page still shows the blank page before it, where no extension goes either.
    const loading = render({ url: PAGE, found: { status: 'ready', value: { url: PAGE, found: [], loading: true } }, page: { readable: false } });
    expect(loading.textContent).toContain('Reading this page as it loads');
  });

  it('on a web page the browser keeps extensions out of (an enterprise policy, Firefox’s own list), says so, not that browsers keep their own pages off limits', () => {
    const shown = render({ url: PAGE, found: { status: 'ready', value: { url: PAGE, found: [] } }, page: { readable: false } });
    expect(shown.textContent).toContain('Your browser keeps extensions out of it.');
    expect(shown.textContent).not.toContain('their own pages and extension stores');
    // The browser's own pages still are.
    expect(render({ url: 'chrome://settings/', found: { status: 'ready', value: { url: 'chrome://settings/', found: [] } } }).textContent).toContain(
      'Browsers keep their own pages and extension stores off limits.',
    );
  });

  it('with no tab to tell of, or the tab not found out, says that, not that Backstory does not run on the page', () => {
    const none = render({ url: undefined, noTab: 'none', found: { status: 'loading' } });
    expect(none.textContent).toContain('There is no open page here for Backstory to read.');
    expect(none.textContent).not.toContain('does not run on this page');
    expect(none.textContent).not.toContain('Loading…');
    const failed = render({ url: undefined, noTab: 'failed', found: { status: 'loading' }, onFindTab: () => {} });
    expect(failed.querySelector('[role="alert"]')?.textContent).toBe('Backstory could not tell which tab this popup is about.');
    expect(failed.querySelector('button')?.textContent).toBe('Try again');
    expect(failed.textContent).not.toContain('does not run on this page');
  });

  it('when the background gave no answer for a while, says so with Try again, not that Backstory may be restarting', () => {
    const shown = render({ url: PAGE, found: { status: 'error', error: NO_ANSWER }, onRetry: () => {} });
    expect(shown.querySelector('[role="alert"]')?.textContent).toBe(
      'Backstory could not tell what this page mentions just now. The page may be busy, or waiting for you to close a dialog.',
    );
    expect(shown.querySelector('button')?.textContent).toBe('Try again');
    expect(render({ url: PAGE, found: { status: 'error', error: 'Receiving end does not exist' } }).textContent).toContain('It may be restarting after an update.');
  });

  it('on a page that did not answer the look into it, says it could not look, with Try again, and never that nobody is mentioned', () => {
    const shown = render({ url: PAGE, found: { status: 'ready', value: { url: PAGE, found: [] } }, page: { readable: false, unanswered: true }, onLookAgain: () => {} });
    expect(shown.querySelector('[role="alert"]')?.textContent).toContain('Backstory could not look into this page just now.');
    expect(shown.querySelector('button')?.textContent).toBe('Try again');
    expect(shown.textContent).not.toContain('None of this story’s names');
    expect(shown.textContent).not.toContain('does not run on this page');
    // What the background knows is told all the same: the names it found.
    expect(render({ url: PAGE, found: COUNTRIES, page: { readable: false, unanswered: true } }).textContent).toContain('2 names from this story');
  });

  it('on an RSS feed or an SVG file, left unread by design, says Backstory reads web pages, never that nobody is mentioned', () => {
    const shown = render({ url: PAGE, found: { status: 'ready', value: { url: PAGE, found: [] } }, page: { readable: true, type: 'text/xml', html: false, screened: true } });
    expect(shown.textContent).toContain('Backstory reads web pages, not feeds or images.');
    expect(shown.textContent).not.toContain('None of this story’s names');
    // XHTML is read as a page.
    const xhtml = render({ url: PAGE, found: { status: 'ready', value: { url: PAGE, found: [] } }, page: { readable: true, type: 'application/xhtml+xml', html: true, screened: true } });
    expect(xhtml.textContent).toContain('None of this story’s names are on this page.');
  });

  it('on a loaded page open since before Backstory could read it, offers to reload it, not that nobody is mentioned', () => {
    const notRead = render({ url: PAGE, found: { status: 'ready', value: { url: PAGE, found: [] } }, page: { readable: true, type: 'text/html', screened: false }, onReload: () => {} });
    expect(notRead.textContent).toContain('Backstory has not read this page yet');
    expect(notRead.querySelector('button')?.textContent).toBe('Reload the page');
    expect(notRead.textContent).not.toContain('None of this story’s names');
    const read = render({ url: PAGE, found: { status: 'ready', value: { url: PAGE, found: [] } }, page: { readable: true, type: 'text/html', screened: true } });
    expect(read.textContent).toContain('None of this story’s names are on this page.');
  });

  it('on a site read only because the reader clicked Backstory’s button, lists what it names and still offers to allow the site', () => {
    const shown = render({ url: PAGE, found: COUNTRIES, siteAccess: false, onAllowSite: () => {} });
    expect(shown.textContent).toContain('2 names from this story');
    expect(shown.textContent).toContain('Backstory reads news.example only when you click its button.');
    expect(shown.textContent).not.toContain('cannot read');
    expect([...shown.querySelectorAll('button')].map((button) => button.textContent)).toContain('Allow Backstory on this site');
  });

  it('names an internationalised site as the address bar does, not in its ASCII form', () => {
    const url = 'https://xn--mnchen-3ya.de/politik';
    const found: Loadable<TabFound> = { status: 'ready', value: { url, found: [] } };
    expect(render({ url, found, settings: { ...DEFAULT_SETTINGS, offSites: ['xn--mnchen-3ya.de'] } }).textContent).toContain('Backstory is off on münchen.de');
    expect(render({ url, found, siteAccess: false }).textContent).toContain('Backstory cannot read münchen.de');
  });

  it('with a category switched off, says how many of the names are highlighted, as the badge counts them', () => {
    const found: Loadable<TabFound> = {
      status: 'ready',
      value: { url: PAGE, found: [...(COUNTRIES.status === 'ready' ? COUNTRIES.value.found : []), { id: 'john-kirby', name: 'John Kirby', category: 'person', count: 1, frameId: 0 }] },
    };
    const noPeople = { ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories, person: false } };
    expect(render({ url: PAGE, found, settings: noPeople }).querySelector('.found-summary')?.textContent).toBe('3 names from this story, 2 highlighted');
    const none = { ...noPeople, categories: { ...noPeople.categories, country: false } };
    expect(render({ url: PAGE, found, settings: none }).querySelector('.found-summary')?.textContent).toBe('3 names from this story, none highlighted');
    expect(render({ url: PAGE, found }).querySelector('.found-summary')?.textContent).toBe('3 names from this story');
  });

  it('on a page still loading with nothing found yet, says it is reading it, not that nobody is mentioned', () => {
    const loading = render({ url: PAGE, found: { status: 'ready', value: { url: PAGE, found: [], loading: true } } });
    expect(loading.textContent).toContain('Reading this page as it loads');
    expect(loading.textContent).not.toContain('None of this story’s names');
    const screened = { readable: true, type: 'text/html', screened: true } as const;
    expect(render({ url: PAGE, found: { status: 'ready', value: { url: PAGE, found: [], loading: false } }, page: screened }).textContent).toContain('None of this story’s names');
  });

  it('says nothing of the page until the look into it answers: "nobody" shown first turned into "not read yet" a moment later', () => {
    const pending = render({ url: PAGE, found: { status: 'ready', value: { url: PAGE, found: [], loading: false } } });
    expect(pending.textContent).toContain('Loading…');
    expect(pending.textContent).not.toContain('None of this story’s names');
  });

  it('invites the reader to choose a name only while some listed name can be chosen', () => {
    const hint = 'Choose a name to scroll';
    expect(render({ url: PAGE, found: COUNTRIES }).textContent).toContain(hint);
    const hidden = render({ url: PAGE, found: COUNTRIES, settings: { ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories, country: false } } });
    expect(hidden.textContent).not.toContain(hint);
    expect(hidden.textContent).toContain('North Korea');
    expect(hidden.querySelector('button')).toBeNull();
  });

  it('tells the shortcut to the next name on the page with the hint, in the keys the browser has for it, and nothing of one the reader removed', () => {
    expect(render({ url: PAGE, found: COUNTRIES, shortcut: 'Ctrl+Shift+Y' }).querySelector('.hint')!.textContent).toBe(
      'Choose a name to scroll to its next mention and open its card. The arrow keys move between names. On the page, Ctrl+Shift+Y goes to the next name and opens its card.',
    );
    expect(render({ url: PAGE, found: COUNTRIES, shortcut: '' }).querySelector('.hint')!.textContent).not.toContain('On the page');
  });

  it('reads a name of a hidden category with its count after a pause, not run into it', () => {
    const hidden = render({ url: PAGE, found: COUNTRIES, settings: { ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories, country: false } } });
    const name = hidden.querySelector('span.entity')!;
    expect([...name.querySelectorAll(':not([aria-hidden="true"])')].map((part) => part.textContent).join('')).toBe('North Korea, 2 mentions');
  });

  it('tells why a name could not be shown above the names, where the reader is, and offers to read the page again where it must be', () => {
    const failed = render({ url: PAGE, found: COUNTRIES, notice: { text: 'Russia could not be shown.', failed: true }, onReload: () => {} });
    const notice = failed.querySelector('.notice')!;
    expect(notice.textContent).toBe('Russia could not be shown.');
    expect(notice.compareDocumentPosition(failed.querySelector('[data-entity-id]')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(notice.classList.contains('notice-failed')).toBe(true);
    expect(failed.querySelector('button.action')?.textContent).toBe('Reload the page');
    const notShown = render({ url: PAGE, found: COUNTRIES, notice: { text: 'Russia is not shown on the page right now.', failed: false }, onReload: () => {} });
    expect(notShown.querySelector('.notice')!.classList.contains('notice-failed')).toBe(false);
    expect(notShown.querySelector('button.action')).toBeNull();
  });

  it('when the background cannot be asked, says so in plain words and offers to try again', () => {
    const shown = render({ url: PAGE, found: { status: 'error', error: 'Could not establish connection. Receiving end does not exist.' }, onRetry: () => {} });
    expect(shown.querySelector('[role="alert"]')?.textContent).toContain('could not tell what this page mentions just now');
    expect(shown.textContent).not.toContain('Receiving end');
    expect(shown.querySelector('button')?.textContent).toBe('Try again');
  });
});

describe('the popup’s names from the keyboard', () => {
  const found = (...names: [string, FoundEntity['category']][]): Loadable<TabFound> => ({
    status: 'ready',
    value: { url: PAGE, found: names.map(([name, category]) => ({ id: name.toLowerCase().replace(/ /g, '-'), name, category, count: 1, frameId: 0 })) },
  });
  const NAMES = found(['Vladimir Putin', 'person'], ['Kim Jong Un', 'person'], ['North Korea', 'country'], ['Russia', 'country'], ['United Nations', 'organization'], ['Pyongyang', 'place'], ['Moscow', 'place']);

  let root: Root | undefined;
  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    document.body.replaceChildren();
  });

  function mount(options: Options = {}) {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const container = document.body.appendChild(document.createElement('div'));
    const before = document.body.insertBefore(document.createElement('button'), container);
    root = createRoot(container);
    act(() => root!.render(<FoundSection url={PAGE} found={NAMES} settings={DEFAULT_SETTINGS} notice={undefined} onReveal={() => {}} {...options} />));
    const names = () => [...container.querySelectorAll<HTMLButtonElement>('button[data-entity-id]')];
    const inTabOrder = () => names().filter((name) => name.tabIndex >= 0).map((name) => name.getAttribute('data-entity-id'));
    const focused = () => (document.activeElement as HTMLElement | null)?.getAttribute('data-entity-id');
    const press = (key: string, more: KeyboardEventInit = {}) =>
      act(() => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...more })));
    const focus = (name: HTMLElement) => act(() => name.focus());
    return { container, before, names, inTabOrder, focused, press, focus };
  }

  it('are described by the hint as one toolbar, not each name, so a screen reader says it once and not at every arrow move', () => {
    const { container, names } = mount();
    const toolbar = container.querySelector('[role="toolbar"]')!;
    expect(container.querySelector(`[id="${toolbar.getAttribute('aria-describedby')}"]`)?.textContent).toContain('The arrow keys move between names.');
    expect(names().filter((name) => name.hasAttribute('aria-describedby'))).toEqual([]);
  });

  it('are one stop for Tab, the first name until the reader moves', () => {
    const { inTabOrder } = mount();
    expect(inTabOrder()).toEqual(['vladimir-putin']);
  });

  it('Right and Left move on and back across the groups, Home and End to the first and the last, and the Tab stop follows', () => {
    const { names, focused, press, focus, inTabOrder } = mount();
    focus(names()[0]!);
    press('ArrowRight');
    expect(focused()).toBe('kim-jong-un');
    press('ArrowRight');
    expect(focused()).toBe('north-korea');
    press('ArrowLeft');
    expect(focused()).toBe('kim-jong-un');
    press('End');
    expect(focused()).toBe('moscow');
    expect(inTabOrder()).toEqual(['moscow']);
    press('Home');
    expect(focused()).toBe('vladimir-putin');
  });

  it('keep the name last focused as the Tab stop once focus leaves them, so Tab back in returns there', () => {
    const { names, before, press, focus, inTabOrder } = mount();
    focus(names()[3]!);
    press('ArrowRight');
    focus(before);
    expect(document.activeElement).toBe(before);
    expect(inTabOrder()).toEqual(['united-nations']);
  });

  it('keep the focus among them when the name that had it leaves the list, not on the popup’s <body>, where the next Tab starts over', async () => {
    const { names, focused, focus, inTabOrder } = mount();
    const without = (...gone: string[]): Loadable<TabFound> =>
      NAMES.status === 'ready' ? { ...NAMES, value: { ...NAMES.value, found: NAMES.value.found.filter((entity) => !gone.includes(entity.id)) } } : NAMES;
    const reported = (found: Loadable<TabFound>) =>
      act(() => root!.render(<FoundSection url={PAGE} found={found} settings={DEFAULT_SETTINGS} notice={undefined} onReveal={() => {}} />));
    focus(names()[2]!);
    reported(without('north-korea'));
    expect(focused()).toBe('vladimir-putin');
    expect(inTabOrder()).toEqual(['vladimir-putin']);

    // Focus the reader moved off the names themselves (a click beside them) is theirs: a name leaving does not take it back.
    focus(names()[1]!);
    // A task of its own, as the click was: the page's report comes in another.
    await act(async () => (document.activeElement as HTMLElement).blur());
    reported(without('north-korea', 'kim-jong-un'));
    expect(document.activeElement).toBe(document.body);
  });

  it('give the focus to “On this page” when every name goes at once, read out with what replaced them, not to the popup’s <body>', () => {
    const { names, focus, container } = mount();
    const heading = () => container.querySelector('h2');
    focus(names()[2]!);
    // The page's report drops them all: the list gives way to "nobody is mentioned".
    act(() => root!.render(<FoundSection url={PAGE} found={found()} settings={DEFAULT_SETTINGS} notice={undefined} onReveal={() => {}} />));
    expect(names()).toEqual([]);
    expect(document.activeElement).toBe(heading());

    // Every listed category hidden from the Settings part: the names stay listed, none of them a button.
    act(() => root!.render(<FoundSection url={PAGE} found={NAMES} settings={DEFAULT_SETTINGS} notice={undefined} onReveal={() => {}} />));
    focus(names()[0]!);
    const hidden = { ...DEFAULT_SETTINGS, categories: Object.fromEntries(Object.keys(DEFAULT_SETTINGS.categories).map((category) => [category, false])) } as Settings;
    act(() => root!.render(<FoundSection url={PAGE} found={NAMES} settings={hidden} notice={undefined} onReveal={() => {}} />));
    expect(names()).toEqual([]);
    expect(document.activeElement).toBe(heading());
  });

  it('a name with modifier keys held is the browser’s: Alt+Left goes back a page, not to the name before', () => {
    const { names, focused, press, focus } = mount();
    focus(names()[1]!);
    press('ArrowLeft', { altKey: true });
    press('Home', { ctrlKey: true });
    expect(focused()).toBe('kim-jong-un');
  });

  it('skips the names of a category switched off, which are listed but not chosen', () => {
    const { names, focused, press, focus, inTabOrder } = mount({ settings: { ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories, person: false } } });
    expect(inTabOrder()).toEqual(['north-korea']);
    focus(names()[0]!);
    press('Home');
    expect(focused()).toBe('north-korea');
    press('ArrowLeft');
    expect(focused()).toBe('north-korea');
  });

  it('tell a page switched back on as being read again, not as naming nothing, until its names come or a while has passed', () => {
    vi.useFakeTimers();
    try {
      const off = { ...DEFAULT_SETTINGS, offSites: ['news.example'] };
      const read: PageProbe = { readable: true, type: 'text/html', screened: true };
      const empty: Loadable<TabFound> = { status: 'ready', value: { url: PAGE, found: [] } };
      const { container } = mount({ settings: off, found: empty, page: read });
      const shown = (settings: Settings, found: Loadable<TabFound>) =>
        act(() => root!.render(<FoundSection url={PAGE} found={found} settings={settings} notice={undefined} onReveal={() => {}} page={read} />));
      expect(container.textContent).toContain('Backstory is off on news.example');

      shown(DEFAULT_SETTINGS, empty);
      expect(container.textContent).toContain('Reading this page again…');
      expect(container.textContent).not.toContain('None of this story’s names');
      shown(DEFAULT_SETTINGS, NAMES);
      expect(container.querySelectorAll('[data-entity-id]')).toHaveLength(7);

      // A page that names nothing: told so once it had the time to read itself again.
      shown(off, empty);
      shown(DEFAULT_SETTINGS, empty);
      expect(container.textContent).toContain('Reading this page again…');
      act(() => void vi.advanceTimersByTime(REREADING_MS));
      expect(container.textContent).toContain('None of this story’s names are on this page.');

      // A page that says it is still reading itself (a large one) is told so past that while, until it is done.
      const reading: PageProbe = { ...read, reading: true };
      const looked = (settings: Settings, page: PageProbe) =>
        act(() => root!.render(<FoundSection url={PAGE} found={empty} settings={settings} notice={undefined} onReveal={() => {}} page={page} />));
      looked(off, reading);
      looked(DEFAULT_SETTINGS, reading);
      act(() => void vi.advanceTimersByTime(REREADING_MS * 3));
      expect(container.textContent).toContain('Reading this page again…');
      looked(DEFAULT_SETTINGS, read);
      expect(container.textContent).toContain('None of this story’s names are on this page.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('tell a page whose first reading is still under way (a large one, read a piece at a time) as being read, not as naming nothing', () => {
    const empty: Loadable<TabFound> = { status: 'ready', value: { url: PAGE, found: [] } };
    const reading = render({ url: PAGE, found: empty, page: { readable: true, type: 'text/html', screened: true, reading: true } }).textContent;
    expect(reading).toContain('Reading this page');
    expect(reading).not.toContain('None of this story’s names');
    expect(render({ url: PAGE, found: empty, page: { readable: true, type: 'text/html', screened: true, reading: false } }).textContent).toContain(
      'None of this story’s names are on this page.',
    );
  });

  it('keep each name’s group: its heading names the group it is in', () => {
    const { container } = mount();
    const toolbar = container.querySelector('[role="toolbar"]');
    expect(toolbar?.getAttribute('aria-label')).toBe('Names on this page');
    const groups = [...toolbar!.querySelectorAll('[role="group"]')].map((group) => [
      document.getElementById(group.getAttribute('aria-labelledby')!)?.textContent,
      [...group.querySelectorAll('button')].map((name) => name.getAttribute('aria-label')),
    ]);
    expect(groups).toEqual([
      ['People', ['Vladimir Putin, 1 mention', 'Kim Jong Un, 1 mention']],
      ['Countries', ['North Korea, 1 mention', 'Russia, 1 mention']],
      ['Organizations', ['United Nations, 1 mention']],
      ['Places', ['Pyongyang, 1 mention', 'Moscow, 1 mention']],
    ]);
  });

  it('say what became of the page in one live line, changed in place: loading, being read, the names found, nobody, switched off', () => {
    const { container } = mount({ found: { status: 'loading' } });
    // The line of "On this page" (the notice above it is the other).
    const line = () => container.querySelector('.notice ~ [role="status"]');
    const first = line();
    expect(first?.textContent).toBe('Loading…');
    const show = (options: Options) =>
      act(() => root!.render(<FoundSection url={PAGE} found={NAMES} settings={DEFAULT_SETTINGS} notice={undefined} onReveal={() => {}} {...options} />));
    const empty: Loadable<TabFound> = { status: 'ready', value: { url: PAGE, found: [], loading: true } };
    show({ found: empty, page: { readable: true, type: 'text/html', screened: true } });
    expect(line()?.textContent).toBe('Reading this page as it loads…');
    show({ page: { readable: true, type: 'text/html', screened: true } });
    expect(line()?.textContent).toBe('7 names from this story');
    show({ found: { status: 'ready', value: { url: PAGE, found: [] } }, page: { readable: true, type: 'text/html', screened: true } });
    expect(line()?.textContent).toBe('None of this story’s names are on this page.');
    show({ settings: { ...DEFAULT_SETTINGS, enabled: false } });
    expect(line()?.textContent).toContain('Backstory is switched off');
    // A screen reader reads the words a live region is given, not always those it was put on the page with.
    expect(line()).toBe(first);
  });

  it('with the settings unreadable, says the names wait for them, not “Loading…” for good', () => {
    const shown = render({ url: PAGE, found: COUNTRIES, settings: undefined, settingsFailed: true }).textContent ?? '';
    expect(shown).toContain('listed once your settings are read');
    expect(shown).not.toContain('Loading');
    // Still loading the settings, not failed: loading.
    expect(render({ url: PAGE, found: COUNTRIES, settings: undefined }).textContent).toContain('Loading…');
  });
});

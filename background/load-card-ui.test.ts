import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS } from '../core/settings';
import { importScript } from '../extension/import-script';
import { updateSettings } from '../extension/settings-store';
import { activeFor, loadAnnotator, loadCardUi } from './load-card-ui';

const sender = { tab: { id: 5 } as never, frameId: 0, url: 'https://news.example/story' };

describe('the annotator, asked for by a frame whose screen found a name', () => {
  let executeScript: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    // The probe finds no annotator in the frame yet; the import works.
    executeScript = vi.fn(async (options: { func?: unknown }) => [{ frameId: 0, documentId: 'd', result: options.func === importScript }]);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
  });

  const injectedFiles = () =>
    executeScript.mock.calls.flatMap(([options]) => {
      const { files, func, args } = options as { files?: string[]; func?: unknown; args?: string[] };
      return files ?? (func === importScript ? [args![0]] : []);
    });

  it('is injected into that frame', async () => {
    expect(await loadAnnotator(sender)).toBe(true);
    expect(injectedFiles()).toEqual(['/content-scripts/annotator.js']);
    expect(executeScript.mock.calls.at(-1)![0]).toMatchObject({ target: { tabId: 5, frameIds: [0] } });
  });

  it('is injected into the document that asked, where the browser names it: not into the next page of a frame that moved on meanwhile', async () => {
    expect(await loadAnnotator({ ...sender, frameId: 3, documentId: 'DOC-1' })).toBe(true);
    for (const [options] of executeScript.mock.calls) expect((options as { target: unknown }).target).toEqual({ tabId: 5, documentIds: ['DOC-1'] });
    await loadCardUi({ ...sender, frameId: 3, documentId: 'DOC-1' });
    expect(executeScript.mock.calls.at(-1)![0]).toMatchObject({ target: { tabId: 5, documentIds: ['DOC-1'] } });
  });

  it('is not injected while Backstory is switched off', async () => {
    await updateSettings((settings) => ({ ...settings, enabled: false }));
    expect(await loadAnnotator(sender)).toBe(false);
    expect(executeScript).not.toHaveBeenCalled();
  });

  it('is not injected on a site switched off, and is on another', async () => {
    await updateSettings(() => ({ ...DEFAULT_SETTINGS, offSites: ['news.example'] }));
    expect(await loadAnnotator(sender)).toBe(false);
    expect(await loadAnnotator({ ...sender, url: 'https://other.example/story' })).toBe(true);
    expect(injectedFiles()).toEqual(['/content-scripts/annotator.js']);
  });

  it('is not injected into any frame of a tab on a site switched off: a srcdoc frame, an embedded one from another host', async () => {
    await updateSettings(() => ({ ...DEFAULT_SETTINGS, offSites: ['news.example'] }));
    const tab = { id: 5, url: 'https://news.example/story' } as never;
    expect(await loadAnnotator({ tab, frameId: 3, url: 'about:srcdoc' })).toBe(false);
    expect(await loadAnnotator({ tab, frameId: 4, url: 'https://embed.example/ticker' })).toBe(false);
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('whether Backstory runs in a frame', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sends the frame, of all the sites switched off, only whether its own is', async () => {
    const others = Array.from({ length: 300 }, (_, i) => `site-${i}.example`);
    await updateSettings(() => ({ ...DEFAULT_SETTINGS, offSites: [...others, 'news.example'] }));
    expect(await activeFor(sender)).toEqual({ active: false, site: 'news.example', settings: { ...DEFAULT_SETTINGS, offSites: ['news.example'] } });
    expect((await activeFor({ ...sender, url: 'https://more.example/' })).settings.offSites).toEqual([]);
  });
});

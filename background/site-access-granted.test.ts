import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { STORY_SCRIPT } from '../extension/story-keys';
import { matchPattern, readGrantedTabs } from './site-access-granted';

/** The open tabs, each with whether the script on every page runs in it; the tabs the script was put into. */
function openTabs(tabs: Record<number, { url: string; running: boolean }>) {
  const read: number[] = [];
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => Object.entries(tabs).map(([id, { url }]) => ({ id: Number(id), url }))) as never);
  (fakeBrowser as unknown as { scripting: unknown }).scripting = {
    executeScript: vi.fn(async ({ target, files }: { target: { tabId: number }; files?: string[] }) => {
      if (files?.includes(`/${STORY_SCRIPT}`)) read.push(target.tabId);
      return [{ frameId: 0, documentId: 'd', result: files ? undefined : tabs[target.tabId]!.running }];
    }),
    insertCSS: vi.fn(async () => {}),
  };
  const reload = vi.spyOn(fakeBrowser.tabs, 'reload');
  return { read, reload };
}

describe('the open tabs of a site the reader just allowed Backstory on', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('are read in place where the script does not run yet, the tabs of other sites and those it runs in left alone, none reloaded', async () => {
    const { read, reload } = openTabs({
      1: { url: 'https://news.example/summit', running: false },
      2: { url: 'https://news.example/other', running: true },
      3: { url: 'https://elsewhere.example/summit', running: false },
      4: { url: 'https://news.example:8443/live?page=2', running: false },
    });
    await readGrantedTabs({ origins: ['https://news.example/*'] });
    expect(read.sort()).toEqual([1, 4]);
    // The popup reloads its own tab where it heard the answer: a second reload here would load it twice.
    expect(reload).not.toHaveBeenCalled();
  });

  it('are found by the patterns the browser grants: a site’s subdomains, every site', async () => {
    const { read } = openTabs({
      1: { url: 'https://www.news.example/a', running: false },
      2: { url: 'http://news.example/b', running: false },
      3: { url: 'https://news.example.evil/c', running: false },
    });
    await readGrantedTabs({ origins: ['*://*.news.example/*'] });
    expect(read.sort()).toEqual([1, 2]);
    expect(matchPattern('<all_urls>')!.test('https://anywhere.example/')).toBe(true);
    expect(matchPattern('https://news.example/*')!.test('https://news.example.evil/')).toBe(false);
  });

  it('is nothing to do for a grant of no site (an API permission)', async () => {
    const { read } = openTabs({ 1: { url: 'https://news.example/summit', running: false } });
    await readGrantedTabs({ permissions: ['scripting'] });
    expect(read).toEqual([]);
  });
});

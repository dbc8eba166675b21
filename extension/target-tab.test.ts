import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { findTargetTab } from './target-tab';

describe('the tab the popup is about', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('is the tab named by ?tab=, as a page', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://news.example/a' });
    expect(await findTargetTab(`?tab=${tab.id}`)).toEqual({ id: tab.id, url: 'https://news.example/a', openedAsPage: true, incognito: false });
  });

  it('is none for a malformed or unknown ?tab=', async () => {
    expect(await findTargetTab('?tab=abc')).toBeUndefined();
    expect(await findTargetTab('?tab=-1')).toBeUndefined();
    expect(await findTargetTab('?tab=999')).toBeUndefined();
  });

  it('is the active tab of the popup\'s window otherwise', async () => {
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockResolvedValue([{ id: 4, url: 'https://news.example/b', incognito: false } as Browser.tabs.Tab]);
    expect(await findTargetTab('')).toEqual({ id: 4, url: 'https://news.example/b', openedAsPage: false, incognito: false });
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });
});

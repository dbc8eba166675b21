import { describe, expect, it } from 'vitest';
import { canAnnotate, isSameView, siteOf } from './site';

describe('pages Backstory runs on', () => {
  it.each([
    ['https://www.example.com/news/1', true],
    ['http://127.0.0.1:8080/demo', true],
    ['file:///home/me/saved.html', true],
    ['chrome://extensions/', false],
    ['chrome-extension://abc/popup.html', false],
    ['about:blank', false],
    ['view-source:https://example.com/', false],
    ['https://chromewebstore.google.com/detail/x', false],
    ['https://addons.mozilla.org/en-US/firefox/', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(canAnnotate(url)).toBe(expected);
  });

  it('gives web pages their hostname as the site, and nothing else a site', () => {
    expect(siteOf('https://news.example.com:8443/a?b#c')).toBe('news.example.com');
    expect(siteOf('http://127.0.0.1:3000/demo')).toBe('127.0.0.1');
    expect(siteOf('file:///tmp/a.html')).toBeUndefined();
    expect(siteOf('chrome://newtab/')).toBeUndefined();
    expect(siteOf('')).toBeUndefined();
  });
});

describe('isSameView', () => {
  const same = (a: string, b: string) => isSameView(new URL(a), new URL(b));
  it('is the same view when only the fragment moved', () => {
    expect(same('https://news.example/a/story', 'https://news.example/a/story#notes')).toBe(true);
    expect(same('https://news.example/a/story#one', 'https://news.example/a/story#two')).toBe(true);
  });
  it('is a new view when the path, the query or the origin changed', () => {
    expect(same('https://news.example/a/story', 'https://news.example/a/other')).toBe(false);
    expect(same('https://news.example/live?page=1', 'https://news.example/live?page=2')).toBe(false);
    expect(same('https://news.example/a', 'https://www.news.example/a')).toBe(false);
  });
});

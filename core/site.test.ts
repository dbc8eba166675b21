import { describe, expect, it } from 'vitest';
import { canAnnotate, siteOf } from './site';

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

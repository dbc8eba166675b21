import { describe, expect, it } from 'vitest';
import { findChromium, findFirefox } from './find-browser';

describe('findChromium', () => {
  it('prefers CHROMIUM_PATH', () => {
    expect(findChromium({ CHROMIUM_PATH: '/opt/c/chrome' }, (p) => p === '/opt/c/chrome' || p === '/usr/bin/chromium')).toBe(
      '/opt/c/chrome',
    );
  });

  it('falls back to Debian chromium', () => {
    expect(findChromium({}, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
  });

  it('names all three places when no browser exists', () => {
    expect(() => findChromium({}, () => false)).toThrow(/CHROMIUM_PATH.*\/usr\/bin\/chromium.*Playwright/s);
  });

  it('says so when CHROMIUM_PATH points nowhere', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nope' }, () => false)).toThrow(/CHROMIUM_PATH is set to \/nope/);
  });
});

describe('findFirefox', () => {
  it('prefers FIREFOX_PATH, then Debian’s firefox-esr, then firefox', () => {
    const all = () => true;
    expect(findFirefox({ FIREFOX_PATH: '/opt/ff/firefox' }, all)).toBe('/opt/ff/firefox');
    expect(findFirefox({}, all)).toBe('/usr/bin/firefox-esr');
    expect(findFirefox({}, (p) => p === '/usr/bin/firefox')).toBe('/usr/bin/firefox');
  });

  it('finds none where none is installed, and says so when FIREFOX_PATH points nowhere', () => {
    expect(findFirefox({}, () => false)).toBeUndefined();
    expect(() => findFirefox({ FIREFOX_PATH: '/nope' }, () => false)).toThrow(/FIREFOX_PATH is set to \/nope/);
  });
});

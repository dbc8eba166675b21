import fc from 'fast-check';
import { domainToASCII, domainToUnicode } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePunycode, hostnameForDisplay } from './punycode';

describe('hostnameForDisplay', () => {
  it('shows an internationalised site as the address bar does, not its ASCII form', () => {
    expect(hostnameForDisplay('xn--mnchen-3ya.de')).toBe('münchen.de');
    expect(hostnameForDisplay('news.xn--fiqs8s')).toBe('news.中国');
    expect(hostnameForDisplay('xn--e1afmkfd.xn--p1ai')).toBe('пример.рф');
  });

  it('leaves an ASCII site, and a label that is no valid Punycode, as they are', () => {
    expect(hostnameForDisplay('news.example.com')).toBe('news.example.com');
    expect(hostnameForDisplay('127.0.0.1')).toBe('127.0.0.1');
    expect(hostnameForDisplay('xn--!!.example')).toBe('xn--!!.example');
    expect(hostnameForDisplay('xn--99999999999999.example')).toBe('xn--99999999999999.example');
  });

  it('keeps in its ASCII form a label that would pass for another name: decoded to nothing or to ASCII, mixing Latin with Cyrillic or Greek, or all Cyrillic letters drawn as Latin ones', () => {
    expect(hostnameForDisplay('xn--80ak6aa92e.com')).toBe('xn--80ak6aa92e.com');
    expect(hostnameForDisplay('xn--paypal-.com')).toBe('xn--paypal-.com');
    expect(hostnameForDisplay('xn--.example')).toBe('xn--.example');
    expect(hostnameForDisplay('xn--pypal-4ve.com')).toBe('xn--pypal-4ve.com');
    // Cyrillic of its own, as a Russian site writes it, is shown.
    expect(hostnameForDisplay('xn--e1afmkfd.xn--p1ai')).toBe('пример.рф');
  });

  it('decodes what the browser encodes, for any name of one script', () => {
    const script = fc.constantFrom('abcdeçéñöüß0123456789', 'бвгдлятщжш0123456789', 'βγδθλξπψω', '中国語한글', 'ทยก', 'عربي');
    const label = script.chain((letters) => fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 20 }));
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), (labels) => {
        const ascii = domainToASCII(`${labels.join('.')}.example`);
        fc.pre(ascii !== '' && ascii.includes('xn--'));
        expect(hostnameForDisplay(ascii)).toBe(domainToUnicode(ascii));
      }),
      { numRuns: 500 },
    );
  });
});

describe('decodePunycode', () => {
  it('decodes the samples of RFC 3492', () => {
    expect(decodePunycode('ihqwcrb4cv8a8dqg056pqjye')).toBe('他们为什么不说中文');
    expect(decodePunycode('egbpdaj6bu4bxfgehfvwxn')).toBe('ليهمابتكلموشعربي؟');
    expect(decodePunycode('-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n')).toBe('安室奈美恵-with-SUPER-MONKEYS');
    expect(decodePunycode('3B-ww4c5e180e575a65lsy2b')).toBe('3年B組金八先生');
  });
});

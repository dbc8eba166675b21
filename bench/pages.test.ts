import { describe, expect, it } from 'vitest';
import { withoutScripts } from './pages';

describe('withoutScripts', () => {
  it('removes script elements, inline or not, and keeps the rest', () => {
    const html = '<head><SCRIPT src="https://cdn/x.js"></SCRIPT><script type="application/ld+json">{"a":"<b>"}</script></head><p>Text<script>var s = "<p>";</script> more</p>';
    expect(withoutScripts(html)).toBe('<head></head><p>Text more</p>');
  });

  it('leaves noscript and text mentioning scripts alone', () => {
    expect(withoutScripts('<noscript>on</noscript><p>a script tag</p>')).toBe('<noscript>on</noscript><p>a script tag</p>');
  });
});

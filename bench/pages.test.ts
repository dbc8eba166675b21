import { describe, expect, it } from 'vitest';
import { inertScripts, withoutScripts } from '../tooling/saved-page-html';
import { plantedMentionsMismatch, savedWithoutMentions } from './pages';
import type { PageSummary, RunSample } from './types';

describe('withoutScripts', () => {
  it('removes script elements, inline or not, and keeps the rest', () => {
    const html = '<head><SCRIPT src="https://cdn/x.js"></SCRIPT><script type="application/ld+json">{"a":"<b>"}</script></head><p>Text<script>var s = "<p>";</script> more</p>';
    expect(withoutScripts(html)).toBe('<head></head><p>Text more</p>');
  });

  it('leaves noscript and text mentioning scripts alone', () => {
    expect(withoutScripts('<noscript>on</noscript><p>a script tag</p>')).toBe('<noscript>on</noscript><p>a script tag</p>');
  });
});

describe('inertScripts', () => {
  it('keeps every script with its text, under a type no browser runs, ahead of its own', () => {
    const html = '<SCRIPT src="https://cdn/x.js"></SCRIPT><p>Text<script type="application/ld+json">{"a":"<b>"}</script> more</p>';
    expect(inertScripts(html)).toBe(
      '<script type="text/x-inert" src="https://cdn/x.js"></SCRIPT><p>Text<script type="text/x-inert" type="application/ld+json">{"a":"<b>"}</script> more</p>',
    );
  });

  it('leaves noscript and text mentioning scripts alone', () => {
    expect(inertScripts('<noscript>on</noscript><p>a script tag</p>')).toBe('<noscript>on</noscript><p>a script tag</p>');
  });
});

describe('savedWithoutMentions', () => {
  it('picks the saved pages where Backstory found nothing', () => {
    const summary = (page: string, mentions: number | null) => ({ page, variants: [{ variant: 'backstory', mentions }] }) as unknown as PageSummary;
    const pages = [
      { name: 'synthetic', path: '/bench/synthetic' },
      { name: 'demo', path: '/demo' },
      { name: 'cnn', path: '/bench/shared/cnn.html' },
      { name: 'folha', path: '/bench/shared/folha.html' },
      { name: 'qq', path: '/bench/shared/qq.html' },
    ];
    const found = savedWithoutMentions(pages, [summary('synthetic', 0), summary('demo', 60), summary('cnn', 12), summary('folha', 0), summary('qq', null)]);
    expect(found.map((p) => p.name)).toEqual(['folha']);
  });
});

describe('plantedMentionsMismatch', () => {
  const run = (variant: RunSample['variant'], mentions: number | null) => ({ variant, mentions }) as RunSample;
  const summary = (runs: RunSample[]) => ({ page: 'synthetic', samples: { runs, withBackstory: [], without: [] } }) as unknown as PageSummary;

  it('passes when every run of Backstory found exactly the names planted, whatever the baselines found', () => {
    expect(plantedMentionsMismatch(summary([run('backstory', 11430), run('markjs', 11566), run('backstory', 11430)]), 11430)).toBeNull();
  });

  it('names the runs that found another count, even when the median is right', () => {
    const runs = [run('backstory', 11430), run('backstory', 11480), run('backstory', 11430), run('backstory', null)];
    expect(plantedMentionsMismatch(summary(runs), 11430)).toBe('synthetic: Backstory found 11480, no count mentions in 2 of 4 runs; the generator planted 11430');
  });
});

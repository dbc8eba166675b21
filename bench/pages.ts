import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MatchableEntity } from '../core/matcher';
import { SHARED_PAGES_DIR } from '../tooling/page-server';
import { inertScripts } from '../tooling/saved-page-html';
import { generateSyntheticPage, type SyntheticPageStats } from './synthetic-page';
import { SYNTHETIC_PAGE, type PageSummary } from './types';

export interface BenchPage {
  name: string;
  /** Path on the page server. */
  path: string;
}

export interface PageSet {
  pages: BenchPage[];
  /** Generated pages the server must be given: path → HTML. */
  routes: Map<string, string>;
  synthetic: SyntheticPageStats;
  /** Where the page without mentions (end-to-end) is served. */
  noMentionPath: string;
  noMention: SyntheticPageStats;
}

/**
 * The pages to benchmark: the generated 4 MiB page, the demo article, and
 * the saved news pages of ../shared/pages (their scripts inert) when that folder is there.
 */
export function benchPages(entities: readonly MatchableEntity[], options: { quick: boolean; only?: readonly string[] }): PageSet {
  const synthetic = generateSyntheticPage(entities);
  const noMention = generateSyntheticPage(entities, { mentions: false, decoys: false, seed: 7 });
  const routes = new Map([
    ['/bench/synthetic', synthetic.html],
    ['/bench/no-mentions', noMention.html],
  ]);
  const pages: BenchPage[] = [
    { name: SYNTHETIC_PAGE, path: '/bench/synthetic' },
    { name: 'demo', path: '/demo' },
  ];
  if (!options.quick && existsSync(SHARED_PAGES_DIR)) {
    for (const file of readdirSync(SHARED_PAGES_DIR).filter((f) => f.endsWith('.html')).sort()) {
      const path = `/bench/shared/${file}`;
      routes.set(path, inertScripts(readFileSync(join(SHARED_PAGES_DIR, file), 'utf8')));
      pages.push({ name: file.replace(/\.html$/, ''), path });
    }
  }
  const chosen = options.only?.length ? pages.filter((p) => options.only!.includes(p.name)) : pages;
  return { pages: chosen, routes, synthetic: synthetic.stats, noMentionPath: '/bench/no-mentions', noMention: noMention.stats };
}

/**
 * Why the generated page's runs cannot be trusted, or null: every run of
 * Backstory found exactly the names the generator planted. Another count
 * means the page or the matcher changed under the figures (decoys matched,
 * split names missed), and the variants no longer do the same work.
 */
export function plantedMentionsMismatch(summary: PageSummary, planted: number): string | null {
  const counts = summary.samples.runs.filter((run) => run.variant === 'backstory').map((run) => run.mentions);
  const off = counts.filter((count) => count !== planted);
  if (off.length === 0) return null;
  return `${summary.page}: Backstory found ${off.map((count) => count ?? 'no count').join(', ')} mentions in ${off.length} of ${counts.length} runs; the generator planted ${planted}`;
}

/**
 * The saved news pages on which Backstory found nothing: ordinary pages
 * without the story, where its whole cost is overhead.
 */
export function savedWithoutMentions(pages: readonly BenchPage[], summaries: readonly PageSummary[]): BenchPage[] {
  return pages.filter((page) => {
    if (!page.path.startsWith('/bench/shared/')) return false;
    const backstory = summaries.find((s) => s.page === page.name)?.variants.find((v) => v.variant === 'backstory');
    return backstory?.mentions === 0;
  });
}

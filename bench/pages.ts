import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MatchableEntity } from '../core/matcher';
import { SHARED_PAGES_DIR } from '../tooling/page-server';
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
 * A saved page without its scripts. Offline they can only fail, and while
 * they did they would hold up the load (a render-blocking request at a time)
 * and run timers inside the measured windows, billed to whichever variant
 * was running. The DOM they were saved with stays.
 */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '');
}

/**
 * The pages to benchmark: the generated 4 MiB page, the demo article, and
 * the saved news pages of ../shared/pages (without their scripts) when that folder is there.
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
      routes.set(path, withoutScripts(readFileSync(join(SHARED_PAGES_DIR, file), 'utf8')));
      pages.push({ name: file.replace(/\.html$/, ''), path });
    }
  }
  const chosen = options.only?.length ? pages.filter((p) => options.only!.includes(p.name)) : pages;
  return { pages: chosen, routes, synthetic: synthetic.stats, noMentionPath: '/bench/no-mentions', noMention: noMention.stats };
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

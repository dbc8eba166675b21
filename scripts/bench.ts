/**
 * Backstory's page side against a floor and two common ways of highlighting,
 * in headless Chromium, on a generated 4 MiB news page, the demo article and
 * the saved pages of ../shared/pages; then the built extension end to end, in
 * Chromium and in Firefox.
 *
 *   npm run bench [-- --quick] [--check] [--write-readme] [--build] [--reps N] [--page NAME]
 *
 * Writes bench/results/latest.json and latest.md. What each figure means:
 * README.md, "Performance". Exit status: 0 done (and with --check every
 * budget met), 1 a budget missed under --check, 2 bad usage (or, under
 * --check without --build, a build older than its sources), 3 failure
 * (Backstory's count on the generated page not the names planted among them).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { compileStory, encodeMatcher } from '../core/matcher';
import { EntitiesFileSchema } from '../core/story/schema';
import { startPageServer } from '../tooling/page-server';
import { aliasTextsRegExpSource, formsRegExpSource } from '../bench/alias-regex';
import { parseBenchArgs, USAGE, UsageError, type BenchOptions } from '../bench/args';
import { launchBenchBrowser } from '../bench/bench-browser';
import { benchPage } from '../bench/bench-page';
import { allMet, checkBudgets } from '../bench/budgets';
import { buildBundles } from '../bench/bundles';
import { measureEndToEnd } from '../bench/end-to-end';
import { measureFirefox } from '../bench/firefox-end-to-end';
import { builtAt, ensureExtensionBuilt, injectedScriptSize } from '../bench/injected-script';
import { describeMachine } from '../bench/machine';
import { benchPages, plantedMentionsMismatch, savedWithoutMentions } from '../bench/pages';
import { replaceBenchSection } from '../bench/readme-section';
import { renderMarkdown, renderReadmeSection, verdict } from '../bench/report';
import { sourceState, staleBuildReason } from '../bench/source-state';
import { SYNTHETIC_PAGE, type BenchResult, type EndToEnd, type PageSummary } from '../bench/types';

const RESULTS_DIR = resolve('bench/results');
const README = resolve('README.md');
/** A run that takes this long is stuck somewhere: stop rather than hang a terminal or CI job. A full run took 21 minutes on the slow host of December 5, with five variants. */
const WATCHDOG_MS = 40 * 60 * 1000;

const startedAt = Date.now();
const log = (line: string) => console.log(line);
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0)} s`;

async function bench(options: BenchOptions): Promise<BenchResult> {
  const loadAtStart = loadavg()[0]!;
  // The code as the run starts: an edit during the run would otherwise be credited with its figures.
  const source = sourceState();
  const entities = EntitiesFileSchema.parse(JSON.parse(readFileSync(resolve('data/summit/entities.json'), 'utf8')));
  const regexps = { aliases: aliasTextsRegExpSource(entities), forms: formsRegExpSource(entities) };
  // Compiled here as the background compiles it; pages only decode it.
  const matcherWire = encodeMatcher(compileStory(entities));
  const set = benchPages(entities, { quick: options.quick, only: options.pages });
  log(`Pages: ${set.pages.map((p) => p.name).join(', ')}`);
  const bundles = await buildBundles();
  log(`Backstory's page side: ${bundles.backstoryApi}`);
  const extensionBuilt = ensureExtensionBuilt(options.build, log);
  const firefoxBuilt = ensureExtensionBuilt(options.build, log, 'firefox');
  const server = await startPageServer();
  try {
    for (const [path, html] of set.routes) server.route(path, html);
    const benchBrowser = await launchBenchBrowser();
    const chromium = benchBrowser.browser.version();
    const pages: PageSummary[] = [];
    try {
      for (const page of set.pages) {
        log(`${page.name} (at ${elapsed()}):`);
        const summary = await benchPage(benchBrowser, {
          name: page.name,
          url: `${server.origin}${page.path}`,
          repetitions: options.repetitions,
          matcherWire,
          regexps,
          bundles,
          log,
        });
        if (page.name === SYNTHETIC_PAGE) {
          if (summary.textChars !== set.synthetic.textChars) {
            log(`  warning: the browser read ${summary.textChars} characters, the generator wrote ${set.synthetic.textChars}`);
          }
          const mismatch = plantedMentionsMismatch(summary, set.synthetic.mentions);
          if (mismatch) throw new Error(`${mismatch}: the page or the matcher changed, and the variants no longer do the same work. Stopped.`);
        }
        pages.push(summary);
      }
    } finally {
      await benchBrowser.browser.close();
    }
    log(`End to end, built extension (at ${elapsed()}):`);
    const measured = extensionBuilt
      ? await measureEndToEnd(server, set.noMentionPath, savedWithoutMentions(set.pages, pages), options.repetitions, log)
      : {
          demoFirstHighlightMs: null,
          demoLoadEventMs: null,
          demoFirstHighlightColdMs: null,
          noMentionWorkMs: null,
          noMentionPages: [],
          firstHoverAfterStopMs: null,
          firstHoverAfterStopMaxMs: null,
          firstHoverWokeWorker: null,
          popupNamesMs: null,
          popupNamesColdMs: null,
          longestTasks: [],
          noMentionMethod: 'not measured: no extension build',
          runs: 0,
        };
    log(`End to end in Firefox, built extension (at ${elapsed()}):`);
    const firefox = firefoxBuilt ? await measureFirefox(server, options.repetitions, log) : null;
    const size = injectedScriptSize();
    const endToEnd: EndToEnd = { builtAt: builtAt(), injectedBytes: size?.bytes ?? null, injectedGzipBytes: size?.gzipBytes ?? null, ...measured };
    return {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      loadAverage: { start: loadAtStart, end: loadavg()[0]! },
      quick: options.quick,
      repetitions: options.repetitions,
      machine: describeMachine(chromium),
      source,
      backstoryApi: bundles.backstoryApi,
      pages,
      endToEnd,
      firefox,
      budgets: checkBudgets({ pages, endToEnd }),
    };
  } finally {
    await server.close();
  }
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(error.message);
    console.error(USAGE);
    return 2;
  }
  const stale = options.check && !options.build ? staleBuildReason() : null;
  if (stale) {
    console.error(`--check refuses to judge an old build: ${stale}`);
    return 2;
  }
  const result = await bench(options);
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(resolve(RESULTS_DIR, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
  const markdown = renderMarkdown(result);
  writeFileSync(resolve(RESULTS_DIR, 'latest.md'), markdown);
  if (options.writeReadme) {
    writeFileSync(README, replaceBenchSection(readFileSync(README, 'utf8'), renderReadmeSection(result)));
    log('README.md: Performance results replaced.');
  }
  log(`\n${markdown}`);
  log(`Done in ${elapsed()}; results in bench/results/latest.{json,md}.`);
  const missed = result.budgets.filter((b) => !b.met);
  for (const budget of missed) log(`Budget missed: ${budget.label}: ${verdict(budget).replace(/\*\*/g, '')}`);
  return options.check && !allMet(result.budgets) ? 1 : 0;
}

const watchdog = setTimeout(() => {
  console.error(`The benchmark ran for ${WATCHDOG_MS / 60_000} minutes; stopping.`);
  process.exit(3);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(3);
  },
);

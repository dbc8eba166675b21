import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension } from '../tooling/launch-extension';
import type { PageServer } from '../tooling/page-server';
import { keepLocal } from './bench-browser';
import { cpuOfScripts } from './script-cpu';
import { longestTaskOfScripts, type LongestTask } from './script-tasks';
import { firstHoverAfterStop } from './first-hover';
import { median } from './stats';
import { startTrace } from './trace';
import type { EndToEnd } from './types';

type Measured = Omit<EndToEnd, 'builtAt' | 'injectedBytes' | 'injectedGzipBytes'>;

/** How the generated page without the story's names is called in the longest tasks. */
const NO_MENTION_PAGE = '4 MiB page without story names';

/** Notes, in the page's main world, the first frame in which Backstory's highlight holds a range. */
const WATCH_FIRST_HIGHLIGHT = `(() => {
  const tick = () => {
    if ((CSS.highlights?.get('backstory-mention')?.size ?? 0) > 0) window.__backstoryFirstHighlight = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** Content scripts run at document_idle and then wait for the service worker: give them this long after load. */
const SETTLE_AFTER_LOAD_MS = 2_000;
/** How long the demo article is left alone after its load before the first highlight is looked for. */
const QUIET_AFTER_LOAD_MS = 1_000;
/** Script evaluations and callbacks, with their thread time. */
const SCRIPT_CATEGORIES = ['devtools.timeline'];
/** Tasks and the scripts V8 compiles and runs in them. */
const LONGEST_TASK_CATEGORIES = ['toplevel', 'v8'];

async function firstHighlight(page: Page, url: string): Promise<{ firstMs: number; loadMs: number }> {
  await page.addInitScript(WATCH_FIRST_HIGHLIGHT);
  await page.goto(url);
  // Nothing of Playwright's in the page before the highlight is likely there: the script it
  // injects to wait on a condition (330 KB) is compiled on the page's main thread, in the way.
  await page.waitForTimeout(QUIET_AFTER_LOAD_MS);
  await page.waitForFunction(() => (window as { __backstoryFirstHighlight?: number }).__backstoryFirstHighlight !== undefined, null, {
    timeout: 30_000,
  });
  return page.evaluate(() => ({
    firstMs: (window as { __backstoryFirstHighlight?: number }).__backstoryFirstHighlight!,
    loadMs: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
  }));
}

/**
 * Traces a navigation to `url` and sums the CPU time the extension's scripts
 * take in the page's frames (script-cpu.ts). Tracing starts on a same-origin
 * page first, so the navigation stays in the renderer being traced.
 */
async function extensionWork(page: Page, origin: string, url: string, extensionId: string): Promise<number | null> {
  await page.goto(`${origin}/bench/blank`);
  const trace = await startTrace(page, SCRIPT_CATEGORIES);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForTimeout(SETTLE_AFTER_LOAD_MS);
  const time = cpuOfScripts(await trace.stop(), (script) => script.startsWith(`chrome-extension://${extensionId}/`), url);
  return time.seen ? time.ms : null;
}

/**
 * The longest task of the extension's scripts in the page's frames over a
 * load of `url`, in a trace of its own (script-tasks.ts tells why), in a tab
 * of its own: a renderer that ran the scripts before keeps them compiled, and
 * the card script then evaluates in a quarter of the time a reader's first
 * page of a site takes.
 */
async function longestTask(context: BrowserContext, origin: string, url: string, extensionId: string): Promise<LongestTask | null> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/bench/blank`);
    const trace = await startTrace(page, LONGEST_TASK_CATEGORIES);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForTimeout(SETTLE_AFTER_LOAD_MS);
    const extension = `chrome-extension://${extensionId}/`;
    // The service worker's script is not the page's: it runs in a process of its own.
    return longestTaskOfScripts(await trace.stop(), (script) => script.startsWith(extension) && script !== `${extension}background.js`);
  } finally {
    await page.close();
  }
}

/** Longest tasks of the extension's scripts, by page, over the traced loads. */
class LongestTasks {
  private readonly byPage = new Map<string, LongestTask[]>();

  async measure(name: string, context: BrowserContext, origin: string, url: string, extensionId: string, log: (line: string) => void): Promise<void> {
    const task = await longestTask(context, origin, url, extensionId);
    if (task) this.byPage.set(name, [...(this.byPage.get(name) ?? []), task]);
    log(`  ${name}: longest task of the extension's scripts ${task ? `${task.ms.toFixed(1)} ms (CPU ${task.cpuMs.toFixed(1)} ms)` : 'not seen in the trace'}`);
  }

  medians(): EndToEnd['longestTasks'] {
    return [...this.byPage].map(([page, tasks]) => ({ page, wallMs: median(tasks.map((t) => t.ms)), cpuMs: median(tasks.map((t) => t.cpuMs)) }));
  }
}

/**
 * The built extension in Chromium: how soon the demo article shows highlights,
 * what pages without mentions cost (the saved pages that have none, and the
 * generated 4 MiB one), and how soon a card opens after the worker stopped.
 */
export async function measureEndToEnd(
  server: PageServer,
  noMentionPath: string,
  noMentionPages: readonly { name: string; path: string }[],
  repetitions: number,
  log: (line: string) => void,
): Promise<Measured> {
  server.route('/bench/blank', '<!doctype html><title>blank</title>');
  const firsts: number[] = [];
  const loads: number[] = [];
  const works: (number | null)[] = [];
  const savedWorks = new Map<string, (number | null)[]>(noMentionPages.map((p) => [p.name, []]));
  const hovers: (number | null)[] = [];
  const longest = new LongestTasks();
  let wokeWorker: boolean | null = null;
  const extension = await launchWithExtension();
  try {
    await keepLocal(extension.context);
    const demo = `${server.origin}/demo`;
    // The first load after install waits for the story database to be seeded: a one-off, not what readers meet.
    const warmUp = await extension.context.newPage();
    await firstHighlight(warmUp, demo).catch((error: Error) => log(`  warm-up: ${error.message.split('\n')[0]}`));
    await warmUp.close();
    for (let round = 0; round < repetitions; round++) {
      const page = await extension.context.newPage();
      try {
        const { firstMs, loadMs } = await firstHighlight(page, demo);
        firsts.push(firstMs);
        loads.push(loadMs);
        log(`  demo #${round + 1}: first highlight ${firstMs.toFixed(0)} ms after navigation (load event ${loadMs.toFixed(0)} ms)`);
        // A load of its own, traced: the trace would slow the one timed above.
        await longest.measure('demo', extension.context, server.origin, demo, extension.extensionId, log);
      } catch (error) {
        log(`  demo #${round + 1}: not measured (${(error as Error).message.split('\n')[0]})`);
      } finally {
        await page.close();
      }
    }
    for (let round = 0; round < repetitions; round++) {
      for (const saved of noMentionPages) {
        const page = await extension.context.newPage();
        try {
          const work = await extensionWork(page, server.origin, `${server.origin}${saved.path}`, extension.extensionId);
          savedWorks.get(saved.name)!.push(work);
          log(`  ${saved.name} (no mentions) #${round + 1}: ${work === null ? 'extension not seen in the trace' : `${work.toFixed(1)} ms`}`);
          await longest.measure(saved.name, extension.context, server.origin, `${server.origin}${saved.path}`, extension.extensionId, log);
        } catch (error) {
          log(`  ${saved.name} (no mentions) #${round + 1}: not measured (${(error as Error).message.split('\n')[0]})`);
        } finally {
          await page.close();
        }
      }
    }
    for (let round = 0; round < repetitions; round++) {
      try {
        const hover = await firstHoverAfterStop(extension.context, demo, extension.extensionId);
        hovers.push(hover.ms);
        wokeWorker = (wokeWorker ?? false) || hover.wokeWorker;
        log(`  first hover after the worker stopped #${round + 1}: ${hover.ms === null ? 'no card' : `${hover.ms.toFixed(1)} ms after the hover delay`}${hover.wokeWorker ? ' (woke the worker)' : ''}`);
      } catch (error) {
        log(`  first hover after the worker stopped #${round + 1}: not measured (${(error as Error).message.split('\n')[0]})`);
      }
    }
    for (let round = 0; round < repetitions; round++) {
      const page = await extension.context.newPage();
      try {
        const work = await extensionWork(page, server.origin, `${server.origin}${noMentionPath}`, extension.extensionId);
        works.push(work);
        log(`  page without mentions #${round + 1}: ${work === null ? 'extension not seen in the trace' : `${work.toFixed(1)} ms`}`);
        await longest.measure(NO_MENTION_PAGE, extension.context, server.origin, `${server.origin}${noMentionPath}`, extension.extensionId, log);
      } catch (error) {
        log(`  page without mentions #${round + 1}: not measured (${(error as Error).message.split('\n')[0]})`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await extension.close();
  }
  return {
    demoFirstHighlightMs: median(firsts),
    demoLoadEventMs: median(loads),
    noMentionWorkMs: median(works),
    noMentionPages: noMentionPages.map((p) => ({ page: p.name, workMs: median(savedWorks.get(p.name)!) })),
    firstHoverAfterStopMs: median(hovers),
    longestTasks: longest.medians(),
    firstHoverWokeWorker: wokeWorker,
    noMentionMethod: `CPU time (thread time, from a Chromium trace) of the extension's script evaluations and callbacks in the page's frames, DOM calls included, from navigation to ${SETTLE_AFTER_LOAD_MS / 1000} s after load`,
    runs: repetitions,
  };
}

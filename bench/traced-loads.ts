/**
 * The built extension's figures read from traces alone: its scripts' work on
 * pages without mentions, and the longest task of its scripts. Taken in a
 * browser with no DevTools session on the pages' V8 (uninspected-chromium.ts
 * tells why).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_BUILD_DIR } from '../tooling/launch-extension';
import type { PageServer } from '../tooling/page-server';
import { cpuOfScripts, SCRIPT_CPU_CATEGORIES } from './script-cpu';
import { longestTaskOfScripts, type LongestTask } from './script-tasks';
import { max, median } from './stats';
import { launchUninspected, type UninspectedChromium } from './uninspected-chromium';
import { NO_MENTION_PAGE, type EndToEnd } from './types';

/** Content scripts run once the HTML is parsed and then wait for the service worker: give them this long after load. */
export const SETTLE_AFTER_LOAD_MS = 2_000;
/** The first load after install waits for the story database to be seeded: a one-off, not what readers meet. */
const SEEDING_MS = 4_000;
/** Tasks and the scripts V8 compiles and runs in them. */
const LONGEST_TASK_CATEGORIES = ['toplevel', 'v8'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Chromium names an extension's content-script world after the extension: the card script is evaluated there as a module. */
function contentScriptWorld(buildDir: string): string {
  const messages = JSON.parse(readFileSync(join(buildDir, '_locales/en/messages.json'), 'utf8')) as { extName: { message: string } };
  return messages.extName.message;
}

export type TracedFigures = Pick<EndToEnd, 'noMentionWorkMs' | 'noMentionWorkRuns' | 'noMentionPages' | 'longestTasks'>;

const present = (values: readonly (number | null)[]) => values.filter((v) => v !== null).length;

/**
 * Each page's longest tasks over its loads: the median and the longest of any
 * load, and how many loads they were seen in. A page where no load gave one
 * is listed all the same, seen in none: it was to be traced, and a miss must show.
 */
export function summarizeLongest(pages: readonly string[], longest: ReadonlyMap<string, readonly LongestTask[]>): EndToEnd['longestTasks'] {
  return pages.map((page) => {
    const tasks = longest.get(page) ?? [];
    return {
      page,
      wallMs: median(tasks.map((t) => t.ms)),
      cpuMs: median(tasks.map((t) => t.cpuMs)),
      wallMaxMs: max(tasks.map((t) => t.ms)),
      runs: tasks.length,
    };
  });
}

class Traced {
  private readonly extension: string;
  private readonly world = contentScriptWorld(CHROME_BUILD_DIR);

  constructor(
    private readonly browser: UninspectedChromium,
    private readonly origin: string,
  ) {
    this.extension = `chrome-extension://${browser.extensionId}/`;
  }

  /**
   * CPU time of the extension's scripts in the page's frames over a load of
   * `url` (script-cpu.ts), from a same-origin page in the same tab: the
   * renderer has compiled the script on every page once, as on a reader's
   * second page of a site.
   */
  async work(url: string): Promise<number | null> {
    const tab = await this.browser.open(`${this.origin}/bench/blank`);
    try {
      const events = await this.browser.trace(SCRIPT_CPU_CATEGORIES, async () => {
        await tab.navigate(url);
        await sleep(SETTLE_AFTER_LOAD_MS);
      });
      const time = cpuOfScripts(events, (script) => script.startsWith(this.extension), url);
      return time.seen ? time.ms : null;
    } finally {
      await tab.close();
    }
  }

  /**
   * The longest task of the extension's scripts in the page's frames over a
   * load of `url` in a new tab: a renderer that ran the scripts before keeps
   * them compiled, and the card script then evaluates in a quarter of the
   * time a reader's first page of a site takes.
   */
  async longestTask(url: string): Promise<LongestTask | null> {
    let tab: Awaited<ReturnType<UninspectedChromium['open']>> | undefined;
    try {
      const events = await this.browser.trace(LONGEST_TASK_CATEGORIES, async () => {
        tab = await this.browser.open(url);
        await sleep(SETTLE_AFTER_LOAD_MS);
      });
      // The service worker's script is not the page's: it runs in a process of its own.
      return longestTaskOfScripts(
        events,
        (script) => script.startsWith(this.extension) && script !== `${this.extension}background.js`,
        this.world,
      );
    } finally {
      await tab?.close();
    }
  }
}

const firstLine = (error: unknown) => (error as Error).message.split('\n')[0];

/**
 * Loads the demo article, the saved pages without mentions and the generated
 * page without the story's names, `repetitions` times each, traced.
 */
export async function measureTraced(
  server: PageServer,
  noMentionPath: string,
  noMentionPages: readonly { name: string; path: string }[],
  repetitions: number,
  log: (line: string) => void,
): Promise<TracedFigures> {
  server.route('/bench/blank', '<!doctype html><title>blank</title>');
  const works: (number | null)[] = [];
  const savedWorks = new Map<string, (number | null)[]>(noMentionPages.map((p) => [p.name, []]));
  const longest = new Map<string, LongestTask[]>();
  const browser = await launchUninspected(CHROME_BUILD_DIR);
  try {
    const traced = new Traced(browser, server.origin);
    const seeding = await browser.open(`${server.origin}/demo`);
    await sleep(SEEDING_MS);
    await seeding.close();
    const measureLongest = async (name: string, url: string) => {
      const task = await traced.longestTask(url);
      if (task) longest.set(name, [...(longest.get(name) ?? []), task]);
      log(`  ${name}: longest task of the extension's scripts ${task ? `${task.ms.toFixed(1)} ms (CPU ${task.cpuMs.toFixed(1)} ms)` : 'not seen in the trace'}`);
    };
    const measureWork = async (label: string, url: string, into: (number | null)[]) => {
      const work = await traced.work(url);
      into.push(work);
      log(`  ${label}: ${work === null ? 'extension not seen in the trace' : `${work.toFixed(1)} ms`}`);
    };
    for (let round = 0; round < repetitions; round++) {
      const attempt = async (label: string, run: () => Promise<void>) => {
        try {
          await run();
        } catch (error) {
          log(`  ${label} #${round + 1}: not measured (${firstLine(error)})`);
        }
      };
      await attempt('demo', () => measureLongest('demo', `${server.origin}/demo`));
      for (const saved of noMentionPages) {
        const url = `${server.origin}${saved.path}`;
        await attempt(saved.name, async () => {
          await measureWork(`${saved.name} (no mentions) #${round + 1}`, url, savedWorks.get(saved.name)!);
          await measureLongest(saved.name, url);
        });
      }
      const url = `${server.origin}${noMentionPath}`;
      await attempt('page without mentions', async () => {
        await measureWork(`page without mentions #${round + 1}`, url, works);
        await measureLongest(NO_MENTION_PAGE, url);
      });
    }
  } finally {
    await browser.quit();
  }
  return {
    noMentionWorkMs: median(works),
    noMentionWorkRuns: present(works),
    noMentionPages: noMentionPages.map((p) => ({ page: p.name, workMs: median(savedWorks.get(p.name)!), runs: present(savedWorks.get(p.name)!) })),
    longestTasks: summarizeLongest(['demo', ...noMentionPages.map((p) => p.name), NO_MENTION_PAGE], longest),
  };
}

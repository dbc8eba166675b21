export interface BenchOptions {
  /** One repetition, the synthetic and demo pages only: for development. */
  quick: boolean;
  /** Exit non-zero when a budget is missed. */
  check: boolean;
  /** Rewrite README.md between the bench markers with this run's results. */
  writeReadme: boolean;
  /** Rebuild the extension before measuring it, even if a build exists. */
  build: boolean;
  repetitions: number;
  /** Only these pages (by name), when given. */
  pages: string[];
}

export const USAGE = `usage: npm run bench -- [--quick] [--check] [--write-readme] [--build] [--reps N] [--page NAME]...
  --quick         1 repetition, synthetic and demo pages only (results are marked as a quick run)
  --check         exit 1 when a performance budget is missed (3 repetitions or more; refuses a build older than its sources)
  --write-readme  replace README.md's Performance results with this run's (not with --quick)
  --build         build the extension for Chrome and Firefox first even if .output/ holds builds
  --reps N        repetitions per page and variant (default 3; medians are taken over them)
  --page NAME     only this page (synthetic, demo, or a ../shared/pages name); repeatable`;

export class UsageError extends Error {}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { quick: false, check: false, writeReadme: false, build: false, repetitions: 3, pages: [] };
  let repsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--quick') options.quick = true;
    else if (arg === '--check') options.check = true;
    else if (arg === '--write-readme') options.writeReadme = true;
    else if (arg === '--build') options.build = true;
    else if (arg === '--reps') {
      const reps = Number(value());
      if (!Number.isInteger(reps) || reps < 1 || reps > 50) throw new UsageError('--reps takes a whole number from 1 to 50');
      options.repetitions = reps;
      repsGiven = true;
    } else if (arg === '--page') options.pages.push(value());
    else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else throw new UsageError(`unknown option ${arg}`);
  }
  if (options.quick && !repsGiven) options.repetitions = 1;
  if (options.quick && options.writeReadme) throw new UsageError('--write-readme needs a full run: the README shows medians of at least 3 repetitions');
  if (options.writeReadme && options.repetitions < 3) throw new UsageError('--write-readme needs --reps 3 or more');
  if (options.check && options.repetitions < 3) {
    throw new UsageError('--check needs 3 repetitions or more (not --quick, nor --reps 1 or 2): a budget judged on one or two loads is noise');
  }
  return options;
}

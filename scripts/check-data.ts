/**
 * Verifies a story pack before it ships: `npx tsx scripts/check-data.ts [DIR]`
 * (default data/summit). Each problem goes to stderr as `DIR/FILE JSONPATH: message`
 * and the exit code is 1; a clean pack prints a one-line summary and exits 0.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATEGORIES, FACT_KINDS, type StoryPack } from '../core/story/schema';
import { parseStoryPack, type PackProblem } from '../core/story/verify-pack';
import { readPack } from './read-pack';

const DEFAULT_DIR = fileURLToPath(new URL('../data/summit/', import.meta.url));

function tally<T extends string>(labels: readonly T[], values: T[]): string {
  return labels
    .map((label) => [label, values.filter((v) => v === label).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}`)
    .join(', ');
}

function summarise(pack: StoryPack, articleName: string): string {
  const citations =
    pack.story.summary.length + pack.facts.length + pack.entities.filter((e) => e.sanctions).length + pack.entities.filter((e) => e.descriptionCitation).length;
  return (
    `${pack.entities.length} entities (${tally(CATEGORIES, pack.entities.map((e) => e.category))}), ` +
    `${pack.facts.length} facts (${tally(FACT_KINDS, pack.facts.map((f) => f.kind))}), ` +
    `${pack.story.summary.length} key points; all ${citations} citations are whole sentences of ${articleName}, one each, verbatim`
  );
}

function report(shownDir: string, problems: PackProblem[]): void {
  for (const p of problems) process.stderr.write(`${path.join(shownDir, p.file)} ${p.path}: ${p.message}\n`);
  process.stderr.write(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${shownDir}\n`);
}

async function main(dirArg: string | undefined): Promise<number> {
  const dir = dirArg === undefined ? DEFAULT_DIR : path.resolve(dirArg);
  // Print paths the way the user wrote them, so lines can be pasted back into an editor.
  const shownDir = dirArg === undefined ? path.relative(process.cwd(), DEFAULT_DIR) || '.' : path.normalize(dirArg);

  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) {
    process.stderr.write(`${shownDir}: not a directory\n`);
    return 1;
  }
  const read = await readPack(dir);
  if (!read.ok) {
    report(shownDir, read.problems);
    return 1;
  }
  const { files, article, articleName } = read.pack;
  const result = parseStoryPack(files, article, { articleName });
  if (!result.ok) {
    report(shownDir, result.problems);
    return 1;
  }
  process.stdout.write(`${shownDir}: ${summarise(result.pack, articleName)}\n`);
  return 0;
}

main(process.argv[2]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`check-data: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);

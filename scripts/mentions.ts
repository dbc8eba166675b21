/**
 * Lists the story's entity mentions in saved HTML pages, one JSON object a line:
 *
 *   npx tsx scripts/mentions.ts [--entities FILE.json] PAGE.html...
 *   npm run mentions -- PAGE.html...
 *
 * The pages go through the same text walk and matcher as the content script,
 * so this is the way to check precision on real pages without a browser.
 * Pages are parsed with linkedom: it never runs the pages' scripts, loads
 * nothing over the network, and parses large pages about three times faster
 * than happy-dom. Exit status: 0 all pages read, 1 some page could not be
 * read or parsed (reported on stderr after the others are printed), 2 bad
 * usage or entities file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { prettifyError } from 'zod/mini';
import { compileMatcher, type Matcher } from '../core/matcher';
import { EntitiesFileSchema, type Entity } from '../core/story/schema';
import { scanBlocks } from '../page/find-mentions';
import { collectBlocks } from '../page/text-walk';

const DEFAULT_ENTITIES = fileURLToPath(new URL('../data/summit/entities.json', import.meta.url));
const CONTEXT_CHARS = 40;
/** Raw characters read on each side before collapsing whitespace down to CONTEXT_CHARS. */
const CONTEXT_WINDOW = 400;

const USAGE = 'usage: mentions [--entities ENTITIES.json] PAGE.html...';

interface MentionLine {
  file: string;
  entity: string;
  name: string;
  category: string;
  text: string;
  context: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): { entitiesPath: string; files: string[] } {
  let entitiesPath = DEFAULT_ENTITIES;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--entities') {
      const value = argv[++i];
      if (!value) throw new UsageError('--entities needs a file');
      entitiesPath = value;
    } else if (arg.startsWith('--entities=')) {
      entitiesPath = arg.slice('--entities='.length);
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError('');
    } else if (arg === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) throw new UsageError('no page given');
  return { entitiesPath, files };
}

function loadEntities(path: string): Entity[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read entities file ${path}: ${(error as Error).message}`);
  }
  const parsed = EntitiesFileSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`invalid entities file ${path}:\n${prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * Saved pages are usually UTF-8 whatever their <meta charset> claims (pages
 * re-saved by a browser keep the old declaration), so UTF-8 is tried first
 * and the declared charset only when the bytes are not valid UTF-8.
 */
function decodePage(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = bytes.subarray(0, 4096).toString('latin1');
    const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
    try {
      return new TextDecoder(declared ?? 'windows-1252').decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
}

/** Whitespace collapsed and invisible characters dropped: context is for reading. */
function tidy(text: string): string {
  return text.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/\s+/g, ' ');
}

/**
 * About CONTEXT_CHARS characters either side of the mention, cut back to a
 * whole word where a word boundary is near, whitespace collapsed.
 */
function contextOf(text: string, start: number, end: number): string {
  let before = tidy(text.slice(Math.max(0, start - CONTEXT_WINDOW), start)).trimStart();
  let after = tidy(text.slice(end, end + CONTEXT_WINDOW)).trimEnd();
  if (before.length > CONTEXT_CHARS) {
    before = before.slice(before.length - CONTEXT_CHARS);
    const space = before.indexOf(' ');
    if (space >= 0 && space < CONTEXT_CHARS / 3) before = before.slice(space + 1);
  }
  if (after.length > CONTEXT_CHARS) {
    after = after.slice(0, CONTEXT_CHARS);
    const space = after.lastIndexOf(' ');
    if (space > (CONTEXT_CHARS * 2) / 3) after = after.slice(0, space);
  }
  // Never leave half a surrogate pair at a cut.
  if (/^[\udc00-\udfff]/.test(before)) before = before.slice(1);
  if (/[\ud800-\udbff]$/.test(after)) after = after.slice(0, -1);
  return before + tidy(text.slice(start, end)) + after;
}

function mentionsInHtml(html: string, file: string, matcher: Matcher, byId: Map<string, Entity>): MentionLine[] {
  const { document } = parseHTML(html);
  const blocks = collectBlocks(document as unknown as Document);
  return scanBlocks(blocks, matcher).map(({ block, span }) => {
    const entity = byId.get(span.entityId)!;
    return {
      file,
      entity: entity.id,
      name: entity.name,
      category: entity.category,
      text: block.text.slice(span.start, span.end),
      context: contextOf(block.text, span.start, span.end),
    };
  });
}

function main(argv: string[]): number {
  let files: string[];
  let entities: Entity[];
  try {
    const args = parseArgs(argv);
    files = args.files;
    entities = loadEntities(args.entitiesPath);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) process.stderr.write(`mentions: ${error.message}\n`);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }

  const matcher = compileMatcher(entities);
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const failures: string[] = [];
  for (const file of files) {
    let html: string;
    try {
      html = decodePage(readFileSync(file));
    } catch (error) {
      failures.push(`mentions: cannot read ${file}: ${(error as Error).message}`);
      continue;
    }
    let lines: MentionLine[];
    try {
      lines = mentionsInHtml(html, file, matcher, byId);
    } catch (error) {
      failures.push(`mentions: cannot parse ${file}: ${(error as Error).message}`);
      continue;
    }
    if (lines.length > 0) process.stdout.write(lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  }
  for (const failure of failures) process.stderr.write(`${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}

// exitCode rather than exit(): stdout may still be draining into a pipe.
process.exitCode = main(process.argv.slice(2));

/**
 * The matcher's Aho-Corasick automaton against one trie-factored regular
 * expression built from the same forms, on ~4 MB of news-like text:
 *
 *   npx tsx scripts/matcher-bench.ts [ENTITIES.json] [PAGE.html ...]
 *
 * The regexes are throughput baselines only: they find leftmost-longest hits
 * on word boundaries but apply none of the rules (after-full-name,
 * exclusions, shouted acronyms). V8's compiled regex can beat the automaton
 * on a small pack, but its speed depends on the pack's shape, and once the
 * pattern source grows past roughly 20 KB (the ignorable-tolerant regex of
 * the summit pack does) V8 stops optimising it and it turns ~50 times slower.
 * The automaton's cost barely moves with the pack.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compileMatcher, createMatchState } from '../core/matcher';
import { buildPatterns } from '../core/matcher/patterns';
import { EntitiesFileSchema } from '../core/story/schema';

const TARGET = 4 * 1024 * 1024;

const [entitiesPath = 'tests/fixtures/summit-entities.json', ...pages] = process.argv.slice(2);
const entities = EntitiesFileSchema.parse(JSON.parse(readFileSync(entitiesPath, 'utf8')));

function pageText(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
}

const sources = [readFileSync('data/summit/article.txt', 'utf8'), ...pages.map(pageText)];
let text = '';
while (text.length < TARGET) for (const source of sources) text += source + '\n';
text = text.slice(0, TARGET);
// A rope built by += would be flattened by whichever contender reads it first; flatten it up front.
text = [...text].join('');

function time(label: string, run: () => number): void {
  run();
  const samples: number[] = [];
  let found = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    found = run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  console.log(`${label.padEnd(28)} median ${samples[3]!.toFixed(1)} ms  min ${samples[0]!.toFixed(1)} ms  hits ${found}`);
}

const compileStart = performance.now();
const matcher = compileMatcher(entities);
console.log(`compile (automaton)          ${(performance.now() - compileStart).toFixed(1)} ms`);

const paragraphs = text.split('\n');
time('aho-corasick, whole string', () => matcher.scan(text, createMatchState()).length);
time('aho-corasick, per paragraph', () => {
  const state = createMatchState();
  let n = 0;
  for (const paragraph of paragraphs) n += matcher.scan(paragraph, state).length;
  return n;
});

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

// Forms hold a single space between words; on the page that is a whitespace run or one dash.
const CLASS: Record<string, string> = { ' ': '(?:\\s+|[\\-\\u2010-\\u2015\\u2212])', "'": "['\\u2019\\u02bc]" };
const escape = (ch: string) => CLASS[ch] ?? ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

function emit(node: TrieNode): string {
  const branches = [...node.next].map(([ch, child]) => escape(ch) + emit(child));
  if (branches.length === 0) return '';
  const group = branches.length === 1 && !node.end ? branches[0]! : `(?:${branches.join('|')})`;
  return node.end ? `(?:${group})?` : group;
}

const regexStart = performance.now();
const root: TrieNode = { end: false, next: new Map() };
for (const pattern of buildPatterns(entities)) {
  let node = root;
  for (const ch of pattern.form) {
    let child = node.next.get(ch);
    if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
    node = child;
  }
  node.end = true;
}
const regex = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])${emit(root)}(?![\\p{L}\\p{M}\\p{N}_])`, 'gu');
console.log(`compile (regex, ${regex.source.length} chars) ${(performance.now() - regexStart).toFixed(1)} ms`);

time('regex, whole string', () => {
  let n = 0;
  regex.lastIndex = 0;
  while (regex.exec(text)) n++;
  return n;
});

// What the regex needs before it can honour the rules: ignorables allowed
// between any two characters, and overlapping search so hits inside a longer
// hit (full names seen inside a longer mention) are not lost.
const IGN = '[\\u00ad\\u200b-\\u200d\\u2060\\ufeff]*';
function emitTolerant(node: TrieNode): string {
  const branches = [...node.next].map(([ch, child]) => escape(ch) + (child.next.size ? IGN : '') + emitTolerant(child));
  if (branches.length === 0) return '';
  const group = branches.length === 1 && !node.end ? branches[0]! : `(?:${branches.join('|')})`;
  return node.end ? `(?:${group})?` : group;
}
const tolerant = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])${emitTolerant(root)}(?![\\p{L}\\p{M}\\p{N}_])`, 'gu');
console.log(`tolerant regex source         ${tolerant.source.length} chars`);
time('regex, ignorables+overlap', () => {
  let n = 0;
  tolerant.lastIndex = 0;
  for (let m = tolerant.exec(text); m; m = tolerant.exec(text)) {
    n++;
    tolerant.lastIndex = m.index + 1;
  }
  return n;
});

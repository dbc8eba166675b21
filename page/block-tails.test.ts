// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../core/matcher';
import { EntitiesFileSchema } from '../core/story/schema';
import type { PageMention } from './find-mentions';
import { PageAnnotator } from './page-annotator';
import { BlockReader } from './text-walk';
import { unpainted } from '../tooling/unpainted';

const entities = EntitiesFileSchema.parse(JSON.parse(readFileSync('data/summit/entities.json', 'utf8')));
const matcher = compileMatcher(entities);

// happy-dom has none: the annotator looks at late custom elements in idle time.
window.requestIdleCallback ??= (callback) => window.setTimeout(() => callback({ didTimeout: true, timeRemaining: () => 0 }), 1);

/** A mention by what it names and exactly where: the nodes themselves, not their text. */
function where(mentions: readonly PageMention[]): unknown[] {
  const nodes = new Map<Text, number>();
  const id = (node: Text) => {
    if (!nodes.has(node)) nodes.set(node, nodes.size);
    return nodes.get(node);
  };
  return mentions.map((m) => [m.entityId, m.text, id(m.startNode), m.startOffset, id(m.endNode), m.endOffset]);
}

/** Waits until the annotator has taken up every change of the page (its rescans rest between rounds). */
async function settled(annotator: PageAnnotator): Promise<void> {
  const busy = () => (annotator as unknown as { working: unknown }).working !== undefined;
  do await new Promise((done) => setTimeout(done, 2));
  while (busy());
}

/** What a fresh annotator, reading the page as it is now from scratch, finds. */
async function fresh(): Promise<unknown[]> {
  const other = new PageAnnotator({ matcher, painter: unpainted });
  await other.start();
  other.destroy();
  return where(other.mentions);
}

/** Lines of a log: names whole, split across what the page appends one by one, short forms, another place of a name. */
const WORDS = [
  'a line of the build log\n',
  'John Kirby spoke\n',
  'Kirby said so\n',
  'Vladimir Putin\n',
  'Putin\n',
  'Kim Jong',
  ' Un\n',
  'Moscow\n',
  'Moscow,',
  ' Idaho\n',
  'in Washington\n',
  'United States\n',
  '\n\n',
  'x'.repeat(5000),
];

type Op =
  | { kind: 'text' | 'span' | 'bold' | 'div' | 'data'; word: number }
  | { kind: 'above'; word: number }
  | { kind: 'edit'; word: number; at: number }
  | { kind: 'removeLast' | 'moveLast' | 'toggleHidden' }
  | { kind: 'beforeLast'; word: number };

const word = fc.nat(WORDS.length - 1);
/**
 * Text put in between two of the log's nodes: not blank. happy-dom's mutation records give no siblings, so a blank one
 * between two runs of text, which splits them, is taken for blank text at the log's end, which changes nothing (in a
 * browser the watcher tells them apart: the page tier's test of a line break put in between two runs).
 */
const between = word.filter((w) => /\S/.test(WORDS[w]!));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom('text' as const, 'span' as const, 'bold' as const, 'div' as const, 'data' as const), word }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('above' as const), word }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), word, at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom('removeLast' as const, 'moveLast' as const, 'toggleHidden' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('beforeLast' as const), word: between }) },
);

function apply(pre: HTMLElement, change: Op): void {
  const text = 'word' in change ? WORDS[change.word]! : '';
  const last = pre.lastChild;
  switch (change.kind) {
    case 'text':
      pre.append(text);
      break;
    case 'span':
    case 'bold':
    case 'div': {
      const element = document.createElement(change.kind === 'bold' ? 'b' : change.kind);
      element.textContent = text;
      // A <b> goes into the last <span>, if there is one: text added deeper down.
      (change.kind === 'bold' && last?.nodeName === 'SPAN' ? last : pre).appendChild(element);
      break;
    }
    case 'data':
      if (last?.nodeType === 3) (last as Text).appendData(text);
      else pre.append(text);
      break;
    case 'above':
      document.getElementById('above')!.textContent = text;
      break;
    case 'edit': {
      const nodes = [...pre.childNodes];
      const node = nodes[change.at % nodes.length]!;
      if (node.nodeType === 3) (node as Text).data = text + (node as Text).data.slice(text.length);
      else node.textContent = text;
      break;
    }
    case 'removeLast':
      if (pre.childNodes.length > 1) last?.remove();
      break;
    case 'toggleHidden':
      pre.lastElementChild?.toggleAttribute('hidden');
      break;
    case 'moveLast':
      if (last) pre.prepend(last);
      break;
    case 'beforeLast':
      pre.insertBefore(document.createTextNode(text), last);
      break;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

/** About 100 KiB of log, past TAIL_MIN_TEXT, with `sprinkled` words here and there. */
function logLines(sprinkled: readonly [number, number][]): string {
  const lines = Array.from({ length: 4000 }, () => 'a line of the build log\n');
  for (const [w, at] of sprinkled) lines[at * 10] = WORDS[w]!;
  return lines.join('');
}

/**
 * The log as a page may hold it: a <pre> of its own, or under a heading inside
 * the same element, which the first scan leaves without a tail (ScanTails: its
 * first block is not the log's). `primed`: a first change before the checked
 * ones, read whole or from the scan's tail, which records the tail a rescan leaves.
 */
const LAYOUTS = [
  { name: 'a <pre> of its own', html: '<pre id="log"></pre>', primed: false, readOn: 40 },
  { name: 'a <pre> of its own, changed once before', html: '<pre id="log"></pre>', primed: true, readOn: 40 },
  // Its first change, which has it read whole, is one of the few changes of a run.
  { name: 'a <div> under a heading inside it', html: '<div id="log" style="white-space: pre"><h3>Build log</h3><span id="lines"></span></div>', primed: false, readOn: 20 },
];

describe('a long block the page adds to, read on from its last block', () => {
  for (const layout of LAYOUTS) {
    it(`finds what a fresh read of the whole page finds, whatever the page appends, changes, hides or takes out, above the block or in it: ${layout.name}`, async () => {
      const from = vi.spyOn(BlockReader, 'from');
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(word, fc.nat(400)), { minLength: 1, maxLength: 12 }), fc.array(op, { minLength: 1, maxLength: 10 }), async (sprinkled, ops) => {
          document.body.innerHTML = `<p id="above">Weather: sunny.</p>${layout.html}<p>Kirby and Putin in Moscow, below.</p>`;
          const log = document.getElementById('log')!;
          (document.getElementById('lines') ?? log).textContent = logLines(sprinkled);
          const annotator = new PageAnnotator({ matcher, painter: unpainted });
          await annotator.start();
          if (layout.primed) {
            log.append('a line of the build log\n');
            await settled(annotator);
          }
          for (const change of ops) {
            apply(log, change);
            await settled(annotator);
            expect(where(annotator.mentions)).toEqual(await fresh());
            expect(where(annotator.shown)).toEqual(where(annotator.mentions));
          }
          annotator.destroy();
        }),
        { numRuns: 40 },
      );
      // Most of those changes were read on from the block's last block, not from its beginning.
      expect(from.mock.results.filter((result) => result.value).length).toBeGreaterThan(layout.readOn);
    }, 120_000);
  }

  it('reads the first text appended after the first scan on from the log\'s last block, not the whole log again', async () => {
    document.body.innerHTML = `<p>Vladimir Putin arrived.</p><pre id="log">${logLines([[1, 0]])}</pre>`;
    const log = document.getElementById('log')!;
    const annotator = new PageAnnotator({ matcher, painter: unpainted });
    await annotator.start();
    const from = vi.spyOn(BlockReader, 'from');
    log.append('Kirby said so\n');
    await settled(annotator);
    expect(from.mock.results.filter((result) => result.value)).toHaveLength(1);
    expect(annotator.mentions.map((m) => m.text)).toEqual(['Vladimir Putin', 'John Kirby', 'Kirby']);
    expect(where(annotator.mentions)).toEqual(await fresh());
    annotator.destroy();
  });

  it('lets go of a log the page took out', async () => {
    document.body.innerHTML = `<pre id="log">${logLines([])}</pre><p>Kim Jong Un</p>`;
    const annotator = new PageAnnotator({ matcher, painter: unpainted });
    await annotator.start();
    const tails = (annotator as unknown as { tails: { tails: Map<Node, unknown> } }).tails.tails;
    expect([...tails.keys()]).toEqual([document.getElementById('log')]);
    document.getElementById('log')!.remove();
    document.body.append('Putin');
    await settled(annotator);
    expect(tails.size).toBe(0);
    annotator.destroy();
  });
});

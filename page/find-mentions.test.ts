// @vitest-environment happy-dom
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { compileMatcher } from '../core/matcher';
import { EntitiesFileSchema } from '../core/story/schema';
import { SUMMIT_ENTITIES } from '../tests/fixtures/summit-entities';
import { findMentions, type PageMention } from './find-mentions';
import { collectBlocks, type TextBlock } from './text-walk';

const matcher = compileMatcher(SUMMIT_ENTITIES);

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

/** What a Range over the mention reads, to check the node positions. */
function rangeText(mention: PageMention): string {
  const range = mention.startNode.ownerDocument.createRange();
  range.setStart(mention.startNode, mention.startOffset);
  range.setEnd(mention.endNode, mention.endOffset);
  return range.toString();
}

function summary(mentions: PageMention[]): string[] {
  return mentions.map((mention) => `${mention.entityId}:${mention.text}`);
}

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findMentions', () => {
  it('finds a name split across inline elements, with node positions for a Range', () => {
    const mentions = findMentions(page('<p>Then Kim <b>Jong</b>-un met <i>Vladimir Putin</i>.</p>'), matcher);
    expect(summary(mentions)).toEqual(['kim-jong-un:Kim Jong-un', 'vladimir-putin:Vladimir Putin']);
    const [kim] = mentions;
    expect([kim!.startNode.data, kim!.startOffset, kim!.endNode.data, kim!.endOffset]).toEqual(['Then Kim ', 5, '-un met ', 3]);
    expect(mentions.map(rangeText)).toEqual(['Kim Jong-un', 'Vladimir Putin']);
    expect(kim!.alias).toBe('Kim Jong Un');
  });

  it('carries full-name sightings from block to block in document order', () => {
    const doc = page('<h1>Putin in Pyongyang</h1><p>Vladimir Putin landed.</p><ul><li>Putin spoke.</li></ul>');
    expect(summary(findMentions(doc, matcher))).toEqual([
      'pyongyang:Pyongyang',
      'vladimir-putin:Vladimir Putin',
      'vladimir-putin:Putin',
    ]);
  });

  it('takes “Moscow, Idaho” to speak for the article it stands in, or for the page when it stands in none', () => {
    const front = page(`<article><h2>Vigil in Moscow, Idaho</h2><p>Moscow police spoke.</p>
<div role="article"><p>A reader writes: Moscow police were kind.</p></div></article>
<article><p>Putin flew home to Moscow.</p></article>`);
    expect(summary(findMentions(front, matcher))).toEqual(['moscow:Moscow']);
    const plain = page('<h1>Vigil in Moscow, Idaho</h1><p>Moscow police spoke.</p><div><p>Putin flew home to Moscow.</p></div>');
    expect(findMentions(plain, matcher)).toEqual([]);
  });

  it('does not count a full name in a skipped region as seen', () => {
    const doc = page('<script>var who = "Vladimir Putin";</script><textarea>Vladimir Putin</textarea><p>Putin spoke.</p>');
    expect(findMentions(doc, matcher)).toEqual([]);
  });

  it('matches a name with a soft hyphen across nodes and spans the original text', () => {
    const mentions = findMentions(page('<p>In Pyong&shy;<b>yang</b>, talks.</p>'), matcher);
    expect(summary(mentions)).toEqual(['pyongyang:Pyong\u00adyang']);
    expect(rangeText(mentions[0]!)).toBe('Pyong\u00adyang');
  });

  it('finds mentions in shadow roots and same-origin frames', () => {
    const doc = page('<p>Russia</p><div id="host"></div><iframe srcdoc="<p>Inside Moscow</p>"></iframe>');
    doc.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>the Korean Peninsula</p>';
    const mentions = findMentions(doc, matcher);
    expect(summary(mentions)).toEqual(['russia:Russia', 'korean-peninsula:Korean Peninsula', 'moscow:Moscow']);
    expect(mentions.map(rangeText)).toEqual(['Russia', 'Korean Peninsula', 'Moscow']);
  });

  it('keeps blocks apart: a name cannot straddle two paragraphs', () => {
    expect(findMentions(page('<p>North</p><p>Korea</p>'), matcher)).toEqual([]);
  });

  it('finds every name of a plain-text book read in cuts, at their edges and across its line breaks, a short form by the full name cuts above', () => {
    const line = 'the prince said that he would go to the ball and the countess smiled\n';
    const paragraph = `Vladimir Putin spoke.\n${line.repeat(8)}They met Kim Jong\nUn in Pyongyang, North Korea`;
    const text = `${Array.from({ length: 400 }, () => paragraph).join('\n\n')}\n\nPutin left.`;
    const pre = document.createElement('pre');
    pre.textContent = text;
    page('').body.append(pre);
    expect(collectBlocks(document).length).toBeGreaterThan(6);
    const mentions = findMentions(document, matcher);
    const named = (entity: string) => mentions.filter((mention) => mention.entityId === entity).length;
    expect([named('vladimir-putin'), named('kim-jong-un'), named('pyongyang'), named('north-korea')]).toEqual([401, 400, 400, 400]);
    expect(mentions.map(rangeText).every((text, i) => text === mentions[i]!.text)).toBe(true);
    expect(mentions.at(-1)!.text).toBe('Putin');
  });

  it('finds every name of a paragraph of megabytes on one line, read in cuts at the ends of its sentences and past them', () => {
    const sentence = 'Vladimir V. Putin flew from Washington, D.C. to N. Korea and spoke to the U.S. delegation there. ';
    const pre = document.createElement('p');
    pre.textContent = sentence.repeat(12_000);
    page('').body.append(pre);
    expect(collectBlocks(document).length).toBeGreaterThan(3);
    // The bundled pack: its names hold full stops after a capital ("Vladimir V. Putin", "Washington, D.C.").
    const bundled = compileMatcher(EntitiesFileSchema.parse(JSON.parse(readFileSync('data/summit/entities.json', 'utf8'))));
    const mentions = findMentions(document, bundled);
    const named = (entity: string) => mentions.filter((mention) => mention.entityId === entity).length;
    expect([named('vladimir-putin'), named('washington'), named('north-korea'), named('united-states')]).toEqual([12_000, 12_000, 12_000, 12_000]);
    expect(mentions.slice(0, 4).map((mention) => mention.text)).toEqual(['Vladimir V. Putin', 'Washington, D.C.', 'N. Korea', 'U.S.']);
    expect(mentions.map(rangeText).every((text, i) => text === mentions[i]!.text)).toBe(true);
  });

  it('finds every name of a JSON file of one line read in cuts', () => {
    const json = JSON.stringify(Array.from({ length: 3000 }, (_, id) => ({ id, title: 'Vladimir Putin met Kim Jong Un', body: 'The talks went on.' })));
    const pre = document.createElement('pre');
    pre.textContent = json;
    page('').body.append(pre);
    expect(collectBlocks(document).length).toBeGreaterThan(1);
    const mentions = findMentions(document, matcher);
    expect(mentions.length).toBe(6000);
    expect(mentions.map(rangeText).every((text, i) => text === mentions[i]!.text)).toBe(true);
  });
});

// ---- Property: random documents ------------------------------------------

type Tree =
  | { kind: 'text'; text: string }
  | { kind: 'element'; tag: string; editable: string | null; children: Tree[] }
  | { kind: 'host'; shadow: Tree[]; children: Tree[] };

const fragment = fc.oneof(
  fc.constantFrom(
    'Vladimir Putin', 'Putin', 'Kim ', 'Jong', '-un', ' Un', 'North', ' Korea', 'Pyong\u00adyang', 'Mos\u200bcow',
    'U.S.', '-led', 'Russia’s', ' Far East', 'Washington Post', 'Chinatown', 'NORTH KOREA', '\u00a0', ' ', '\n  ',
  ),
  fc.string({ maxLength: 6 }),
);
const textArb = fc.array(fragment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

const TAGS = [
  'b', 'i', 'span', 'a', 'em', 'p', 'div', 'li', 'h2', 'td', 'section', 'br',
  'script', 'style', 'textarea', 'noscript', 'template', 'backstory-card',
];

const { tree } = fc.letrec<{ tree: Tree; element: Tree; host: Tree; text: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('text'), tie('element'), tie('host')),
  text: textArb.map((text) => ({ kind: 'text' as const, text })),
  element: fc.record({
    kind: fc.constant('element' as const),
    tag: fc.constantFrom(...TAGS),
    editable: fc.option(fc.constantFrom<string>('', 'true', 'false', 'plaintext-only'), { freq: 5, nil: null }),
    children: fc.array(tie('tree'), { maxLength: 4 }),
  }),
  host: fc.record({
    kind: fc.constant('host' as const),
    shadow: fc.array(tie('tree'), { maxLength: 3 }),
    children: fc.array(tie('tree'), { maxLength: 2 }),
  }),
}));

/** Builds the tree into `parent`; returns every shadow root made, to check them afterwards. */
function build(doc: Document, parent: Node, trees: Tree[], shadows: ShadowRoot[]): void {
  for (const t of trees) {
    if (t.kind === 'text') {
      parent.appendChild(doc.createTextNode(t.text));
    } else if (t.kind === 'element') {
      const el = doc.createElement(t.tag);
      if (t.editable !== null) el.setAttribute('contenteditable', t.editable);
      parent.appendChild(el);
      if (t.tag !== 'br') build(doc, el, t.children, shadows);
    } else {
      const host = doc.createElement('div');
      parent.appendChild(host);
      const shadow = host.attachShadow({ mode: 'open' });
      shadows.push(shadow);
      build(doc, shadow, t.shadow, shadows);
      build(doc, host, t.children, shadows);
    }
  }
}

function snapshot(doc: Document, shadows: ShadowRoot[]): string[] {
  return [
    doc.documentElement.outerHTML,
    doc.documentElement.textContent ?? '',
    ...shadows.flatMap((shadow) => [shadow.innerHTML, shadow.textContent ?? '']),
  ];
}

/** The walk as linkedom runs it: a TreeWalker that can only go to the next node. */
function withNextNodeOnly<T>(doc: Document, run: () => T): T {
  const real = doc.createTreeWalker.bind(doc);
  Object.defineProperty(doc, 'createTreeWalker', {
    configurable: true,
    value: (root: Node, whatToShow?: number) => {
      const walker = real(root, whatToShow);
      return { nextNode: () => walker.nextNode() };
    },
  });
  try {
    return run();
  } finally {
    delete (doc as { createTreeWalker?: unknown }).createTreeWalker;
  }
}

function describeBlocks(blocks: TextBlock[]): unknown[] {
  return blocks.map((block) => [block.text, block.starts, block.nodes]);
}

describe('findMentions on random documents', () => {
  it('never throws, never changes the document or its shadow roots, and returns valid positions', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), (trees) => {
        // A document of its own: scripts in it never run, whatever the tree holds.
        const doc = document.implementation.createHTMLDocument('random');
        const shadows: ShadowRoot[] = [];
        build(doc, doc.body, trees, shadows);
        const before = snapshot(doc, shadows);

        const mentions = findMentions(doc, matcher);

        expect(snapshot(doc, shadows)).toEqual(before);
        for (const mention of mentions) {
          expect(mention.startOffset).toBeGreaterThanOrEqual(0);
          expect(mention.startOffset).toBeLessThan(mention.startNode.length);
          expect(mention.endOffset).toBeGreaterThan(0);
          expect(mention.endOffset).toBeLessThanOrEqual(mention.endNode.length);
          expect(mention.text.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same blocks whether the walker can jump over skipped regions or not', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 6 }), (trees) => {
        const doc = document.implementation.createHTMLDocument('random');
        build(doc, doc.body, trees, []);
        const jumping = collectBlocks(doc);
        const stepping = withNextNodeOnly(doc, () => collectBlocks(doc));
        expect(describeBlocks(stepping)).toEqual(describeBlocks(jumping));
      }),
      { numRuns: 300 },
    );
  });
});

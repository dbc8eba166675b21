// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { composedPosition, inReadingOrder, orderedStretch, sortInReadingOrder } from './composed-order';
import { collectBlocks } from './text-walk';

const FOLLOWING = 4;
const CONTAINS = 8;
const CONTAINED_BY = 16;

/** A page whose text sits in the document, in shadow roots and in a shadow root inside one. */
function page() {
  document.body.innerHTML = '<p>one</p><div id="outer"><p>five</p></div><p>six</p>';
  const outer = document.getElementById('outer')!;
  const shadow = outer.attachShadow({ mode: 'open' });
  shadow.innerHTML = '<p>two</p><div id="inner"></div><p>four</p>';
  const inner = shadow.getElementById('inner')!;
  inner.attachShadow({ mode: 'open' }).innerHTML = '<p>three</p>';
  return { outer, shadow, inner, innerShadow: inner.shadowRoot! };
}

const textNodes = () => collectBlocks(document.body).flatMap((block) => block.nodes);

describe('reading order across shadow roots', () => {
  it('sorts nodes of different trees as the text walk reads them: shadow content where its host stands', () => {
    page();
    const read = textNodes();
    expect(read.map((node) => node.data)).toEqual(['one', 'two', 'three', 'four', 'five', 'six']);
    const shuffled = [read[3]!, read[5]!, read[0]!, read[2]!, read[4]!, read[1]!];
    expect(shuffled.sort(inReadingOrder).map((node) => node.data)).toEqual(['one', 'two', 'three', 'four', 'five', 'six']);
  });

  it('agrees with itself both ways round', () => {
    page();
    const read = textNodes();
    for (const a of read) {
      for (const b of read) {
        if (a === b) continue;
        const before = read.indexOf(a) < read.indexOf(b);
        expect(composedPosition(a, b) & FOLLOWING, `${a.data} → ${b.data}`).toBe(before ? FOLLOWING : 0);
      }
    }
  });

  it('counts what is inside a host’s shadow root as inside the host, and a shadow root’s content as inside it', () => {
    const { outer, shadow, inner, innerShadow } = page();
    const [one, , three, , five] = textNodes();
    expect(composedPosition(outer, three!) & CONTAINED_BY).toBe(CONTAINED_BY);
    expect(composedPosition(three!, outer) & CONTAINS).toBe(CONTAINS);
    expect(composedPosition(shadow, three!) & CONTAINED_BY).toBe(CONTAINED_BY);
    expect(composedPosition(innerShadow, three!) & CONTAINED_BY).toBe(CONTAINED_BY);
    expect(composedPosition(inner, five!) & CONTAINED_BY).toBe(0);
    // The host's own children come after its shadow root, and are not inside the shadow root.
    expect(composedPosition(shadow, five!)).toBe(FOLLOWING);
    expect(composedPosition(innerShadow, one!) & (CONTAINED_BY | FOLLOWING)).toBe(0);
  });

  it('sorts many nodes in reading order by a key each, shadow roots and their hosts’ children among them', () => {
    const { outer, shadow, inner, innerShadow } = page();
    // Long lists of children, counted and numbered, around the shadow roots.
    for (const parent of [document.body, shadow, innerShadow]) parent.append(...Array.from({ length: 60 }, (_, i) => Object.assign(document.createElement('p'), { textContent: `${i}` })));
    outer.append(...Array.from({ length: 40 }, () => document.createElement('span')));
    const all: Node[] = [document.body, outer, shadow, inner, innerShadow];
    for (const root of [document.body, shadow, innerShadow]) all.push(...root.querySelectorAll('*'), ...[...root.querySelectorAll('p')].map((p) => p.firstChild!));
    const expected = [...new Set(all)].sort(inReadingOrder);
    const ordered = orderedStretch();
    try {
      // Subsets drawn in a fixed shuffle, each sorted the same as by comparisons.
      for (let n = 0; n < 20; n++) {
        const subset = expected.filter((_, i) => (i * 7 + n * 13) % 5 < 2).sort((a, b) => ((all.indexOf(a) * 31 + n) % 97) - ((all.indexOf(b) * 31 + n) % 97));
        expect(sortInReadingOrder(subset)).toEqual(expected.filter((node) => subset.includes(node)));
      }
    } finally {
      ordered.close();
    }
  });

  it('sorts 300 moved items of a feed without walking up from both nodes of each comparison', () => {
    document.body.innerHTML = `<main><div>${'<p>item</p>'.repeat(3_000)}</div></main>`;
    const feed = document.querySelector('main > div')!;
    feed.prepend(...[...feed.children].slice(-300));
    const items = [...feed.children].slice(0, 300);
    // In an order of the mutations' choosing: a fixed shuffle.
    const moved = items.map((item, i) => ({ item, at: (i * 7919) % 300 })).sort((a, b) => a.at - b.at).map(({ item }) => item);
    let climbed = 0;
    const parent = Object.getOwnPropertyDescriptor(Node.prototype, 'parentNode')!;
    const ordered = orderedStretch();
    Object.defineProperty(Node.prototype, 'parentNode', { ...parent, get() { climbed++; return parent.get!.call(this); } });
    let sorted: Element[];
    try {
      sorted = sortInReadingOrder(moved);
    } finally {
      Object.defineProperty(Node.prototype, 'parentNode', parent);
      ordered.close();
    }
    expect(sorted).toEqual(items);
    // A key each, six steps up from the item to the document. A sort by comparisons walked up from both nodes of each of
    // some 2,400 comparisons.
    expect(climbed).toBeLessThan(300 * 8);
  });

  it('numbers the children of a parent of 10,000 without keeping a number for each', () => {
    document.body.innerHTML = `<main>${'<p>line</p>'.repeat(10_000)}</main>`;
    const lines = [...document.querySelectorAll('main > p')];
    const pairs = Array.from({ length: 200 }, (_, i) => [lines[(i * 7919) % lines.length]!, lines[(i * 104_729) % lines.length]!] as const);
    const native = pairs.map(([a, b]) => a.compareDocumentPosition(b) & ~0x20);
    // A number kept per child, 10,000 entries of a map, took 13-17 ms of one task for a feed of 100,000.
    let kept = 0;
    const set = Map.prototype.set;
    Map.prototype.set = function (this: Map<unknown, unknown>, key: unknown, value: unknown) {
      kept++;
      return set.call(this, key, value);
    };
    const ordered = orderedStretch();
    try {
      expect(pairs.map(([a, b]) => composedPosition(a, b))).toEqual(native);
    } finally {
      ordered.close();
      Map.prototype.set = set;
    }
    expect(kept).toBeLessThan(lines.length / 8);
  });

  it('orders the children of one parent in an ordered stretch as the browser does, after the page moved one too', () => {
    document.body.innerHTML = `<main>${'<p>line <b>x</b></p>'.repeat(40)}</main><p>after</p>`;
    const lines = () => [...document.querySelectorAll('main > p')];
    const nodes = () => [...lines().map((p) => p.firstChild!), ...lines().map((p) => p.lastChild!.firstChild!), document.querySelector('main')!];
    const native = () => nodes().flatMap((a) => nodes().map((b) => a.compareDocumentPosition(b) & ~0x20));
    const ordered = orderedStretch();
    try {
      const ours = () => nodes().flatMap((a) => nodes().map((b) => composedPosition(a, b)));
      expect(ours()).toEqual(native());
      // The page ran meanwhile, and moved its last line to the top.
      const main = document.querySelector('main')!;
      main.prepend(main.lastElementChild!);
      ordered.pageRan();
      expect(ours()).toEqual(native());
    } finally {
      ordered.close();
    }
  });
});

// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PageMention } from './find-mentions';
import { MentionStore } from './mention-store';

/** A mention of the whole text of `p`'s first text node. */
function mentionIn(p: Element, entityId = 'x'): PageMention {
  const node = p.firstChild as Text;
  return { entityId, alias: node.data, text: node.data, startNode: node, startOffset: 0, endNode: node, endOffset: node.length };
}

function page(html: string) {
  document.body.innerHTML = html;
  return [...document.querySelectorAll('p')];
}

const texts = (store: MentionStore) => store.all.map((m) => m.text);

describe('the mention store', () => {
  it('replaces the mentions inside each rescanned block in place, keeping the rest in document order', () => {
    const [a, b, c, d] = page('<p>A</p><div><p>B</p><p>C</p></div><p>D</p>');
    const store = new MentionStore();
    store.append([a, b, c, d].map((p) => mentionIn(p!)));
    b!.firstChild!.textContent = 'B2';
    store.replaceWithin([{ root: b!.parentElement!, found: [mentionIn(b!), mentionIn(c!)] }]);
    expect(texts(store)).toEqual(['A', 'B2', 'C', 'D']);
  });

  it('keeps the very mention a rescan of its block finds again, and takes the new one where the text changed', () => {
    const [a, b] = page('<p>A</p><p>B</p>');
    const store = new MentionStore();
    store.append([mentionIn(a!), mentionIn(b!)]);
    const [oldA, oldB] = store.all;
    b!.firstChild!.textContent = 'B2';
    store.replaceWithin([
      { root: a!, found: [mentionIn(a!)] },
      { root: b!, found: [mentionIn(b!)] },
    ]);
    expect(store.all[0]).toBe(oldA);
    expect(store.all[1]).not.toBe(oldB);
    expect(texts(store)).toEqual(['A', 'B2']);
  });

  it('places the mentions of new blocks between those around them', () => {
    const [a, d] = page('<p>A</p><p>D</p>');
    const store = new MentionStore();
    store.append([mentionIn(a!), mentionIn(d!)]);
    const b = document.createElement('p');
    b.textContent = 'B';
    const e = document.createElement('p');
    e.textContent = 'E';
    a!.after(b);
    document.body.append(e);
    store.replaceWithin([
      { root: b, found: [mentionIn(b)] },
      { root: e, found: [mentionIn(e)] },
    ]);
    expect(texts(store)).toEqual(['A', 'B', 'D', 'E']);
  });

  it('drops a block’s old mentions when its rescan finds none', () => {
    const [a, b] = page('<p>A</p><p>B</p>');
    const store = new MentionStore();
    store.append([mentionIn(a!), mentionIn(b!)]);
    store.replaceWithin([{ root: a!, found: [] }]);
    expect(texts(store)).toEqual(['B']);
  });

  it('copes with mentions the page removed meanwhile: they go, the rest stays in order', () => {
    const [a, b, c] = page('<p>A</p><p>B</p><p>C</p>');
    const store = new MentionStore();
    store.append([a, b, c].map((p) => mentionIn(p!)));
    b!.remove();
    const n = document.createElement('p');
    n.textContent = 'N';
    c!.after(n);
    store.replaceWithin([{ root: n, found: [mentionIn(n)] }]);
    expect(texts(store)).toEqual(['A', 'C', 'N']);
  });

  it('keeps, across a scan of the whole page, the very mentions found again, and only those', () => {
    const [a, b, c] = page('<p>A</p><p>B</p><p>C</p>');
    const store = new MentionStore();
    store.append([a, b, c].map((p) => mentionIn(p!)));
    const [oldA, oldB] = store.all;
    b!.firstChild!.textContent = 'B2';
    c!.remove();
    store.replaceAll([mentionIn(a!), mentionIn(b!)]);
    expect(store.all[0]).toBe(oldA);
    expect(store.all[1]).not.toBe(oldB);
    expect(texts(store)).toEqual(['A', 'B2']);
  });

  it('keeps its counts per entity as blocks are rescanned, mentions dropped and the page scanned anew', () => {
    const [a, b, c] = page('<p>A</p><p>B</p><p>C</p>');
    const store = new MentionStore();
    store.append([mentionIn(a!, 'x'), mentionIn(b!, 'y'), mentionIn(c!, 'x')]);
    expect(store.counts()).toEqual(new Map([['x', 2], ['y', 1]]));
    store.replaceWithin([{ root: b!, found: [mentionIn(b!, 'x')] }]);
    expect(store.counts()).toEqual(new Map([['x', 3]]));
    c!.remove();
    store.dropDisconnected();
    expect(store.counts()).toEqual(new Map([['x', 2]]));
    store.replaceAll([mentionIn(a!, 'y')]);
    expect(store.counts()).toEqual(new Map([['y', 1]]));
    store.clear();
    expect(store.counts()).toEqual(new Map());
  });

  it('drops the mentions of some entities after a block, and only those, counts with them', () => {
    const [a, b, c, d] = page('<p>A</p><p>B</p><p>C</p><p>D</p>');
    const store = new MentionStore();
    store.append([mentionIn(a!, 'moscow'), mentionIn(b!, 'moscow'), mentionIn(c!, 'putin'), mentionIn(d!, 'moscow')]);
    expect(store.dropAfter(b!, [{ entityId: 'moscow' }]).map((m) => m.text)).toEqual(['D']);
    expect(texts(store)).toEqual(['A', 'B', 'C']);
    expect(store.counts()).toEqual(new Map([['moscow', 2], ['putin', 1]]));
    expect(store.dropAfter(a!, [{ entityId: 'moscow' }]).map((m) => m.text)).toEqual(['B']);
    expect(texts(store)).toEqual(['A', 'C']);
  });

  it('drops the mentions of an entity ended in one article in that article alone', () => {
    const [a, b, c, d] = page('<article><p>A</p><p>B</p></article><article><p>C</p></article><p>D</p>');
    const store = new MentionStore();
    store.append([mentionIn(a!, 'moscow'), mentionIn(b!, 'moscow'), mentionIn(c!, 'moscow'), mentionIn(d!, 'moscow')]);
    expect(store.dropAfter(a!, [{ entityId: 'moscow', part: a!.parentElement! }]).map((m) => m.text)).toEqual(['B']);
    expect(texts(store)).toEqual(['A', 'C', 'D']);
  });

  it('tells the text nodes a mention started or ended in from the rest, never forgetting one it holds', () => {
    const [a, b] = page('<p>A</p><p>B</p>');
    const store = new MentionStore();
    store.append([mentionIn(a!)]);
    expect(store.touches(a!.firstChild as Text)).toBe(true);
    expect(store.touches(b!.firstChild as Text)).toBe(false);
    store.replaceWithin([{ root: b!, found: [mentionIn(b!)] }]);
    expect(store.touches(b!.firstChild as Text)).toBe(true);
    store.clear();
    expect(store.touches(a!.firstChild as Text)).toBe(false);
  });

  it('finds the kept mentions of a log of one text node by their place, not by looking through all of them for each', () => {
    // A .txt file or a <pre> log holds tens of thousands of mentions in one text node; a rescan of it after the page
    // appends a line looked through every one for each, a frozen tab of seconds at 60,000.
    const [p] = page(`<p>${'Kim Jong Un. '.repeat(20_000)}</p>`);
    const node = p!.firstChild as Text;
    const at = (i: number): PageMention => {
      const startOffset = i * 13;
      return { entityId: 'kim', alias: 'Kim Jong Un', text: 'Kim Jong Un', startNode: node, startOffset, endNode: node, endOffset: startOffset + 11 };
    };
    let looks = 0;
    const counted = (mention: PageMention): PageMention =>
      new Proxy(mention, {
        get(target, key, receiver) {
          looks++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    const store = new MentionStore();
    const old = Array.from({ length: 20_000 }, (_, i) => counted(at(i)));
    store.append(old);
    looks = 0;
    store.replaceWithin([{ root: p!, found: old.map((_, i) => at(i)) }]);
    expect(store.all.every((mention, i) => mention === old[i])).toBe(true);
    expect(looks).toBeLessThan(old.length * 60);
  });
});

describe('the mention store, on a long page', () => {
  it('drops the mentions of moved nodes at the cost of what moved, not of every mention on the page', () => {
    const ps = page('<p>A</p>'.repeat(10_000));
    const store = new MentionStore();
    store.append(ps.map((p) => mentionIn(p)));
    const moved = ps.slice(-3);
    document.body.prepend(...moved);
    // A walk up from each mention to tell whether it is inside a moved node climbed through every one of the page's.
    let climbed = 0;
    const parent = Object.getOwnPropertyDescriptor(Node.prototype, 'parentNode')!;
    Object.defineProperty(Node.prototype, 'parentNode', { ...parent, get() { climbed++; return parent.get!.call(this); } });
    try {
      expect(store.dropInside(moved)).toHaveLength(3);
    } finally {
      Object.defineProperty(Node.prototype, 'parentNode', parent);
    }
    expect(store.all).toHaveLength(9_997);
    expect(climbed).toBeLessThan(100);
  });
});

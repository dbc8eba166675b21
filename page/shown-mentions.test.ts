// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { PageMention } from './find-mentions';
import { MentionIndex } from './mention-index';
import { MentionLookup } from './mention-lookup';
import { MentionStore, type StoreEdit } from './mention-store';
import { ShownMentions, type ShownEdit } from './shown-mentions';

/**
 * Stands in for the matcher: each capitalised word is a mention of itself, and
 * "Jo" ending one text node with "hn" starting the next in its paragraph (or "h", then "n…") is "John" split by tags.
 */
function findIn(root: Node): PageMention[] {
  const found: PageMention[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  nodes.forEach((node, i) => {
    for (const word of node.data.matchAll(/[A-Z][a-z]+/g)) {
      const start = word.index;
      const end = start + word[0].length;
      const next = nodes[i + 1];
      const after = nodes[i + 2];
      const block = (text: Text | undefined) => text?.parentElement?.closest('p');
      const sameBlock = block(next) === block(node);
      if (word[0] === 'Jo' && end === node.length && sameBlock && next?.data.startsWith('hn')) {
        found.push({ entityId: 'john', alias: 'John', text: 'John', startNode: node, startOffset: start, endNode: next, endOffset: 2 });
      } else if (word[0] === 'Jo' && end === node.length && sameBlock && next?.data === 'h' && block(after) === block(node) && after?.data.startsWith('n')) {
        // Across three nodes: "Jo", "h", "n…".
        found.push({ entityId: 'john', alias: 'John', text: 'John', startNode: node, startOffset: start, endNode: after, endOffset: 1 });
      } else {
        found.push({ entityId: word[0].toLowerCase(), alias: word[0], text: word[0], startNode: node, startOffset: start, endNode: node, endOffset: end });
      }
    }
  });
  return found;
}

const WORDS = ['Kim ', 'and ', 'Putin ', 'Jo', 'hn ', 'met ', 'Seoul', ' in ', 'h', 'n Kim'];
const paragraph = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.boolean()), { minLength: 1, maxLength: 6 })
  .map((parts) => `<p>${parts.map(([word, bold]) => (bold ? `<b>${word}</b>` : word)).join('')}</p>`);

type Op =
  | { kind: 'edit'; at: number; html: string }
  | { kind: 'editTwo'; at: number; html: string }
  | { kind: 'insert'; at: number; html: string }
  | { kind: 'remove'; at: number }
  | { kind: 'removeUnseen'; at: number; html: string }
  | { kind: 'retext'; at: number; word: string }
  | { kind: 'move'; at: number; to: number }
  | { kind: 'rerenderMiddle'; at: number }
  | { kind: 'hide'; entity: string | null }
  | { kind: 'hover' }
  | { kind: 'warm'; slices: number; slice: number }
  | { kind: 'appendTail'; at: number; word: string };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), html: paragraph }),
  fc.record({ kind: fc.constant('editTwo' as const), at: fc.nat(), html: paragraph }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), html: paragraph }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('removeUnseen' as const), at: fc.nat(), html: paragraph }),
  fc.record({ kind: fc.constant('retext' as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('rerenderMiddle' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('hide' as const), entity: fc.constantFrom(null, 'kim', 'john', 'seoul') }),
  fc.record({ kind: fc.constant('hover' as const) }),
  // The card script's idle indexing, cut short after a few mentions, or run to the end.
  fc.record({ kind: fc.constant('warm' as const), slices: fc.nat({ max: 3 }), slice: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('appendTail' as const), at: fc.nat(), word: fc.constantFrom(' Kim', ' Seoul and Putin', ' met') }),
);

function textNodes(): Text[] {
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** What a fresh index of `mentions` finds at every caret position of the page. */
function everyCaret(at: (node: Node, offset: number) => PageMention | undefined): (PageMention | undefined)[] {
  return textNodes().flatMap((node) => Array.from({ length: node.length + 1 }, (_, offset) => at(node, offset)));
}

/** A page of `html`, its mentions stored and shown, and a lookup that follows the shown list. */
function followed(html: string) {
  document.body.innerHTML = html;
  const store = new MentionStore();
  const shown = new ShownMentions();
  store.append(findIn(document.body));
  shown.reset(store.all);
  const lookup = new MentionLookup({ get shown() { return shown.all; }, followShown: (follower) => shown.follow(follower) });
  return { store, shown, lookup };
}

describe('the shown mentions and the hit-test index that follows them', () => {
  it('after any run of rescans, removals and filter changes, agree with a list and an index built from scratch', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), fc.array(op, { maxLength: 12 }), (initial, ops) => {
        document.body.innerHTML = initial.join('');
        const store = new MentionStore();
        const shown = new ShownMentions();
        store.append(findIn(document.body));
        shown.reset(store.all);
        const lookup = new MentionLookup({ get shown() { return shown.all; }, followShown: (follower) => shown.follow(follower) });
        let hidden: string | null = null;
        const paragraphs = () => [...document.body.querySelectorAll('p')];
        // Every change keeps the list as it was before the index it says it changed from (what the painter relies on).
        const apply = (edit: StoreEdit) => {
          const before = shown.all;
          shown.apply(edit, store.all);
          const after = shown.all;
          for (let i = 0; i < shown.changedFrom; i++) expect(after[i]).toBe(before[i]);
        };
        const rescan = (roots: Element[]) => apply(store.replaceWithin(roots.map((root) => ({ root, found: findIn(root) }))));
        const fresh = (html: string) => {
          const template = document.createElement('template');
          template.innerHTML = html;
          return template.content.firstElementChild!;
        };
        for (const step of ops) {
          const ps = paragraphs();
          const pick = (n: number) => ps[n % Math.max(ps.length, 1)];
          if (step.kind === 'edit' && ps.length > 0) {
            const p = pick(step.at)!;
            p.innerHTML = fresh(step.html).innerHTML;
            rescan([p]);
          } else if (step.kind === 'editTwo' && ps.length > 1) {
            const a = pick(step.at)!;
            const b = pick(step.at + 1)!;
            a.innerHTML = fresh(step.html).innerHTML;
            b.append(' Kim');
            const both = a === b ? [a] : [a, b].sort((x, y) => (x.compareDocumentPosition(y) & 4 ? -1 : 1));
            rescan(both);
          } else if (step.kind === 'insert') {
            const p = fresh(step.html);
            const before = ps.length > 0 ? pick(step.at) : undefined;
            if (before) before.before(p);
            else document.body.append(p);
            rescan([p]);
          } else if (step.kind === 'remove' && ps.length > 0) {
            pick(step.at)!.remove();
            apply({ dropped: store.dropDisconnected(), runs: [] });
          } else if (step.kind === 'removeUnseen' && ps.length > 1) {
            // Taken out after the page's changes were taken, while another paragraph is rescanned: the store may
            // meet it on its way; the removal itself is taken up next.
            const gone = pick(step.at)!;
            const kept = pick(step.at + 1)!;
            gone.remove();
            kept.innerHTML = fresh(step.html).innerHTML;
            rescan([kept]);
            apply({ dropped: store.dropDisconnected(), runs: [] });
          } else if (step.kind === 'retext') {
            // The text of one node changed in place: its old mentions' offsets mean nothing any more.
            const nodes = textNodes();
            const node = nodes[step.at % Math.max(nodes.length, 1)];
            if (!node) continue;
            node.data = step.word;
            rescan([node.parentElement!.closest('p')!]);
          } else if (step.kind === 'move' && ps.length > 1) {
            // Bumped elsewhere, as a feed does: its old mentions go, and it is read again where it stands now.
            const p = pick(step.at)!;
            const before = pick(step.to)!;
            if (before !== p) before.before(p);
            else document.body.append(p);
            apply({ dropped: store.dropInside([p]), runs: [] });
            rescan([p]);
          } else if (step.kind === 'rerenderMiddle' && ps.length > 0) {
            // A framework replaces an inline element with an equal one: a name across three nodes keeps its ends.
            const p = pick(step.at)!;
            const bold = p.querySelector('b');
            if (!bold) continue;
            bold.replaceWith(bold.cloneNode(true));
            rescan([p]);
          } else if (step.kind === 'hide') {
            hidden = step.entity;
            shown.setFilter((id) => id !== hidden);
            shown.reset(store.all);
          } else if (step.kind === 'hover') {
            lookup.atCaret(document.body, 0);
          } else if (step.kind === 'warm') {
            let slices = step.slices;
            lookup.warm(() => slices-- > 0, step.slice);
          } else if (step.kind === 'appendTail' && ps.length > 0) {
            // Text added at a paragraph's end, read on from there only (StoreRun.from): no name runs into it (it starts with a space).
            const p = pick(step.at)!;
            const node = document.createTextNode(step.word);
            p.append(node);
            apply(store.replaceWithin([{ root: p, from: { node, offset: 0 }, found: findIn(p).filter((m) => m.startNode === node) }]));
          }
        }
        expect(store.all.map((m) => [m.text, m.startNode, m.startOffset])).toEqual(findIn(document.body).map((m) => [m.text, m.startNode, m.startOffset]));
        expect(shown.all).toEqual(store.all.filter((m) => m.entityId !== hidden));
        const scratch = new MentionIndex(shown.all);
        const followed = everyCaret((node, offset) => lookup.atCaret(node, offset));
        const built = everyCaret((node, offset) => scratch.at(node, offset));
        expect(followed.length).toBe(built.length);
        followed.forEach((mention, i) => expect(mention).toBe(built[i]));
      }),
      { numRuns: 150 },
    );
  });

  it('splices a rescanned paragraph’s mentions in place, keeping the objects of the rest and of those found again', () => {
    document.body.innerHTML = '<p>Kim and Putin</p><p>Seoul</p><p>Putin</p>';
    const store = new MentionStore();
    const shown = new ShownMentions();
    store.append(findIn(document.body));
    shown.reset(store.all);
    const before = shown.all;
    const [kim, putin, seoul, last] = before;
    const second = document.querySelectorAll('p')[1]!;
    second.append(' and Kim');
    const edits: unknown[] = [];
    shown.follow((edit) => edits.push(edit));
    const added = shown.apply(store.replaceWithin([{ root: second, found: findIn(second) }]), store.all);
    expect(added.map((m) => m.text)).toEqual(['Kim']);
    expect(shown.all).not.toBe(before);
    expect(shown.all.map((m) => m.text)).toEqual(['Kim', 'Putin', 'Seoul', 'Kim', 'Putin']);
    expect([shown.all[0], shown.all[1], shown.all[2], shown.all[4]]).toEqual([kim, putin, seoul, last]);
    expect(shown.all[2]).toBe(seoul);
    expect(edits).toEqual([{ from: before, to: shown.all, removed: [], added }]);
  });

  it('finds a name split across three nodes by its middle after the page re-rendered that middle', () => {
    const { store, shown, lookup } = followed('<p>Jo<b>h</b>n Kim</p>');
    const bold = document.querySelector('b')!;
    expect(lookup.atCaret(bold.firstChild!, 0)?.text).toBe('John');
    const again = bold.cloneNode(true) as Element;
    bold.replaceWith(again);
    const p = document.querySelector('p')!;
    shown.apply(store.replaceWithin([{ root: p, found: findIn(p) }]), store.all);
    expect(lookup.atCaret(again.firstChild!, 0)?.text).toBe('John');
  });

  it('takes a name split by tags out of readers and in again only when the page changed something before its end', () => {
    // A block of 50,000 "Kim <b>Jong</b> Un" the page added a line to had every one of them taken out of the hover index
    // and put back: 370 ms of one task.
    const { store, shown, lookup } = followed('<p>Jo<b>h</b>n Kim</p>');
    const p = document.querySelector('p')!;
    const edits: ShownEdit[] = [];
    shown.follow((edit) => edit && edits.push(edit));
    const more = document.createTextNode(' and Lee');
    p.append(more);
    shown.apply(store.replaceWithin([{ root: p, found: findIn(p) }]), store.all, [more]);
    expect(edits.at(-1)!.removed).toEqual([]);
    expect(edits.at(-1)!.added.map((m) => m.text)).toEqual(['Lee']);
    const bold = document.querySelector('b')!;
    const again = bold.cloneNode(true) as Element;
    bold.replaceWith(again);
    shown.apply(store.replaceWithin([{ root: p, found: findIn(p) }]), store.all, [p, again]);
    expect(edits.at(-1)!.removed.map((m) => m.text)).toEqual(['John']);
    expect(lookup.atCaret(again.firstChild!, 0)?.text).toBe('John');
    expect(lookup.atCaret(more, 5)?.text).toBe('Lee');
  });

  it('finds, after a rescan, a name the page completed in the text node before another name of the same node', () => {
    const { store, shown, lookup } = followed('<p><b>Ki</b>hn Kim</p>');
    const tail = document.querySelector('p')!.lastChild!;
    expect(lookup.atCaret(tail, 4)?.text).toBe('Kim');
    (document.querySelector('b')!.firstChild as Text).data = 'Jo';
    const p = document.querySelector('p')!;
    shown.apply(store.replaceWithin([{ root: p, found: findIn(p) }]), store.all);
    expect(lookup.atCaret(tail, 0)?.text).toBe('John');
    expect(lookup.atCaret(tail, 4)?.text).toBe('Kim');
  });
});

describe('the hit-test index built ahead in idle time', () => {
  it('is built a slice at a time while time is left, and the first lookup after it builds nothing', () => {
    document.body.innerHTML = '<p>Kim met Putin in Seoul and Pyongyang</p>';
    const store = new MentionStore();
    const shown = new ShownMentions();
    store.append(findIn(document.body));
    shown.reset(store.all);
    const source = { get shown() { return shown.all; }, followShown: (follower: (edit: ShownEdit | undefined) => void) => shown.follow(follower) };
    const lookup = new MentionLookup(source);
    expect(shown.all).toHaveLength(4);
    let slices = 1;
    expect(lookup.warm(() => slices-- > 0, 2)).toBe(true);
    expect(lookup.warm(() => true, 2)).toBe(false);
    const [first] = shown.all;
    // Nothing left to index: a lookup finds the mention without adding any (an index built anew would find it too).
    const added = vi.spyOn(MentionIndex.prototype, 'add');
    expect(lookup.atCaret(first!.startNode, first!.startOffset)).toBe(first);
    expect(added).not.toHaveBeenCalled();
    added.mockRestore();
  });
});

describe('a rescan while the hit-test index is still being built in idle time', () => {
  it('leaves the rest of the index to idle time, not to the rescan', () => {
    document.body.innerHTML = `<p>${'Kim met Putin. '.repeat(300)}</p><p>Seoul</p>`;
    const store = new MentionStore();
    const shown = new ShownMentions();
    store.append(findIn(document.body));
    shown.reset(store.all);
    const lookup = new MentionLookup({ get shown() { return shown.all; }, followShown: (follower) => shown.follow(follower) });
    let slices = 1;
    expect(lookup.warm(() => slices-- > 0, 4)).toBe(true);
    const added = vi.spyOn(MentionIndex.prototype, 'add');
    const last = document.body.lastElementChild!;
    last.textContent = 'Seoul and Pyongyang';
    shown.apply(store.replaceWithin([{ root: last, found: findIn(last) }]), store.all);
    const indexedInRescan = added.mock.calls.reduce((sum, [mentions]) => sum + mentions.length, 0);
    added.mockRestore();
    expect(indexedInRescan).toBeLessThan(10);
    // Built again later, it agrees with an index built from scratch.
    expect(lookup.warm(() => true)).toBe(false);
    const [first] = shown.all;
    expect(lookup.atCaret(first!.startNode, first!.startOffset)).toBe(first);
    expect(lookup.behind).toBe(false);
  });
});

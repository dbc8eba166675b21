// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MatchPlaces, takeNote, type PlaceNote } from './match-places';
import { compileMatcher } from '../core/matcher';
import { createMatchState, markSeen } from '../core/matcher/state';

function page(html: string) {
  document.body.innerHTML = html;
  return [...document.querySelectorAll('p')];
}

const note = (p: Element, seen: string[], elsewhere: string[] = [], depends: string[] = [], order: string[] = []): PlaceNote => ({
  startNode: p.firstChild as Text,
  seen,
  elsewhere,
  depends,
  order,
});
const texts = (nodes: Text[]) => nodes.map((node) => node.data);

/** Entities seen before `root`, earliest sighting first, and those named elsewhere. */
function stateBefore(places: MatchPlaces, root: Node) {
  const { state } = places.before(root);
  return { seen: [...state.seen].sort((a, b) => a[1] - b[1]).map(([id]) => id), elsewhere: [...state.elsewhere] };
}

describe('the places of names on a page', () => {
  it('gives a block the state the page showed above it, and nothing of what stands below', () => {
    const [a, b, c, d] = page('<p>A</p><p>B</p><p>C</p><p>D</p>');
    const places = new MatchPlaces();
    places.append(note(a!, ['kirby']));
    places.append(note(c!, [], ['moscow']));
    places.append(note(d!, ['us']));
    expect(stateBefore(places, a!)).toEqual({ seen: [], elsewhere: [] });
    expect(stateBefore(places, b!)).toEqual({ seen: ['kirby'], elsewhere: [] });
    expect(stateBefore(places, d!)).toEqual({ seen: ['kirby'], elsewhere: ['moscow'] });
    expect(stateBefore(places, document.body.appendChild(document.createElement('p')))).toEqual({
      seen: ['kirby', 'us'],
      elsewhere: ['moscow'],
    });
  });

  it('orders sightings by the latest before the block: that entity wins a form they share', () => {
    const [a, b, c, d, e] = page('<p>A</p><p>B</p><p>C</p><p>D</p><p>E</p>');
    const places = new MatchPlaces();
    places.append(note(a!, ['north-korea']));
    places.append(note(b!, ['south-korea']));
    places.append(note(d!, ['north-korea']));
    expect(stateBefore(places, c!).seen).toEqual(['north-korea', 'south-korea']);
    expect(stateBefore(places, e!).seen).toEqual(['south-korea', 'north-korea']);
  });

  it('replaces what a rescanned block showed, and tells which entities it named elsewhere before any block did', () => {
    const [a, b, c] = page('<p>A</p><p>B</p><p>C</p>');
    const places = new MatchPlaces();
    places.append(note(a!, ['kirby']));
    places.append(note(c!, [], ['moscow']));

    const { run } = places.before(b!);
    expect(places.replace(run, [note(b!, [], ['moscow', 'washington'])])).toEqual([{ entityId: 'moscow' }, { entityId: 'washington' }]);
    expect(stateBefore(places, c!)).toEqual({ seen: ['kirby'], elsewhere: ['moscow', 'washington'] });
    // The same again ends nothing new; taking it out leaves the later one.
    expect(places.replace(places.before(b!).run, [note(b!, [], ['moscow', 'washington'])])).toEqual([]);
    places.replace(places.before(b!).run, []);
    expect(stateBefore(places, c!)).toEqual({ seen: ['kirby'], elsewhere: [] });
    expect(stateBefore(places, document.body.appendChild(document.createElement('p'))).elsewhere).toEqual(['moscow']);
    // A block read again loses what it no longer holds.
    places.replace(places.before(a!).run, [note(a!, ['us'])]);
    expect(stateBefore(places, b!).seen).toEqual(['us']);
  });

  it('keeps another place of a name named in an article to that article, in the state before a block and in what a rescan ends', () => {
    const [a, b, c, d] = page('<article><p>A</p><p>B</p></article><article><p>C</p></article><p>D</p>');
    const idaho = a!.parentElement!;
    const places = new MatchPlaces();
    places.append({ ...note(a!, [], ['moscow']), part: idaho });
    places.append(note(c!, [], ['moscow']));
    const before = (p: Element) => places.before(p).state;
    expect([...before(b!).elsewhere]).toEqual([]);
    expect([...before(b!).elsewhereIn]).toEqual([[idaho, new Set(['moscow'])]]);
    // The page-wide one below, in no article, ends Moscow everywhere after it.
    expect([...before(d!).elsewhere]).toEqual(['moscow']);
    // The Idaho story read again without its phrase, then with it: it ends Moscow in itself, in no other article.
    places.replace(places.before(a!).run, []);
    expect([...before(b!).elsewhereIn]).toEqual([]);
    expect(places.replace(places.before(a!).run, [{ ...note(a!, [], ['moscow']), part: idaho }])).toEqual([{ entityId: 'moscow', part: idaho }]);
    // Another "Moscow, Idaho" further down in it ends nothing new.
    expect(places.replace(places.before(b!).run, [{ ...note(b!, [], ['moscow']), part: idaho }])).toEqual([]);
  });
});

describe('an article a block stands in', () => {
  it('is noted with the places of the same name the block named, and only then', () => {
    const state = createMatchState(true);
    const [a] = page('<article><div><p>A</p></div></article>');
    const text = a!.firstChild as Text;
    state.elsewhereSightings!.push('moscow');
    expect(takeNote(state, text)?.part).toBe(a!.closest('article'));
    markSeen(state, 'putin');
    expect(takeNote(state, text)?.part).toBeUndefined();
  });

  it('keeps reading order through a thousand blocks put in one after another at the same place', () => {
    const [a, z] = page('<p>A</p><p>Z</p>');
    const places = new MatchPlaces();
    places.append(note(a!, ['first']));
    places.append(note(z!, ['last']));
    const added: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const p = document.createElement('p');
      p.textContent = String(i);
      z!.before(p);
      added.push(`e${i}`);
      places.replace(places.before(p).run, [note(p, [`e${i}`])]);
    }
    expect(stateBefore(places, z!).seen).toEqual(['first', ...added]);
    expect(stateBefore(places, z!.previousSibling!).seen).toEqual(['first', ...added.slice(0, -1)]);
  });

  it('forgets blocks the page took out or moved, keeping the others', () => {
    const [a, b, c, d] = page('<p>A</p><div><p>B</p></div><p>C</p><p>D</p>');
    const places = new MatchPlaces();
    for (const [p, id] of [[a, 'a'], [b, 'b'], [c, 'c'], [d, 'd']] as const) places.append(note(p!, [id]));
    c!.remove();
    // A search that meets a removed block's place drops the removed ones first.
    expect(stateBefore(places, d!).seen).toEqual(['a', 'b']);
    a!.remove();
    places.dropDisconnected();
    expect(stateBefore(places, d!).seen).toEqual(['b']);
    places.dropInside([b!.parentElement!]);
    expect(stateBefore(places, d!).seen).toEqual([]);
    expect(stateBefore(places, document.body.appendChild(document.createElement('p'))).seen).toEqual(['d']);
  });
});

describe('the places of names on a long page', () => {
  it('forgets moved blocks at the cost of what moved, keeping the others where they were', () => {
    const ps = page('<p>A</p>'.repeat(10_000));
    const places = new MatchPlaces();
    ps.forEach((p, i) => places.append(note(p, i % 2 === 0 ? ['putin'] : ['kirby'])));
    const moved = ps.slice(0, 3);
    document.body.append(...moved);
    // A walk up from each place to tell whether it is inside a moved node climbed through every one of the page's.
    let climbed = 0;
    const parent = Object.getOwnPropertyDescriptor(Node.prototype, 'parentNode')!;
    Object.defineProperty(Node.prototype, 'parentNode', { ...parent, get() { climbed++; return parent.get!.call(this); } });
    try {
      places.dropInside(moved);
    } finally {
      Object.defineProperty(Node.prototype, 'parentNode', parent);
    }
    expect(climbed).toBeLessThan(100);
    // Kirby's first full name is the fourth paragraph's now, Putin's the fifth's.
    expect(stateBefore(places, ps[3]!).seen).toEqual([]);
    expect(stateBefore(places, ps[4]!).seen).toEqual(['kirby']);
    expect(stateBefore(places, ps[5]!).seen).toEqual(['kirby', 'putin']);
  });
});

describe('the places of names on a feed', () => {
  it('forgets items moved from all over the page, keeping the order of the others', () => {
    const ps = page('<p>A</p>'.repeat(2_000));
    const places = new MatchPlaces();
    ps.forEach((p, i) => places.append(note(p, [`p${i}`])));
    // Every 40th item to the end: fifty runs of one.
    const moved = ps.filter((_, i) => i % 40 === 0);
    document.body.append(...moved);
    places.dropInside(moved);
    expect(stateBefore(places, ps[1]!).seen).toEqual([]);
    expect(stateBefore(places, ps[42]!).seen).toEqual(ps.slice(1, 42).filter((_, i) => i !== 39).map((p) => `p${ps.indexOf(p)}`));
    expect(stateBefore(places, moved[0]!).seen.slice(-2)).toEqual(['p1998', 'p1999']);
    expect(stateBefore(places, moved[0]!).seen).toHaveLength(2_000 - moved.length);
  });

  it('finds the items a feed moved among its places without going through all of them', () => {
    const ps = page('<p>A</p>'.repeat(10_000));
    const places = new MatchPlaces();
    // Each place's first text node read through a counter: going through every place to test it reads each one's.
    let reads = 0;
    ps.forEach((p, i) => {
      const counted = note(p, i % 2 === 0 ? ['putin'] : ['kirby']);
      const node = counted.startNode;
      Object.defineProperty(counted, 'startNode', { enumerable: true, get: () => (reads++, node) });
      places.append(counted);
    });
    // Two runs of items, from the end and from the middle, to the top; and one item twice over (a text node of its own).
    const moved = [...ps.slice(-3), ...ps.slice(5_000, 5_002)];
    ps[0]!.before(...moved);
    reads = 0;
    places.dropInside([...moved, moved[0]!.firstChild!]);
    expect(reads).toBeLessThan(100);
    // What is left reads as before, without the moved items: nothing above the first paragraph, Putin's name in it.
    expect(stateBefore(places, ps[0]!).seen).toEqual([]);
    expect(stateBefore(places, ps[1]!).seen).toEqual(['putin']);
    expect(stateBefore(places, ps[5_003]!).seen).toEqual(['kirby', 'putin']);
    // Read again where they stand now, the moved items name first.
    for (const p of moved) places.replace(places.before(p).run, [note(p, [`moved-${ps.indexOf(p)}`])]);
    expect(stateBefore(places, ps[0]!).seen).toEqual(['moved-9997', 'moved-9998', 'moved-9999', 'moved-5000', 'moved-5001']);
    expect(stateBefore(places, ps[2]!).seen.slice(-2)).toEqual(['putin', 'kirby']);
  });


  it('takes 150 items moved up among 3,000 one after another at the cost of what moved, not of the page each few items', () => {
    const ps = page('<p>A</p>'.repeat(3_000));
    const places = new MatchPlaces();
    ps.forEach((p, i) => places.append(note(p, i % 2 === 0 ? ['putin'] : ['kirby'])));
    const moved = ps.slice(-150);
    ps[1500]!.before(...moved);
    places.dropInside(moved);
    // Each item read again where it stands now, in reading order: each halves the gap between two keys, which runs out.
    // Numbering the places again put each one's keys in with a sorted insert, a splice of a list per place.
    let splices = 0;
    const splice = Array.prototype.splice;
    Array.prototype.splice = function (this: unknown[], ...args: Parameters<typeof splice>) {
      splices++;
      return splice.apply(this, args);
    } as typeof splice;
    try {
      moved.forEach((p, i) => places.replace(places.before(p).run, [note(p, [`moved-${i}`])]));
    } finally {
      Array.prototype.splice = splice;
    }
    expect(splices).toBeLessThan(5 * moved.length);
    expect(stateBefore(places, moved[0]!).seen).toEqual(['putin', 'kirby']);
    expect(stateBefore(places, moved[1]!).seen).toEqual(['putin', 'kirby', 'moved-0']);
    expect(stateBefore(places, ps[1500]!).seen.slice(-2)).toEqual(['moved-148', 'moved-149']);
    expect(stateBefore(places, ps[1502]!).seen.slice(-3)).toEqual(['moved-149', 'putin', 'kirby']);
  });
});

describe('a note of what a block showed', () => {
  it('lists the full names in the order the block named them last, and every place of the same name it named', () => {
    const state = createMatchState(true);
    const [p] = page('<p>A</p>');
    const text = p!.firstChild as Text;
    expect(takeNote(state, text)).toBeUndefined();
    markSeen(state, 'putin');
    state.elsewhereSightings!.push('washington');
    expect(takeNote(state, text)).toEqual({ startNode: text, seen: ['putin'], elsewhere: ['washington'], depends: [], order: [] });
    expect(takeNote(state, text)).toBeUndefined();
    markSeen(state, 'kirby');
    markSeen(state, 'putin');
    markSeen(state, 'kirby');
    expect(takeNote(state, text)).toEqual({ startNode: text, seen: ['putin', 'kirby'], elsewhere: [], depends: [], order: [] });
    // A short form taken, one passed over: judged by what came before the block.
    state.depends!.push('kirby', 'us', 'kirby');
    expect(takeNote(state, text)).toEqual({ startNode: text, seen: [], elsewhere: [], depends: ['kirby', 'us'], order: [] });
  });

  it('hears of a second place of the same name on a page whose entity the first one ended already', () => {
    const state = createMatchState(true);
    const matcher = compileMatcher([{ id: 'moscow', name: 'Moscow', category: 'place', aliases: [{ text: 'Moscow', rule: 'always', exclude: [], elsewhere: ['Moscow, Idaho'], ambiguous: false }] }]);
    const [a, b] = page('<p>A farm in Moscow, Idaho.</p><p>Another in Moscow, Idaho.</p>');
    matcher.scan(a!.textContent!, state);
    expect(takeNote(state, a!.firstChild as Text)?.elsewhere).toEqual(['moscow']);
    matcher.scan(b!.textContent!, state);
    expect(takeNote(state, b!.firstChild as Text)?.elsewhere).toEqual(['moscow']);
  });
});

describe('blocks further down left reading the page wrong', () => {
  it('a first full name that comes or goes above a short form makes its block stale, up to the full name that stood first', () => {
    const [a, b, c, d, e] = page('<p>A</p><p>B</p><p>C</p><p>D</p><p>E</p>');
    const places = new MatchPlaces();
    places.append(note(b!, [], [], ['kirby']));
    places.append(note(c!, ['kirby']));
    places.append(note(d!, [], [], ['kirby']));
    places.append(note(e!, [], [], ['us']));
    // "John Kirby" written into the first paragraph: "Kirby" in B now follows a full name; D did already.
    const { run } = places.before(a!);
    places.replace(run, [note(a!, ['kirby'])]);
    expect(texts(places.takeStale())).toEqual(['B']);
    expect(places.takeStale()).toEqual([]);
    // And taken out again.
    places.replace(places.before(a!).run, []);
    expect(texts(places.takeStale())).toEqual(['B']);
    // The page removes the only full name left: every short form after it is stale.
    c!.remove();
    places.dropDisconnected();
    expect(texts(places.takeStale())).toEqual(['D']);
  });

  it('the first other place of a name that comes or goes makes every block after it stale that names the entity', () => {
    const [a, b, c, d] = page('<p>A</p><p>B</p><p>C</p><p>D</p>');
    const places = new MatchPlaces();
    places.append(note(a!, [], ['moscow']));
    places.append(note(b!, ['moscow']));
    places.append(note(c!, [], [], ['moscow']));
    places.append(note(d!, ['kirby']));
    a!.remove();
    places.dropDisconnected();
    expect(texts(places.takeStale()).sort()).toEqual(['B', 'C']);
  });

  it('a block read again is not stale itself; one read again naming the same people (a clock ticking beside them) makes none', () => {
    const [a, b, c] = page('<p>A</p><p>B</p><p>C</p>');
    const places = new MatchPlaces();
    places.append(note(a!, ['kirby']));
    places.append(note(b!, ['us', 'kirby'], [], ['kirby']));
    places.append(note(c!, [], [], ['kirby']));
    places.replace(places.before(b!).run, [note(b!, ['us', 'kirby'], [], ['kirby'])]);
    expect(places.takeStale()).toEqual([]);
    // B no longer names Kirby: "Kirby" in C still follows a full name, A's.
    places.replace(places.before(b!).run, [note(b!, ['us'], [], ['kirby'])]);
    expect(places.takeStale()).toEqual([]);
    // The first full name goes: B and C, read after it, are stale; A, just read again, is not.
    places.replace(places.before(a!).run, [note(a!, [], [], ['kirby'])]);
    expect(texts(places.takeStale()).sort()).toEqual(['B', 'C']);
  });

  it('a form two people share is stale wherever whose full name came last above it changes, up to that person’s next full name', () => {
    const [a, b, c, d, e] = page('<p>A</p><p>B</p><p>C</p><p>D</p><p>E</p>');
    const places = new MatchPlaces();
    const kims = ['kim-jong-un', 'kim-yo-jong'];
    places.append(note(a!, ['kim-yo-jong']));
    places.append(note(b!, ['kim-jong-un']));
    places.append(note(d!, [], [], kims, kims));
    places.append(note(e!, ['kim-yo-jong'], [], kims, kims));
    // Kim Yo Jong named again in C, after Kim Jong Un: the "Kim" in D is hers now, and in E before her name there.
    places.replace(places.before(c!).run, [note(c!, ['kim-yo-jong'])]);
    expect(texts(places.takeStale()).sort()).toEqual(['D', 'E']);
    // A plain short form would not care: only whether a full name stands above it at all.
    places.append(note(document.body.appendChild(document.createElement('p')).appendChild(document.createTextNode('F')).parentElement!, [], [], ['kim-yo-jong']));
    places.replace(places.before(c!).run, []);
    expect(texts(places.takeStale()).sort()).toEqual(['D', 'E']);
  });
});

import { createMatchState } from '../core/matcher/state';
import { BlockTails, copyState, sameState, ScanTails, stateKey, TAIL_MIN_TEXT, type Tail } from './block-tails';
import type { Matcher, MatchState, Span } from '../core/matcher/types';
import { inReadingOrder, isShadowRoot, orderedStretch, shadowRootOf, sortInReadingOrder } from './composed-order';
import { toPageMention, type PageMention } from './find-mentions';
import { holdsLongUnwrappedLine } from './long-lines';
import { Highlighter } from './highlighter';
import { MatchPlaces, takeNote, type EndedName, type PlaceNote, type PlaceRun } from './match-places';
import type { Painter } from './painter';
import { MentionStore, type Rescan, type StoreEdit, type TextPoint } from './mention-store';
import { MutationWatcher, type DirtyWork } from './mutation-watcher';
import { scanBlock } from './page-parts';
import { FIRST_SLICE_MS, shownInFrame, Slice, SLICE_MS, yieldToPage } from './scheduler';
import { ShownMentions, type ShownEdit } from './shown-mentions';
import { BlockReader, closestBlock, isUnreadElement, UNFINISHED, type TextBlock } from './text-walk';
import { UpgradeWatch } from './upgrade-watch';

/** Above this many text nodes, reading the whole page again is done in slices (a full scan). */
const LARGE_RESCAN_NODES = 5000;
/** Nodes a walk visits inside one block between two looks at the slice's clock (BlockReader.next). */
const WALK_STEPS = 1024;
/** Each node read costs about as much as a few dozen characters scanned. */
const NODE_WORK = 32;
/**
 * Work (NODE_WORK's units) the preview of a page opened scrolled down does at most, in the task before the scan: the
 * blocks of a screen are a few thousand; a paragraph of megabytes under the viewport took a second there.
 */
const PREVIEW_WORK = 128 * 1024;
/** Times a full scan starts over because the page replaced the element it reads (its <body>). */
const MAX_SCAN_RESTARTS = 3;

/** What readRoot gives for a root the page took out of the document before it was read to its end: nothing to put in. */
const TAKEN_OUT = Symbol('taken out');

/** After a round of rescans, ours rest this many times as long as the round took before the next. */
const RESCAN_REST_FACTOR = 3;

/**
 * A viewport update that took longer than this (measuring names in one huge text node, a .txt book) has
 * the next wait VIEWPORT_REST_FACTOR times as long; quicker ones, on ordinary pages, run every frame.
 */
const SLOW_VIEWPORT_MS = 4;
const VIEWPORT_REST_FACTOR = 3;

/** Custom elements defined late are read in idle time after load, at the latest this long after it. */
const UPGRADE_TIMEOUT_MS = 1000;

export interface PageAnnotatorOptions {
  /** The story's matcher, decoded from what the background sent (core/matcher/wire.ts). */
  matcher: Matcher;
  root?: Document;
  /** Called once, when the first mentions are painted. */
  onFirstHighlights?: () => void;
  /** Called after every change to what was found, with mentions per entity. */
  onCountsChange?: (counts: ReadonlyMap<string, number>) => void;
  /** How mentions are painted; by default the Highlight API where the browser has it. */
  painter?: (doc: Document) => Painter;
  /** The document has our highlight styles already (the extension's manifest adds them). */
  documentStyled?: boolean;
  /** Called when the page replaced its root element (document.open and write): listeners on the window are gone. */
  onDocumentReplaced?: () => void;
  /**
   * Whether the extension was unloaded since this copy started, asked before the page's changes are read: a copy
   * cut off from it reads none (its owner destroys it), where it went on reading them in a tab the reader never came back to.
   */
  cutOff?: () => boolean;
}

/**
 * Finds the story's mentions on a page and keeps them painted, without ever
 * holding the main thread for more than one slice: the first scan, rescans of
 * what the page changes, and whole rescans after a navigation all run in slices.
 * Touches no extension API, so it runs the same in a benchmark page.
 */
export class PageAnnotator {
  private readonly doc: Document;
  private readonly matcher: Matcher;
  private readonly store = new MentionStore();
  private readonly painter: Painter;
  private readonly slice = new Slice();
  private watcher: MutationWatcher | undefined;
  /** Custom elements undefined when read: read again where they stand once their script defines them. */
  private readonly upgrades: UpgradeWatch;
  /** Where the first scan saw full names and places of the same names: the state a rescan of one block starts from. */
  private readonly places = new MatchPlaces();
  private readonly visible = new ShownMentions();
  /** Where long blocks the page keeps adding to were last read up to: read on from there (BlockTails). */
  private readonly tails = new BlockTails();
  /**
   * What the page changes inside a shadow root reaches only an observer of that root; a custom element the walk
   * passes undefined gets its shadow root with no change told of (UpgradeWatch).
   */
  private readonly walkOptions = {
    onShadowRoot: (root: ShadowRoot) => this.watcher?.observe(root),
    onUndefined: (element: Element) => this.upgrades.add([element]),
  };
  /**
   * Some name was found on a line too long to paint it on (page/long-lines.ts): the painter is given the others, for
   * as long as one is held.
   */
  private longLines = false;
  /** Text nodes read by the last full scan: how large the page is. */
  private textNodes = 0;
  private generation = 0;
  private working: Promise<void> | undefined;
  private dirty = false;
  /** When the next round of rescans may start (RESCAN_REST_FACTOR). */
  private rescanAllowedAt = 0;
  private painted = false;
  private destroyed = false;
  /** When the next viewport update may run (SLOW_VIEWPORT_MS), and the update waiting for it. */
  private viewportAllowedAt = 0;
  private viewportLater: ReturnType<typeof setTimeout> | undefined;
  /** Where the shown list has changed from since the painter last had it (ShownMentions.changedFrom). */
  private unpaintedFrom = Infinity;
  /** The document was in design mode when last read: all of it the page's editor, of which nothing is read. */
  private inDesignMode = false;

  constructor(private readonly options: PageAnnotatorOptions) {
    this.doc = options.root ?? document;
    this.matcher = options.matcher;
    this.painter = options.painter?.(this.doc) ?? new Highlighter(options.documentStyled);
    this.upgrades = new UpgradeWatch(this.doc, (host) => this.watcher?.upgraded(host), UPGRADE_TIMEOUT_MS);
  }

  /** Scans the whole page once, painting as it goes; resolves when done. */
  start(): Promise<void> {
    // The whole document is watched, not the body: a page may replace its body (Turbo, document.write), and the new one must be read.
    this.watcher ??= new MutationWatcher(
      this.doc.documentElement,
      () => this.scheduleRescan(),
      () => this.textNodes,
      (node) => this.store.touches(node) || this.places.touches(node),
    );
    // Queued behind what runs now: switched off again before its turn (pause), it reads nothing, as reset's scan.
    const generation = this.generation;
    return this.run(() => (generation === this.generation ? this.fullScan() : Promise.resolve()));
  }

  /**
   * Forgets everything and scans again. `keepShown`, after a single-page-app
   * navigation: what is painted stays until the new scan replaces it, the
   * names the new view kept (a header, an article a page of endless scroll
   * only renamed in the address bar) never blinking out; those of text the
   * view removed are gone with it. Else they go at once (design mode).
   */
  reset({ keepShown = false }: { keepShown?: boolean } = {}): Promise<void> {
    const generation = ++this.generation;
    if (!keepShown) {
      this.store.clear();
      this.publish();
    }
    // Queued behind what runs now: by its turn, an app that pushed a state per keystroke has reset again, and only
    // the last view is read, not each one in turn.
    return this.run(() => (generation === this.generation ? this.fullScan(keepShown) : Promise.resolve()));
  }

  /**
   * Looks whether the page put the document into design mode (an editor made of the whole page), or took it out, since
   * it was read: nothing tells of either. In design mode the reader is rewriting the text: its names are dropped at
   * once, not left painted over the words being typed or opening cards under the caret. Out of it, it is read anew.
   */
  lookAtDesignMode(): void {
    // Not read yet (switched off on this site): the first scan looks.
    if (this.watcher && !this.destroyed && this.designModeSwitched()) void this.reset();
  }

  /** Which entities are shown (their category switched on); applies at once. */
  setFilter(filter: (entityId: string) => boolean): void {
    this.visible.setFilter(filter);
    this.publish();
  }

  get mentions(): readonly PageMention[] {
    return this.store.all;
  }

  /** The mentions shown to the reader, in document order. */
  get shown(): readonly PageMention[] {
    return this.visible.all;
  }

  /** Calls `follower` with each edit a rescan makes to `shown`, `undefined` for a list from scratch (ShownMentions); returns how to stop. */
  followShown(follower: (edit: ShownEdit | undefined) => void): () => void {
    return this.visible.follow(follower);
  }

  get mentionCount(): number {
    return this.store.all.length;
  }

  setHovered(mention: PageMention | undefined): void {
    if (!this.destroyed) this.painter.setHovered(mention?.longLine ? undefined : mention);
  }

  /** Re-registers highlights around the viewport; call once a frame on scroll and resize. */
  updateViewport(): void {
    // A frame the card script or a scroll asked for may come after: destroyed, nothing is painted again.
    if (this.destroyed) return;
    const began = performance.now();
    if (began < this.viewportAllowedAt) {
      // Scrolling on: the last position asked for is painted once the rest is over.
      this.viewportLater ??= setTimeout(() => {
        this.viewportLater = undefined;
        this.updateViewport();
      }, this.viewportAllowedAt - began);
      return;
    }
    this.painter.update();
    // Each name measured in a text node of megabytes costs a millisecond or more, every frame of a scroll: the page's
    // own frames come in between.
    const spent = performance.now() - began;
    this.viewportAllowedAt = spent > SLOW_VIEWPORT_MS ? began + spent * (1 + VIEWPORT_REST_FACTOR) : 0;
  }

  /**
   * Stops reading the page, until `start` reads it anew: Backstory switched off
   * for it. Its names go, and the changes it makes from now on cost nothing (a
   * live blog went on being read, its names kept hidden).
   */
  pause(): void {
    this.generation++;
    this.watcher?.disconnect();
    this.watcher = undefined;
    this.store.clear();
    this.publish();
  }

  /**
   * Resolves once the page's changes so far are read and painted: the rescans
   * they asked for, any the page made meanwhile, and a repaint of the viewport
   * put off after a slow one. What tests and the benchmark wait on, not a
   * guessed time; on a page that changes every frame, never.
   */
  async settled(): Promise<void> {
    for (;;) {
      if (this.working) await this.working.catch(() => {});
      else if (this.viewportLater !== undefined) await new Promise((done) => setTimeout(done, Math.max(0, this.viewportAllowedAt - performance.now()) + 1));
      else return;
    }
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.viewportLater);
    this.upgrades.stop();
    this.generation++;
    this.watcher?.disconnect();
    this.painter.destroy();
  }

  /** Runs one job at a time; page changes that arrive meanwhile are taken up after it. */
  private run(job: () => Promise<void>): Promise<void> {
    const previous = this.working ?? Promise.resolve();
    const next = previous.then(job).then(() => this.drainRescans());
    const tracked = next.finally(() => {
      if (this.working === tracked) this.working = undefined;
    });
    this.working = tracked;
    return next;
  }

  /**
   * Reads the whole page. The first scan (and one after a navigation) shows
   * mentions as it finds them. A scan `again`, of a page that changed too much
   * for a rescan of blocks, leaves the mentions it replaces shown until it is
   * done, and keeps each one it finds again: highlights do not blink out over
   * a long page, and an open card stays open.
   */
  private async fullScan(again = false, restarts = 0): Promise<void> {
    const generation = this.generation;
    this.inDesignMode = this.doc.designMode === 'on';
    if (!again || this.inDesignMode) {
      this.store.clear();
      this.publish();
    }
    if (this.inDesignMode) {
      this.textNodes = 0;
      this.reportCounts();
      return;
    }
    const state = createMatchState(true);
    this.places.clear();
    this.tails.clear();
    // The matcher was compiled in this task: the scan starts in a slice of its own.
    await yieldToPage();
    if (generation !== this.generation) return;
    // Names on screen already (a scan of the whole page again): no first frame to wait for.
    let firstShown = this.painted;
    const previewing = !again && this.previewViewport();
    const collected: PageMention[] = [];
    const top = this.doc.body ?? this.doc.documentElement;
    const tails = new ScanTails(top);
    const noted = (note: PlaceNote) => {
      this.places.append(note);
      tails.noted(note);
    };
    // Frames are not entered: each runs a content script of its own (all_frames), painting and hit-testing its document.
    const reader = new BlockReader(top, this.walkOptions);
    let nodes = 0;
    for (let first = true; ; first = false) {
      this.slice.begin(first ? FIRST_SLICE_MS : SLICE_MS);
      const found: PageMention[] = [];
      let done = false;
      for (;;) {
        const block = reader.next(WALK_STEPS);
        if (!block) {
          done = true;
          break;
        }
        if (block === UNFINISHED) {
          if (this.slice.spent(WALK_STEPS * NODE_WORK)) break;
          continue;
        }
        nodes += block.nodes.length;
        tails.reading(block, state);
        this.read(block, state, found, noted);
        if (this.slice.spent(block.text.length + block.nodes.length * NODE_WORK)) break;
      }
      if (generation !== this.generation) return;
      if (again) {
        for (const mention of found) collected.push(mention);
      } else {
        this.store.append(found);
        // Only the new mentions are added: rebuilding all of it every slice grows with the square of the page.
        if (!previewing) this.showMore(found, !done);
      }
      if (done) break;
      // The first names (the preview's, or the first slice's) are shown in the next frame, not after the next slice:
      // the browser asks for a frame only once something changed, and the next slice would start before it came.
      if (!firstShown && this.painted) {
        firstShown = true;
        await shownInFrame(this.doc);
      } else await yieldToPage();
      if (generation !== this.generation) return;
      // The page re-rendered or moved what the walk was in (a section hydrated, a feed recycling its items, a list
      // sorted): the walk goes on after what it read that the page left in place; what it put in is read as any change.
      if (!reader.resume()) return this.scanAgain(again, restarts);
    }
    this.textNodes = nodes;
    tails.end();
    // Keyed as readRoot takes them: by the state above each root, from the places of the whole page.
    for (const { root, ...tail } of tails.found) this.tails.set(root, { ...tail, before: stateKey(this.places.before(root).state) });
    if (again) this.store.replaceAll(collected);
    if (again || previewing) this.publish();
    this.reportCounts();
  }

  /**
   * The page replaced the element a full scan was reading (its <body>): read the new one, a few times at most. Past
   * those, what was read is not taken for the page (the mentions a scan `again` replaces stay): the page's change is
   * read as any other.
   */
  private scanAgain(again: boolean, restarts: number): Promise<void> {
    if (restarts < MAX_SCAN_RESTARTS) return this.fullScan(again, restarts + 1);
    this.reportCounts();
    return Promise.resolve();
  }

  /**
   * The visible area first: on a page opened scrolled down (a restored scroll
   * position, a link to an anchor), the blocks in view are scanned and painted
   * before the in-order scan of the whole page reaches them. The preview knows
   * nothing of what came earlier on the page, so short forms that need the full
   * name first wait for the real scan, which replaces the preview when it is done.
   */
  private previewViewport(): boolean {
    const view = this.doc.defaultView;
    if (!view || view.scrollY < view.innerHeight / 2) return false;
    const body = this.doc.body ?? this.doc.documentElement;
    const roots = new Set<Element>();
    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      for (const x of [view.innerWidth * 0.3, view.innerWidth * 0.6]) {
        const element = this.doc.elementFromPoint(x, view.innerHeight * fraction);
        const block = element && closestBlock(element, body);
        if (block && block !== body) roots.add(block);
      }
    }
    const preview: PageMention[] = [];
    const state = createMatchState();
    // In the units of the scan's slices. A block under the viewport larger than what is left (a transcript of megabytes
    // in one paragraph) is not previewed: the scan reads it in slices when it gets there.
    let left = PREVIEW_WORK;
    for (const root of [...roots].sort(inReadingOrder)) {
      if (left <= 0) break;
      // The blocks the points are in, not a container round them hit between them (the margin of a paragraph in a <main>
      // of thousands): that would be read from its top, far above the view, until the work ran out.
      if ([...roots].some((other) => other !== root && root.contains(other))) continue;
      const reader = new BlockReader(root);
      for (let block = reader.next(left / NODE_WORK); block !== null; block = reader.next(left / NODE_WORK)) {
        left -= block === UNFINISHED ? left + 1 : block.text.length + block.nodes.length * NODE_WORK;
        if (block === UNFINISHED || left < 0) break;
        this.mentionsIn(block, scanBlock(this.matcher, block, state), preview);
      }
    }
    if (preview.length === 0) return false;
    this.showMore(preview);
    return true;
  }

  private scheduleRescan(): void {
    if (this.destroyed) return;
    this.dirty = true;
    if (!this.working) void this.run(async () => {});
  }

  /**
   * Rescans what the page changed, one slice at a time, until nothing is left.
   * A page that never stops changing (a clock ticking inside a block that holds
   * the whole page) has its changes read at most about a quarter of the time:
   * after each round, a rest a few times as long as the round took.
   */
  private async drainRescans(): Promise<void> {
    while (this.dirty && !this.destroyed) {
      this.dirty = false;
      await yieldToPage();
      const rest = this.rescanAllowedAt - performance.now();
      if (rest > 0) await new Promise((done) => setTimeout(done, rest));
      if (this.destroyed || this.options.cutOff?.()) return;
      const work = this.watcher?.take();
      if (!work) continue;
      const began = performance.now();
      await this.rescan(work);
      this.rescanAllowedAt = performance.now() + (performance.now() - began) * RESCAN_REST_FACTOR;
    }
  }

  private async rescan(work: DirtyWork): Promise<void> {
    if (work.replaced) this.options.onDocumentReplaced?.();
    // The reader's first edit, if nothing told of design mode before it: what changed is the editor's.
    if (this.designModeSwitched()) return this.fullScan();
    if (this.inDesignMode) return;
    this.tails.forget(work.changed);
    // A change right under <body> has the whole page read again: on a large page, in slices, as the first scan was.
    const whole = work.roots.some((root) => root === this.doc.body || root === this.doc.documentElement);
    if (work.coarse || (whole && this.textNodes > LARGE_RESCAN_NODES)) return this.fullScan(true);
    // Ordering blocks and mentions compares siblings: numbered once, not walked by the browser at each comparison.
    const ordered = orderedStretch();
    try {
      await this.rescanBlocks(work, ordered.pageRan);
    } finally {
      ordered.close();
    }
  }

  private async rescanBlocks(work: DirtyWork, pageRan: () => void): Promise<void> {
    const generation = this.generation;
    let changed = false;
    // Moved nodes' old mentions go first: they stand out of reading order, which the rescans' searches rely on.
    // The nodes are read again where they are now, as added ones.
    // Each goes through all of a page's places or mentions (100,000 on a long feed): a task apart once the slice is spent.
    const pause = async () => {
      if (!this.slice.expired) return true;
      await yieldToPage();
      pageRan();
      this.slice.begin();
      return generation === this.generation && !this.destroyed;
    };
    this.slice.begin();
    if (work.removed) this.places.dropDisconnected();
    this.places.dropInside(work.moved);
    if (!(await pause())) return;
    const dropped = [...(work.removed ? this.store.dropDisconnected() : []), ...this.store.dropInside(work.moved)];
    if (!(await pause())) return;
    const roots = sortInReadingOrder(work.roots.filter((root) => root.isConnected));
    if (dropped.length > 0) {
      // Painted with the first batch of blocks read again, if any: a feed that adds an item and takes out the oldest, or a
      // ticker that replaces its text node, has the painted window measured once a rescan, not twice.
      this.showEdit({ dropped, runs: [] }, roots.length === 0);
      changed = true;
    }
    let next = 0;
    while (next < roots.length) {
      // One slice of roots, then one merge into the store for all of them. The first goes on in the slice of the drops
      // and the sort, if they left room: the sort of a feed's 300 moved items took 6-17 ms here, and with a fresh slice
      // of reads and their merge after it in one task, that task took 35-55.
      if (!(await pause())) return;
      const batch: (Rescan & { root: Element | ShadowRoot })[] = [];
      const ended: { root: Node; entities: EndedName[] }[] = [];
      const tails: [Node, Tail | undefined][] = [];
      while (next < roots.length && !this.slice.expired) {
        const root = roots[next++]!;
        const read = await this.readRoot(root, pageRan);
        if (!read || generation !== this.generation) return;
        // Its mentions go with the next round, which reads the page's removal.
        if (read === TAKEN_OUT) continue;
        batch.push(read.from ? { root, from: read.from, found: read.found } : { root, found: read.found });
        ended.push({ root, entities: this.places.replace(read.run, read.notes) });
        tails.push([root, read.tail]);
      }
      // Shown batch by batch: `shown` must follow the store, whose runs the next batch's edit is relative to.
      this.showEdit(this.store.replaceWithin(batch), true, work.changed);
      // Kept once the store and the places hold what the reads found.
      for (const [root, tail] of tails) if (tail) this.tails.set(root, tail);
      for (const { root, entities } of ended) {
        const gone = this.store.dropAfter(root, entities);
        if (gone.length > 0) this.showEdit({ dropped: gone, runs: [] });
      }
      changed = true;
    }
    // Blocks further down that this change left reading the page wrong: read again in the next round.
    this.watcher?.readAgain(this.places.takeStale());
    if (changed) this.reportCounts();
  }

  /**
   * The mentions in one changed block, read from the matcher's state just
   * before it, and what it showed of names (MatchPlaces). A block larger than
   * a slice (an app rendered into one <div>) is read over several, the page's
   * tasks running in between; null when a reset came meanwhile. A long block
   * the page only added to since it was last read (a log, a chat transcript)
   * is read on from where its last block began (`from`): `found` holds the
   * mentions from there on, `notes` all of the block's. TAKEN_OUT for a root
   * the page took out meanwhile.
   */
  private async readRoot(
    root: Element | ShadowRoot,
    /** Called after each pause, in which the page may have changed its DOM. */
    pageRan: () => void,
  ): Promise<{ found: PageMention[]; notes: PlaceNote[]; run: PlaceRun; from?: TextPoint; tail?: Tail } | typeof TAKEN_OUT | null> {
    const generation = this.generation;
    // Out of the document, it has no place in the store's reading order to put what it holds in.
    if (!root.isConnected) return TAKEN_OUT;
    // An element hidden or made editable since: nothing in it is read, what it held is dropped.
    if (unreadComposed(root)) {
      this.tails.drop(root);
      return { found: [], notes: [], run: this.places.before(root).run };
    }
    const found: PageMention[] = [];
    const { state: before, run } = this.places.before(root);
    const key = stateKey(before);
    const tail = this.tails.take(root, key);
    const resumed = tail && BlockReader.from(root, tail.at.node, tail.at.offset, this.walkOptions);
    const reader = resumed || new BlockReader(root, this.walkOptions);
    const state = resumed ? copyState(tail.state) : before;
    const notes: PlaceNote[] = resumed ? [...tail.notes] : [];
    // The last block's beginning, once past TAIL_MIN_TEXT: the state there is copied only when a block changed it.
    let read = resumed ? TAIL_MIN_TEXT : 0;
    let last: { at: TextPoint; state: MatchState; notes: number } | undefined;
    let copied: MatchState | undefined;
    for (let block = reader.next(WALK_STEPS); block; block = reader.next(WALK_STEPS)) {
      let work = WALK_STEPS * NODE_WORK;
      if (block !== UNFINISHED) {
        if (read >= TAIL_MIN_TEXT && root.contains(block.nodes[0]!)) {
          if (!copied || !sameState(copied, state)) copied = copyState(state);
          last = { at: { node: block.nodes[0]!, offset: -block.starts[0]! }, state: copied, notes: notes.length };
        }
        read += block.text.length;
        this.read(block, state, found, (note) => notes.push(note));
        work = block.text.length + block.nodes.length * NODE_WORK;
      }
      if (!this.slice.spent(work)) continue;
      await yieldToPage();
      pageRan();
      if (generation !== this.generation || this.destroyed) return null;
      this.slice.begin();
      // The page re-rendered or moved the part being read: the walk goes on after what it read that stayed in place.
      if (!reader.resume()) return TAKEN_OUT;
    }
    const next = last && { at: last.at, before: key, state: last.state, notes: notes.slice(0, last.notes) };
    return resumed ? { found, notes, run, from: tail.at, tail: next } : { found, notes, run, tail: next };
  }

  private designModeSwitched(): boolean {
    return (this.doc.designMode === 'on') !== this.inDesignMode;
  }

  /** The mentions in one block into `found`, what it showed of names to `noted`. */
  private read(block: TextBlock, state: MatchState, found: PageMention[], noted: (note: PlaceNote) => void): void {
    this.mentionsIn(block, scanBlock(this.matcher, block, state), found);
    const note = takeNote(state, block.nodes[0]!);
    if (note) noted(note);
  }

  /** The mentions of `spans` in `block`, into `found`. */
  private mentionsIn(block: TextBlock, spans: readonly Span[], found: PageMention[]): void {
    // Asked only of a long block that names someone: it reads a style.
    const longLine = spans.length > 0 && holdsLongUnwrappedLine(block);
    if (longLine) this.longLines = true;
    for (const span of spans) {
      const mention = toPageMention({ block, span });
      if (longLine) mention.longLine = true;
      found.push(mention);
    }
  }

  /** Makes what the store holds visible from scratch: after a filter change or a whole new scan. */
  private publish(): void {
    if (this.destroyed) return;
    this.paint(this.visible.reset(this.store.all), true);
  }

  /** Shows mentions that come after all those already shown. */
  private showMore(mentions: readonly PageMention[], more = false): void {
    if (this.destroyed) return;
    this.paint(this.visible.append(mentions), false, true, more);
  }

  /**
   * Shows what a rescan changed, spliced in where it happened: costs what it touched, not the page's mentions.
   * Not `paintNow`: the painter gets the list with the next edit's paint (the rescan's next one). `changed`: where the
   * page changed what was read (ShownMentions.apply).
   */
  private showEdit(edit: StoreEdit, paintNow = true, changed: readonly Node[] | null = null): void {
    if (this.destroyed) return;
    this.paint(this.visible.apply(edit, this.store.all, changed), true, paintNow);
  }

  /** Paints the shown list, `fresh` among it new since the last paint; `changed`: not only grown at its end. */
  private paint(fresh: readonly PageMention[], changed: boolean, paintNow = true, more = false): void {
    this.unpaintedFrom = Math.min(this.unpaintedFrom, this.visible.changedFrom);
    // Asked at each paint of names found there, not once: a page may set a root's sheets anew (a theme switch), without
    // ours. The painter adopts only what is missing, a look at a short list.
    let last: ShadowRoot | undefined;
    for (const mention of fresh) {
      const root = mention.shadowRoot;
      if (!root || root === last) continue;
      last = root;
      this.painter.addShadowRoot(root);
    }
    if (!paintNow) return;
    // Looked for while one may be held: once the page took the last one out, every paint would copy the whole list.
    if (this.longLines) this.longLines = this.holdsLongLine();
    if (this.longLines) {
      // Rare (a dump of megabytes in a <pre>): the painter gets only the names it can paint.
      const { paintable, from } = paintableOf(this.visible.all, this.unpaintedFrom);
      if (changed) this.painter.setMentions(paintable, from);
      else this.painter.extend(paintable, more);
    } else if (changed) this.painter.setMentions(this.visible.all, this.unpaintedFrom);
    else this.painter.extend(this.visible.all, more);
    this.unpaintedFrom = Infinity;
    if (!this.painted && this.painter.paintedCount > 0) {
      this.painted = true;
      this.options.onFirstHighlights?.();
    }
  }

  /** Whether a name on a line too long to paint is in the store or shown (a preview's, which the store does not hold). */
  private holdsLongLine(): boolean {
    return this.store.all.some(onLongLine) || this.visible.all.some(onLongLine);
  }

  private reportCounts(): void {
    if (!this.destroyed) this.options.onCountsChange?.(this.store.counts());
  }
}

/** Whether the walk never reads `root`: it or an element around it is unread, in its own tree or around a shadow root's host. */
function unreadComposed(root: Element | ShadowRoot): boolean {
  for (let at: Element | null = isShadowRoot(root) ? root.host : root; at; ) {
    if (isUnreadElement(at)) return true;
    const shadow = shadowRootOf(at);
    at = shadow ? shadow.host : null;
  }
  return false;
}

const onLongLine = (mention: PageMention) => mention.longLine === true;

/**
 * `all` without its names on lines too long to paint, and where that list changed from given where `all` did: the
 * painter measures nothing for a change below its window.
 */
function paintableOf(all: readonly PageMention[], changedFrom: number): { paintable: PageMention[]; from: number } {
  const paintable: PageMention[] = [];
  let from = changedFrom === Infinity ? Infinity : -1;
  for (let i = 0; i < all.length; i++) {
    if (i === changedFrom) from = paintable.length;
    if (!all[i]!.longLine) paintable.push(all[i]!);
  }
  return { paintable, from: from < 0 ? paintable.length : from };
}

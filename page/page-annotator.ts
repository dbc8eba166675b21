import { compileMatcher, createMatchState, type MatchableEntity, type Matcher, type MatchState } from '../core/matcher';
import { toPageMention, type PageMention } from './find-mentions';
import { Highlighter, supportsHighlights } from './highlighter';
import { OverlayPainter } from './overlay-painter';
import type { Painter } from './painter';
import { mentionAtPoint } from './hit-test';
import { MentionIndex } from './mention-index';
import { MentionStore } from './mention-store';
import { MutationWatcher } from './mutation-watcher';
import { Slice, yieldToPage } from './scheduler';
import { BlockReader } from './text-walk';

export interface PageAnnotatorOptions {
  entities: readonly MatchableEntity[];
  root?: Document;
  /** Called once, when the first mentions are painted. */
  onFirstHighlights?: () => void;
  /** Called after every change to what was found, with mentions per entity. */
  onCountsChange?: (counts: ReadonlyMap<string, number>) => void;
  /** How mentions are painted; by default the Highlight API where the browser has it. */
  painter?: 'highlights' | 'overlay';
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
  private readonly probe: Range;
  private readonly slice = new Slice();
  private watcher: MutationWatcher | undefined;
  private state: MatchState = createMatchState();
  private visible: PageMention[] = [];
  private readonly shadowRoots = new Set<ShadowRoot>();
  private index = new MentionIndex([]);
  private filter: (entityId: string) => boolean = () => true;
  private generation = 0;
  private working: Promise<void> | undefined;
  private dirty = false;
  private painted = false;
  private destroyed = false;

  constructor(private readonly options: PageAnnotatorOptions) {
    this.doc = options.root ?? document;
    this.matcher = compileMatcher(options.entities);
    const kind = options.painter ?? (supportsHighlights() ? 'highlights' : 'overlay');
    this.painter = kind === 'highlights' ? new Highlighter() : new OverlayPainter(this.doc);
    this.probe = this.doc.createRange();
  }

  /** Scans the whole page once, painting as it goes; resolves when done. */
  start(): Promise<void> {
    const body = this.doc.body ?? this.doc.documentElement;
    this.watcher ??= new MutationWatcher(body, () => this.scheduleRescan());
    return this.run(() => this.fullScan());
  }

  /** Forgets everything and scans again: after a single-page-app navigation. */
  reset(): Promise<void> {
    this.generation++;
    this.store.clear();
    this.state = createMatchState();
    this.publish();
    return this.run(() => this.fullScan());
  }

  /** Which entities are shown (their category switched on); applies at once. */
  setFilter(filter: (entityId: string) => boolean): void {
    this.filter = filter;
    this.publish();
  }

  get mentions(): readonly PageMention[] {
    return this.store.all;
  }

  /** The mentions shown to the reader, in document order. */
  get shown(): readonly PageMention[] {
    return this.visible;
  }

  get mentionCount(): number {
    return this.store.all.length;
  }

  mentionAt(x: number, y: number): PageMention | undefined {
    return mentionAtPoint(this.index, x, y, this.probe, this.doc, [...this.shadowRoots]);
  }

  setHovered(mention: PageMention | undefined): void {
    this.painter.setHovered(mention);
  }

  /** Re-registers highlights around the viewport; call once a frame on scroll and resize. */
  updateViewport(): void {
    this.painter.update();
  }

  destroy(): void {
    this.destroyed = true;
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

  private async fullScan(): Promise<void> {
    const generation = this.generation;
    this.store.clear();
    this.state = createMatchState();
    // Frames run a content script of their own (all_frames): each paints and hit-tests its document.
    const reader = new BlockReader(this.doc.body ?? this.doc.documentElement, { frames: false });
    for (;;) {
      this.slice.begin();
      const found: PageMention[] = [];
      let done = false;
      while (!this.slice.expired) {
        const block = reader.next();
        if (!block) {
          done = true;
          break;
        }
        for (const span of this.matcher.scan(block.text, this.state)) found.push(toPageMention({ block, span }));
      }
      if (generation !== this.generation) return;
      this.store.append(found);
      if (done) break;
      if (found.length > 0) this.publish();
      await yieldToPage();
      if (generation !== this.generation) return;
    }
    this.publish(true);
  }

  private scheduleRescan(): void {
    if (this.destroyed) return;
    this.dirty = true;
    if (!this.working) void this.run(async () => {});
  }

  /** Rescans what the page changed, one slice at a time, until nothing is left. */
  private async drainRescans(): Promise<void> {
    while (this.dirty && !this.destroyed) {
      this.dirty = false;
      await yieldToPage();
      const work = this.watcher?.take();
      if (!work) continue;
      if (work.coarse) {
        await this.fullScan();
        continue;
      }
      const generation = this.generation;
      let changed = work.removed && this.store.dropDisconnected();
      this.slice.begin();
      for (const root of work.roots) {
        if (this.slice.expired) {
          await yieldToPage();
          if (generation !== this.generation) return;
          this.slice.begin();
        }
        if (!root.isConnected) continue;
        const reader = new BlockReader(root, { frames: false });
        const found: PageMention[] = [];
        for (let block = reader.next(); block; block = reader.next()) {
          for (const span of this.matcher.scan(block.text, this.state)) found.push(toPageMention({ block, span }));
        }
        this.store.replaceWithin(root, found);
        changed = true;
      }
      if (changed) this.publish(true);
    }
  }

  /** Makes what the store holds visible: filter, hit-test index, highlights, counts. */
  private publish(report = false): void {
    if (this.destroyed) return;
    this.visible = this.store.all.filter((m) => this.filter(m.entityId));
    for (const mention of this.visible) {
      const root = mention.startNode.getRootNode();
      if (root !== this.doc && 'host' in root && !this.shadowRoots.has(root as ShadowRoot)) {
        this.shadowRoots.add(root as ShadowRoot);
        this.painter.addShadowRoot(root as ShadowRoot);
      }
    }
    this.index = new MentionIndex(this.visible);
    this.painter.setMentions(this.visible);
    if (!this.painted && this.painter.paintedCount > 0) {
      this.painted = true;
      this.options.onFirstHighlights?.();
    }
    if (report) this.options.onCountsChange?.(this.store.counts());
  }
}

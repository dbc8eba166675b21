import type { PageMention } from './find-mentions';
import { mentionAtPoint } from './hit-test';
import { MentionIndex } from './mention-index';
import { releaseRange } from './mention-range';
import type { ShownEdit } from './shown-mentions';

/** Mentions indexed between two looks at the idle time left: a few hundred microseconds' work. */
const WARM_SLICE = 256;

/** What the lookup follows: the annotator's shown list, and each edit a rescan makes to it. */
export interface ShownSource {
  readonly shown: readonly PageMention[];
  followShown(follower: (edit: ShownEdit | undefined) => void): () => void;
}

/**
 * Hit-testing for the card script: finds the shown mention under the pointer.
 * The index is built lazily, on the first lookup after a list from scratch (a
 * filter change, a navigation), or ahead of it in idle time (`warm`); a list
 * that grew (the first scan) has its tail indexed on the next lookup; a
 * rescan's edit to a list already indexed is applied as it comes, at the cost
 * of what it touched. The scan never pays for hovering.
 */
export class MentionLookup {
  private index = new MentionIndex();
  private source: readonly PageMention[] | undefined;
  private indexed = 0;
  /** Shadow roots holding indexed mentions, with how many: one whose last mention went must not be kept alive. */
  private readonly shadowRoots = new Map<ShadowRoot, number>();
  private readonly probe: Range;
  /** Stops following the annotator's edits. */
  readonly stop: () => void;

  constructor(
    private readonly annotator: ShownSource,
    private readonly doc: Document = document,
  ) {
    this.probe = doc.createRange();
    this.stop = annotator.followShown((edit) => this.follow(edit));
  }

  /** The shown mention under a viewport point. */
  at(x: number, y: number): PageMention | undefined {
    this.sync();
    try {
      return mentionAtPoint(this.index, x, y, this.probe, this.doc, [...this.shadowRoots.keys()]);
    } finally {
      releaseRange(this.probe, this.doc);
    }
  }

  /** The shown mention covering `offset` in `node`: what a caret position there lands on. */
  atCaret(node: Node, offset: number): PageMention | undefined {
    this.sync();
    return this.index.at(node, offset);
  }

  /**
   * Indexes what the next lookup would, a slice at a time while `timeLeft()`, so the reader's first hover on a long
   * page looks up only (building the index of the 4 MiB benchmark page's 11,000 names takes milliseconds). Whether
   * some is left.
   */
  warm(timeLeft: () => boolean, slice = WARM_SLICE): boolean {
    const shown = this.annotator.shown;
    if (shown !== this.source) {
      this.forget();
      this.source = shown;
    }
    while (this.indexed < shown.length && timeLeft()) {
      const end = Math.min(shown.length, this.indexed + slice);
      this.add(shown.slice(this.indexed, end));
      this.indexed = end;
    }
    return this.indexed < shown.length;
  }

  /** Whether a lookup now would index anything first. */
  get behind(): boolean {
    const shown = this.annotator.shown;
    return shown !== this.source || this.indexed < shown.length;
  }

  private follow(edit: ShownEdit | undefined): void {
    // A list from scratch, or an edit of a list not indexed here: the index is built anew on the next lookup. Until
    // then it holds nothing, or it would keep alive what the page removes meanwhile (no edit reaches it).
    if (!edit || edit.from !== this.source) {
      this.forget();
      return;
    }
    // Much of the old list not indexed yet (idle indexing under way): built again later, not inside the page's rescan.
    if (edit.from.length - this.indexed > WARM_SLICE) {
      this.forget();
      return;
    }
    // What the old list grew by since the last lookup is part of what the edit takes out.
    this.add(edit.from.slice(this.indexed));
    this.remove(edit.removed);
    this.add(edit.added);
    this.source = edit.to;
    this.indexed = edit.to.length;
  }

  private forget(): void {
    if (this.source === undefined) return;
    this.source = undefined;
    this.index = new MentionIndex();
    this.indexed = 0;
    this.shadowRoots.clear();
  }

  private sync(): void {
    const shown = this.annotator.shown;
    if (shown !== this.source) {
      this.forget();
      this.source = shown;
    }
    if (shown.length === this.indexed) return;
    this.add(shown.slice(this.indexed));
    this.indexed = shown.length;
  }

  private add(mentions: readonly PageMention[]): void {
    for (const { shadowRoot } of mentions) if (shadowRoot) this.shadowRoots.set(shadowRoot, (this.shadowRoots.get(shadowRoot) ?? 0) + 1);
    this.index.add(mentions);
  }

  private remove(mentions: readonly PageMention[]): void {
    for (const { shadowRoot } of mentions) {
      if (!shadowRoot) continue;
      const left = (this.shadowRoots.get(shadowRoot) ?? 1) - 1;
      if (left > 0) this.shadowRoots.set(shadowRoot, left);
      else this.shadowRoots.delete(shadowRoot);
    }
    this.index.remove(mentions);
  }
}

import { changesBefore } from './block-tails';
import type { PageMention } from './find-mentions';
import { runWithin, type StoreEdit } from './mention-store';
import { firstPassing } from './first-passing';

/** One change to the list of shown mentions, from one array to the next. */
export interface ShownEdit {
  readonly from: readonly PageMention[];
  readonly to: readonly PageMention[];
  /** Shown before, not any more; and shown now, not before (a mention a rescan found again is in neither). */
  readonly removed: readonly PageMention[];
  readonly added: readonly PageMention[];
}

/**
 * The mentions shown to the reader: the store's, filtered by category, in
 * document order. A rescan's changes are spliced in where they happened and
 * kept as edits, so readers of the list (the hit-test index) follow a change to
 * one paragraph by what it touched, instead of reading 20,000 mentions again.
 * Edits are handed to followers as they happen, never kept: a kept one would
 * keep what it removed alive (web components a single-page app dropped). A new
 * list from scratch is a new array no edit leads to: readers tell it from an
 * edited or grown one by identity.
 */
export class ShownMentions {
  private list: PageMention[] = [];
  /** The index from which the last change made the list differ from the one before (Painter.setMentions). */
  private changedAt = 0;
  private readonly followers = new Set<(edit: ShownEdit | undefined) => void>();

  constructor(private filter: (entityId: string) => boolean = () => true) {}

  get all(): readonly PageMention[] {
    return this.list;
  }

  /** Where the last reset, append or edit changed `all` from: the list before it holds the same mentions up to there. */
  get changedFrom(): number {
    return this.changedAt;
  }

  setFilter(filter: (entityId: string) => boolean): void {
    this.filter = filter;
  }

  /** Shows what passes the filter of `mentions`, from scratch; followers hear of it as no edit (`undefined`). */
  reset(mentions: readonly PageMention[]): readonly PageMention[] {
    this.list = [];
    this.followers.forEach((follower) => follower(undefined));
    const shown = this.append(mentions);
    this.changedAt = 0;
    return shown;
  }

  /** Shows mentions that come after all those shown; returns those that pass the filter. */
  append(mentions: readonly PageMention[]): readonly PageMention[] {
    this.changedAt = this.list.length;
    const shown = mentions.filter((m) => this.filter(m.entityId));
    for (const mention of shown) this.list.push(mention);
    return shown;
  }

  /**
   * Applies what a rescan changed in the store (`all`: the store's list after
   * it); returns the mentions shown now that were not before. A change that
   * does not fit the list (a mention the page removed met on the way) has it
   * rebuilt from `all` instead, with no edit leading to it. `changed`: where
   * the page changed what the rescan read (DirtyWork.changed; null: anywhere).
   */
  apply(edit: StoreEdit, all: readonly PageMention[], changed: readonly Node[] | null = null): readonly PageMention[] {
    const from = this.list;
    const removed: PageMention[] = [];
    const added: PageMention[] = [];
    let list: readonly PageMention[] = from;
    if (edit.dropped.length > 0) {
      const dropped = new Set(edit.dropped);
      list = list.filter((m) => !dropped.has(m));
      for (const mention of edit.dropped) if (this.filter(mention.entityId)) removed.push(mention);
      if (list.length !== from.length - removed.length) return this.reset(all);
    }
    const pieces: (readonly PageMention[])[] = [];
    let at = 0;
    // Where the first change lands in the new list: the dropped ones anywhere count as from the top.
    let changedAt = edit.dropped.length > 0 ? 0 : -1;
    let length = 0;
    for (const run of edit.runs) {
      const gone = run.removed.filter((m) => this.filter(m.entityId));
      const come = run.added.filter((m) => this.filter(m.entityId));
      if (gone.length === 0 && come.length === 0) continue;
      const span = runWithin(list, at, run.root, run.from);
      if (!span || span[1] - span[0] !== gone.length || gone.some((m, i) => list[span[0] + i] !== m)) return this.reset(all);
      // Found again up to here: the same objects, which painters and indexes know.
      let same = 0;
      while (same < gone.length && same < come.length && gone[same] === come[same]) same++;
      if (changedAt < 0 && (same < gone.length || same < come.length)) changedAt = length + span[0] - at + same;
      pieces.push(list.slice(at, span[0]), come);
      length += span[0] - at + come.length;
      at = span[1];
      // A name split by tags that was found again kept its ends, not necessarily what lies between them (a framework
      // re-rendered its middle <b>): readers that know its nodes take it out and in again. Not those before anything the
      // page changed in the block: a block of 50,000 "Kim <b>Jong</b> Un" the page added a line to had all of them
      // taken out of the hover index and put back, 370 ms of one task.
      const unchanged = unchangedBefore(come, same, run.root, changed);
      for (let i = unchanged; i < same; i++) {
        const mention = come[i]!;
        if (mention.startNode !== mention.endNode) {
          removed.push(mention);
          added.push(mention);
        }
      }
      const kept = new Set(gone.slice(same));
      const cameBack = new Set(come.slice(same));
      for (let i = same; i < gone.length; i++) {
        const mention = gone[i]!;
        if (!cameBack.has(mention) || mention.startNode !== mention.endNode) removed.push(mention);
      }
      for (let i = same; i < come.length; i++) {
        const mention = come[i]!;
        if (!kept.has(mention) || mention.startNode !== mention.endNode) added.push(mention);
      }
    }
    if (removed.length === 0 && added.length === 0) {
      // The same mentions as before.
      this.changedAt = from.length;
      return [];
    }
    pieces.push(list.slice(at));
    this.list = ([] as PageMention[]).concat(...pieces);
    this.changedAt = changedAt < 0 ? from.length : changedAt;
    const change: ShownEdit = { from, to: this.list, removed, added };
    this.followers.forEach((follower) => follower(change));
    return added;
  }

  /** Calls `follower` with each edit from now on, and with `undefined` for each list from scratch; returns how to stop. */
  follow(follower: (edit: ShownEdit | undefined) => void): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }
}

/**
 * How many of the first `count` of `mentions` (a run of `root`, in order) end
 * before anything the page changed in or around the root: no node of theirs
 * can have changed. Found by halving, and only when a name split by tags is
 * among them: the others' nodes are their ends.
 */
function unchangedBefore(mentions: readonly PageMention[], count: number, root: Node, changed: readonly Node[] | null): number {
  if (!changed) return 0;
  let split = false;
  for (let i = 0; i < count && !split; i++) split = mentions[i]!.startNode !== mentions[i]!.endNode;
  if (!split) return count;
  const changedBefore = (mention: PageMention) => changed.some((node) => changesBefore(root, mention.endNode, node));
  // The page added to the block's end (a log, a feed): the last one tells for all.
  if (!changedBefore(mentions[count - 1]!)) return count;
  return firstPassing(mentions, 0, count, changedBefore);
}

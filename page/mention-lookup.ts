import type { PageMention } from './find-mentions';
import { mentionAtPoint } from './hit-test';
import { MentionIndex } from './mention-index';

/**
 * Hit-testing for the card script: finds the shown mention under the pointer.
 * The index follows the annotator's list lazily, on the next lookup: the list
 * only grows between rescans (its tail is indexed) and is replaced by a rescan
 * or a filter change (indexed anew), so the scan itself never pays for hovering.
 */
export class MentionLookup {
  private index = new MentionIndex();
  private source: readonly PageMention[] | undefined;
  private indexed = 0;
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly probe: Range;

  constructor(
    private readonly annotator: { readonly shown: readonly PageMention[] },
    private readonly doc: Document = document,
  ) {
    this.probe = doc.createRange();
  }

  at(x: number, y: number): PageMention | undefined {
    this.sync();
    return mentionAtPoint(this.index, x, y, this.probe, this.doc, [...this.shadowRoots]);
  }

  private sync(): void {
    const shown = this.annotator.shown;
    if (shown !== this.source) {
      this.source = shown;
      this.index = new MentionIndex();
      this.indexed = 0;
      this.shadowRoots.clear();
    }
    if (shown.length === this.indexed) return;
    const fresh = shown.slice(this.indexed);
    for (const mention of fresh) if (mention.shadowRoot) this.shadowRoots.add(mention.shadowRoot);
    this.index.add(fresh);
    this.indexed = shown.length;
  }
}

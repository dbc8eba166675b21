import type { PageMention } from './find-mentions';

/** Shows mentions to the reader: the Highlight API where there is one, an overlay elsewhere. */
export interface Painter {
  /**
   * The mentions to show, in document order; only those near the viewport are
   * painted. `changedFrom`: the list is the last one given but from this index
   * on (a rescan's edit), so a change after the painted window need measure nothing.
   */
  setMentions(mentions: readonly PageMention[], changedFrom?: number): void;
  /**
   * The list given to setMentions grew at its end. Mentions come in document
   * order, so once one lies below the painted window, all later ones do too:
   * nothing is measured then, which keeps a long page's scan from forcing layout.
   * `more`: the scan goes on and will add to it, so what lies beyond the window
   * may wait for the list's last extend.
   */
  extend(mentions: readonly PageMention[], more?: boolean): void;
  /** Follows scrolling and resizing; call at most once a frame. */
  update(): void;
  setHovered(mention: PageMention | undefined): void;
  /**
   * Mentions were found inside this shadow root: page styles do not reach into it, so ours must. Called again as names
   * there are painted: a root whose page set its sheets anew has ours back then (not before its next change of names).
   */
  addShadowRoot(root: ShadowRoot): void;
  readonly paintedCount: number;
  destroy(): void;
}

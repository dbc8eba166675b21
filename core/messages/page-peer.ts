/**
 * The requests page scripts (the screen, the annotator, the card script's page side) send the background, validated by the
 * background and never bundled into the page (page-protocol.ts has the replies).
 */
import * as z from 'zod/mini';
import { once } from '../once';
import { SlugSchema } from '../story/slug';

/**
 * The most entity ids one message may carry: far more than a story names, and few enough that a page cannot have the
 * background read, store and count without end.
 */
export const MOST_ENTITY_IDS = 500;

/** Mentions per entity id on one page. */
export const MentionCountsSchema = z.lazy(() =>
  z
    .record(SlugSchema, z.int().check(z.minimum(1)))
    .check(z.refine((counts) => Object.keys(counts).length <= MOST_ENTITY_IDS, { error: `At most ${MOST_ENTITY_IDS} entities` })),
);
export type MentionCounts = z.infer<typeof MentionCountsSchema>;

/** Page → background, validated by the background. Built on first use (core/story/schema.ts tells why). */
export const pageSideRequests = once(() => ({
  /** The screen found a name of the story in this frame: inject the annotator. */
  'page/annotate': z.object({ type: z.literal('page/annotate') }),
  'matcher/get': z.object({ type: z.literal('matcher/get') }),
  'ui/load': z.object({ type: z.literal('ui/load') }),
  /** A browser without the Highlight API: inject the overlay painter into this frame. */
  'painter/load': z.object({ type: z.literal('painter/load') }),
  /** What this frame found, whenever it changes. */
  /**
   * `since`: when the frame's document began, on the wall clock (extension/story-keys.ts, documentStart), which tells a
   * frame of the page now from one of before its reload.
   */
  'tab/found': z.object({ type: z.literal('tab/found'), url: z.string(), since: z.optional(z.number()), counts: MentionCountsSchema }),
  /** The card script of an embedded frame: the frame's window lost the keyboard focus with a card open. */
  'focus/left': z.object({ type: z.literal('focus/left') }),
  /**
   * The card script: a card opened in this frame while the keys go to another document of the tab (`open`), or that
   * card gone: Escape pressed there is passed on to this frame (page/escape-elsewhere.ts).
   */
  'card/escape-watch': z.object({ type: z.literal('card/escape-watch'), open: z.boolean() }),
  /** Escape pressed in a document of the tab watching for the card of frame `frameId` (background/escape-relay.ts). */
  'card/escape': z.object({ type: z.literal('card/escape'), frameId: z.int().check(z.minimum(0)) }),
}));
export type PageSideRequests = ReturnType<typeof pageSideRequests>;

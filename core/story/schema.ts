/**
 * The story pack format. Every other layer (database, messages, matcher, UI)
 * derives its types from these schemas, so a pack that parses here is a pack
 * every layer can use.
 */
// zod/mini: the same schemas validate messages in the content script, where bundle size counts.
//
// A schema of more than one part is built on its first use (z.lazy), not when a
// script loads: Zod builds each part with property definitions and trait sets,
// and in a page's cold code building every schema the card script imports took
// about a third of its evaluation, a frozen frame for a reader who has not
// hovered yet. The message tables (core/messages) are built on first use too.
import * as z from 'zod/mini';

import { CategorySchema } from './category';
import { SlugSchema } from './slug';

export { CATEGORIES, CategorySchema, type Category } from './category';
export { SlugSchema } from './slug';

export const FACT_KINDS = [
  'sanctions',
  'accusation',
  'denial',
  'statement',
  'event',
  'relation',
  'background',
] as const;
export const FactKindSchema = z.enum(FACT_KINDS);
export type FactKind = z.infer<typeof FactKindSchema>;


const Text = () => z.string().check(z.trim(), z.minLength(1));

/**
 * When an alias may count as a mention.
 * - `always`: unambiguous on its own (a full name, "DPRK").
 * - `after-full-name`: a short form ("Putin", "Pyongyang" for the government)
 *   that counts only once the entity's canonical name appeared earlier on the same page.
 * - `never`: a known written form that is too ambiguous to match at all; kept so
 *   pack authors see it was considered.
 */
export const AliasRuleSchema = z.enum(['always', 'after-full-name', 'never']);
export type AliasRule = z.infer<typeof AliasRuleSchema>;

export const AliasSchema = z.lazy(() =>
  z.strictObject({
    /** The written form as it appears in running text, in its usual case. */
    text: Text(),
    rule: z._default(AliasRuleSchema, 'always'),
    /**
     * Longer phrases that contain this alias but mean something else
     * ("Washington Post", "George Washington"): inside them the alias is no mention.
     */
    exclude: z._default(z.array(Text()), []),
    /**
     * Phrases that name another place of the same name ("Moscow, Idaho"), or
     * tell of it in other words ("University of Idaho", "Spokane, Wash."), or
     * another one the page goes on to call by the name ("Nintendo’s Kirby"): an
     * exclusion, and once one is seen the page is taken to be about that other
     * place, so the entity is no mention for the rest of the page ("Moscow police"),
     * or of the article it stands in on a page of several (core/matcher/README.md).
     */
    elsewhere: z.optional(z.array(Text())),
    /** Declares that another entity legitimately shares this written form. */
    ambiguous: z._default(z.boolean(), false),
    /**
     * A surname that counts only standing alone: not with a capitalised word
     * right before or after it, one space between, where it is part of
     * another person's name ("Kim Yo Jong", "Tom Kim").
     */
    alone: z.optional(z.boolean()),
    /**
     * A name that is also a surname ("Washington"): after a given name in
     * prose ("receiver Malik Washington") it is a person's, no mention, and,
     * as an `elsewhere` phrase does, ends the entity's mentions after it in its
     * part of the page ("Washington also returned a punt").
     */
    surname: z.optional(z.boolean()),
    /**
     * A surname other people's given names come before ("Mikhail Putin, deputy
     * chairman of Gazprom"): after a capitalised word in prose that is no title,
     * rank or word a sentence opens with, it is another person's, no mention. For
     * a surname that counts at once; `alone` is for one that waits for the full name.
     */
    otherFirstNames: z.optional(z.boolean()),
  }),
);
export type Alias = z.infer<typeof AliasSchema>;
export type AliasInput = z.input<typeof AliasSchema>;

/** Paragraph 0 is the headline; paragraph N is the N-th line after it. */
export const CitationSchema = z.lazy(() =>
  z.strictObject({
    paragraph: z.int().check(z.minimum(0)),
    /** A verbatim substring of that paragraph of the article, curly quotes included. */
    quote: z.string().check(z.minLength(1)),
  }),
);
export type Citation = z.infer<typeof CitationSchema>;

export const SanctionsSchema = z.lazy(() =>
  z.strictObject({
    sanctioned: z.boolean(),
    /** Entity ids of who imposes or leads the sanctions, where the article says so. */
    by: z._default(z.array(SlugSchema), []),
    /** What for, in the article's terms. */
    reason: z.string().check(z.minLength(1)),
    citation: CitationSchema,
  }),
);
export type Sanctions = z.infer<typeof SanctionsSchema>;

export const EntitySchema = z.lazy(() =>
  z.strictObject({
    id: SlugSchema,
    name: Text(),
    category: CategorySchema,
    /**
     * A short identifier in the article's own terms ("where Putin headed for a
     * summit with Kim Jong Un"), shown beside the category. Left out where the
     * article says nothing that tells the entity apart: knowledge from outside
     * the article ("capital of North Korea") would be a claim it does not make.
     */
    description: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
    /**
     * The one sentence the description is said in, which the card opens from it as a fact's. Required with a
     * description (the pack check's, core/story/check-descriptions.ts): optional here, as rows an earlier version
     * wrote lack it.
     */
    descriptionCitation: z.optional(CitationSchema),
    aliases: z.array(AliasSchema).check(z.minLength(1)),
    sanctions: z.optional(SanctionsSchema),
  }),
);
export type Entity = z.infer<typeof EntitySchema>;

export const FactSchema = z.lazy(() =>
  z.strictObject({
    id: SlugSchema,
    kind: FactKindSchema,
    subjects: z.array(SlugSchema).check(z.minLength(1)),
    /**
     * Who says it in the sentence it cites; required for statements, accusations and denials. One entity: where several
     * say it ("accusations from the U.S. and South Korea"), one of them, and the text names them all.
     */
    speaker: z.optional(SlugSchema),
    /** One neutral sentence restating what the article says, nothing more. */
    text: Text(),
    citation: CitationSchema,
    /** Facts on the other side of a contested claim (an accusation and its denial). */
    contests: z._default(z.array(SlugSchema), []),
  }),
);
export type Fact = z.infer<typeof FactSchema>;

export const KeyPointSchema = z.lazy(() =>
  z.strictObject({
    text: Text(),
    citation: CitationSchema,
  }),
);
export type KeyPoint = z.infer<typeof KeyPointSchema>;

export const StoryMetaSchema = z.lazy(() =>
  z.strictObject({
    id: SlugSchema,
    headline: Text(),
    /** File name of the article text, beside the pack's JSON files. */
    article: z.string().check(z.minLength(1)),
    summary: z.array(KeyPointSchema).check(z.minLength(3), z.maxLength(6)),
  }),
);
export type StoryMeta = z.infer<typeof StoryMetaSchema>;

export const EntitiesFileSchema = z.lazy(() => z.array(EntitySchema).check(z.minLength(1)));
export const FactsFileSchema = z.lazy(() => z.array(FactSchema).check(z.minLength(1)));

/** A whole pack as the database stores it. */
export const StoryPackSchema = z.lazy(() =>
  z.strictObject({
    story: StoryMetaSchema,
    entities: EntitiesFileSchema,
    facts: FactsFileSchema,
  }),
);
export type StoryPack = z.infer<typeof StoryPackSchema>;
export type StoryPackInput = z.input<typeof StoryPackSchema>;

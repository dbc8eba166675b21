/**
 * The story pack format. Every other layer (database, messages, matcher, UI)
 * derives its types from these schemas, so a pack that parses here is a pack
 * every layer can use.
 */
import { z } from 'zod';

export const CATEGORIES = ['person', 'country', 'organization', 'place'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

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

/** Lower-case words joined by hyphens: stable across pack versions. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "north-korea"');

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

export const AliasSchema = z.strictObject({
  /** The written form as it appears in running text, in its usual case. */
  text: z.string().trim().min(1),
  rule: AliasRuleSchema.default('always'),
  /**
   * Longer phrases that contain this alias but mean something else
   * ("Washington Post", "George Washington"): inside them the alias is no mention.
   */
  exclude: z.array(z.string().trim().min(1)).default([]),
  /** Declares that another entity legitimately shares this written form. */
  ambiguous: z.boolean().default(false),
});
export type Alias = z.infer<typeof AliasSchema>;
export type AliasInput = z.input<typeof AliasSchema>;

/** Paragraph 0 is the headline; paragraph N is the N-th line after it. */
export const CitationSchema = z.strictObject({
  paragraph: z.int().min(0),
  /** A verbatim substring of that paragraph of the article, curly quotes included. */
  quote: z.string().min(1),
});
export type Citation = z.infer<typeof CitationSchema>;

export const SanctionsSchema = z.strictObject({
  sanctioned: z.boolean(),
  /** Entity ids of who imposes or leads the sanctions, where the article says so. */
  by: z.array(SlugSchema).default([]),
  /** What for, in the article's terms. */
  reason: z.string().min(1),
  citation: CitationSchema,
});
export type Sanctions = z.infer<typeof SanctionsSchema>;

export const EntitySchema = z.strictObject({
  id: SlugSchema,
  name: z.string().trim().min(1),
  category: CategorySchema,
  /** A short neutral identifier, never a claim: "capital of North Korea". */
  description: z.string().trim().min(1).max(120),
  aliases: z.array(AliasSchema).min(1),
  sanctions: SanctionsSchema.optional(),
});
export type Entity = z.infer<typeof EntitySchema>;

export const FactSchema = z.strictObject({
  id: SlugSchema,
  kind: FactKindSchema,
  subjects: z.array(SlugSchema).min(1),
  /** Who said it; required for statements, denials and accusations made by someone. */
  speaker: SlugSchema.optional(),
  /** One neutral sentence restating what the article says, nothing more. */
  text: z.string().trim().min(1),
  citation: CitationSchema,
  /** Facts on the other side of a contested claim (an accusation and its denial). */
  contests: z.array(SlugSchema).default([]),
});
export type Fact = z.infer<typeof FactSchema>;

export const KeyPointSchema = z.strictObject({
  text: z.string().trim().min(1),
  citation: CitationSchema,
});
export type KeyPoint = z.infer<typeof KeyPointSchema>;

export const StoryMetaSchema = z.strictObject({
  id: SlugSchema,
  headline: z.string().trim().min(1),
  /** File name of the article text, beside the pack's JSON files. */
  article: z.string().min(1),
  summary: z.array(KeyPointSchema).min(3).max(6),
});
export type StoryMeta = z.infer<typeof StoryMetaSchema>;

export const EntitiesFileSchema = z.array(EntitySchema).min(1);
export const FactsFileSchema = z.array(FactSchema).min(1);

/** A whole pack as the database stores it. */
export const StoryPackSchema = z.strictObject({
  story: StoryMetaSchema,
  entities: EntitiesFileSchema,
  facts: FactsFileSchema,
});
export type StoryPack = z.infer<typeof StoryPackSchema>;
export type StoryPackInput = z.input<typeof StoryPackSchema>;

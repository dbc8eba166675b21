/**
 * Verifies a story pack against its article before anything is shown to a reader:
 * schema first, then the promises the schema cannot express (quotes are verbatim,
 * ids resolve, disputes show both sides). Pure, so the build script, the tests
 * and the extension can all run the same checks.
 */
import { inArticleOrder } from './article-order';
import { checkAliases } from './check-aliases';
import {
  checkEveryEntityHasFacts,
  checkFactReferences,
  checkSanctionsBy,
  checkUniqueIds,
  type Indexed,
  type KnownIds,
} from './check-references';
import { checkArticle, checkCitation, citesSentence, splitParagraphs } from './citations';
import { checkSubjectsNamed } from './check-claim-names';
import { checkClaimWords } from './check-claim-words';
import { checkCoverage } from './check-coverage';
import { checkDescriptions } from './check-descriptions';
import { checkSanctionsFacts } from './check-sanctions-facts';
import { checkSpeakersNamed, checkSpeakersQuoted } from './check-speakers';
import { checkFactsStandAlone, checkNoSentenceTwice, checkSanctionsByNamed, checkSanctionsReasons } from './check-wording';
import { inFile, zodProblems, type PackProblem, type PathProblem } from './problems';
import {
  EntitiesFileSchema,
  EntitySchema,
  FactSchema,
  FactsFileSchema,
  StoryMetaSchema,
  type Entity,
  type Fact,
  type StoryMeta,
  type StoryPack,
} from './schema';
import type * as z from 'zod/mini';

export { splitParagraphs } from './citations';
export type { PackProblem } from './problems';

export interface PackFiles {
  story: unknown;
  entities: unknown;
  facts: unknown;
}

export interface ParseOptions {
  /** The article's file name; when given, story.json's `article` must equal it. */
  articleName?: string;
}

export type ParseResult = { ok: true; pack: StoryPack } | { ok: false; problems: PackProblem[] };

interface ParsedArray<T> {
  /** Elements that passed the schema, so one bad element does not hide the others' problems. */
  valid: Indexed<T>[];
  complete: boolean;
}

function parseArray<T>(
  file: string,
  raw: unknown,
  fileSchema: z.ZodMiniType,
  itemSchema: z.ZodMiniType<T>,
  problems: PackProblem[],
): ParsedArray<T> {
  const whole = fileSchema.safeParse(raw);
  if (!whole.success) problems.push(...zodProblems(file, raw, whole.error));
  const items: unknown[] = Array.isArray(raw) ? raw : [];
  const valid = items.flatMap((item, index) => {
    const parsed = itemSchema.safeParse(item);
    return parsed.success ? [{ index, value: parsed.data }] : [];
  });
  return { valid, complete: whole.success };
}

/** Collects one string field from every element of a raw list; `undefined` if it is no list. */
function rawStrings(raw: unknown, pick: (item: Record<string, unknown>) => unknown): Set<string> | undefined {
  if (!Array.isArray(raw)) return undefined;
  const found = new Set<string>();
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const value = pick(item as Record<string, unknown>);
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'string') found.add(v);
  }
  return found;
}

/** The article must sit beside the JSON files; a path could point a loader anywhere. */
export function isPlainFileName(name: string): boolean {
  return name.length > 0 && !/[/\\]/.test(name) && !name.startsWith('.');
}

function checkStory(story: StoryMeta, paragraphs: string[], options: ParseOptions): PathProblem[] {
  const problems: PathProblem[] = [];
  const headline = paragraphs[0]?.trim();
  if (headline !== undefined && story.headline !== headline) {
    problems.push({ path: '$.headline', message: `headline must equal paragraph 0 of the article: “${headline}”` });
  }
  if (!isPlainFileName(story.article)) {
    problems.push({ path: '$.article', message: `"${story.article}" must be a plain file name beside the pack's JSON files` });
  } else if (options.articleName !== undefined && story.article !== options.articleName) {
    problems.push({ path: '$.article', message: `"${story.article}" is not the article file "${options.articleName}"` });
  }
  story.summary.forEach((point, i) => {
    problems.push(...checkCitation(point.citation, paragraphs, `$.summary[${i}].citation`));
  });
  return problems;
}

function checkEntities(
  { valid: entities, complete }: ParsedArray<Entity>,
  paragraphs: string[],
  entityIds: KnownIds,
  subjectIds: KnownIds,
): PathProblem[] {
  return [
    ...checkUniqueIds(entities, 'entity'),
    ...checkAliases(entities, complete),
    ...checkSanctionsBy(entities, entityIds),
    ...checkSanctionsReasons(entities),
    ...checkSanctionsByNamed(entities),
    ...entities.flatMap(({ index, value }) =>
      value.sanctions ? checkCitation(value.sanctions.citation, paragraphs, `$[${index}].sanctions.citation`) : [],
    ),
    ...entities.flatMap(({ index, value }) =>
      value.descriptionCitation ? checkCitation(value.descriptionCitation, paragraphs, `$[${index}].descriptionCitation`) : [],
    ),
    ...checkEveryEntityHasFacts(entities, subjectIds),
  ];
}

function checkFacts(
  facts: Indexed<Fact>[],
  entities: Indexed<Entity>[],
  paragraphs: string[],
  entityIds: KnownIds,
  factIds: Set<string>,
): PathProblem[] {
  return [
    ...checkUniqueIds(facts, 'fact'),
    ...checkFactReferences(facts, entityIds, factIds),
    ...checkSpeakersNamed(facts, entities),
    ...checkSpeakersQuoted(facts, entities, paragraphs),
    ...checkFactsStandAlone(facts),
    ...checkNoSentenceTwice(facts),
    ...facts.flatMap(({ index, value }) => checkCitation(value.citation, paragraphs, `$[${index}].citation`)),
  ];
}

export function parseStoryPack(files: PackFiles, article: string, options: ParseOptions = {}): ParseResult {
  const problems: PackProblem[] = [];
  const paragraphs = splitParagraphs(article);

  const story = StoryMetaSchema.safeParse(files.story);
  if (!story.success) problems.push(...zodProblems('story.json', files.story, story.error));
  const named = story.success && isPlainFileName(story.data.article) ? story.data.article : 'article.txt';
  const articleFile = options.articleName ?? named;
  const entities = parseArray('entities.json', files.entities, EntitiesFileSchema, EntitySchema, problems);
  const facts = parseArray('facts.json', files.facts, FactsFileSchema, FactSchema, problems);

  // Ids as written, even on elements that failed the schema: a fact pointing at an
  // entity with a bad category should be reported once (the category), not twice.
  const entityIds = rawStrings(files.entities, (e) => e.id);
  const factIds = rawStrings(files.facts, (f) => f.id) ?? new Set<string>();
  const subjectIds = rawStrings(files.facts, (f) => f.subjects);
  if (story.success) problems.push(...inFile('story.json', checkStory(story.data, paragraphs, options)));
  problems.push(...inFile('entities.json', checkEntities(entities, paragraphs, entityIds, subjectIds)));
  problems.push(...inFile('facts.json', checkFacts(facts.valid, entities.valid, paragraphs, entityIds, factIds)));
  // Against every name of the story: with some entities unreadable, a text's names would read as words of its own.
  if (entities.complete) {
    const named = entities.valid.map((entity) => entity.value);
    if (story.success) {
      const points = story.data.summary.map((point, i) => ({ ...point, path: `$.summary[${i}].text` }));
      problems.push(...inFile('story.json', checkClaimWords(points, named, paragraphs)));
    }
    problems.push(...inFile('entities.json', checkDescriptions(entities.valid, paragraphs)));
    problems.push(...inFile('facts.json', checkClaimWords(facts.valid.map(({ index, value }) => ({ ...value, path: `$[${index}].text`, name: `fact "${value.id}"` })), named, paragraphs)));
    problems.push(...inFile('facts.json', checkSanctionsFacts(facts.valid, named, paragraphs)));
    problems.push(...inFile('facts.json', checkSubjectsNamed(facts.valid, named, paragraphs)));
  }
  // Against the whole file, each quote a sentence: with a fact unreadable or misquoted, the sentence it meant would read
  // as left out, a second problem for one mistake.
  const cited = facts.valid.every(({ value }) => citesSentence(value.citation, paragraphs));
  if (facts.complete && cited) problems.push(...inFile('facts.json', checkCoverage(facts.valid, paragraphs)));
  problems.push(...inFile(articleFile, checkArticle(paragraphs)));

  // The schema checks are repeated here only so TypeScript sees the parsed data.
  if (problems.length > 0 || !story.success || !entities.complete || !facts.complete) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    pack: {
      story: story.data,
      entities: entities.valid.map((e) => e.value),
      // In the article's order, which a card keeps: the pack's files may list them in any.
      facts: inArticleOrder(
        facts.valid.map((f) => f.value),
        paragraphs,
      ),
    },
  };
}

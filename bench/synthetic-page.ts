import type { MatchableEntity } from '../core/matcher';
import { HtmlWriter } from './html-writer';
import { createRandom, type Random } from './prng';
import {
  AGES, AUTHORS, CLAUSES, DECOYS, HEADLINES, MENTION_FRAMES, OPENERS, SECTIONS,
} from './synthetic-vocabulary';

export const MIB = 1024 * 1024;

export interface SyntheticPageOptions {
  /** Characters of text (text node data under <body>) to reach at least. */
  textChars?: number;
  /** Text nodes to aim for; the generator steers towards textChars / textNodes characters a node. */
  textNodes?: number;
  /** Plant story names (false: a page that never mentions the story). */
  mentions?: boolean;
  /** Plant near misses ("Russian", "Washington Post"). */
  decoys?: boolean;
  seed?: number;
}

export interface SyntheticPageStats {
  textChars: number;
  textNodes: number;
  /** Mentions planted; Backstory should find exactly these. */
  mentions: number;
  /** Of which split by an inline tag, as in "Kim <b>Jong</b> Un". */
  splitMentions: number;
  possessives: number;
  decoys: number;
}

export interface SyntheticPage {
  html: string;
  stats: SyntheticPageStats;
}

/**
 * Odds that a sentence carries a mention: an article about the story is dense
 * with names, its comment thread less so. With these the page holds about one
 * mention per 370 characters, like a live blog on the story with its comments.
 */
const MENTION_ODDS = { article: 0.5, comment: 0.2, headline: 0.6 };
const DECOY_ODDS = 0.06;
const SPLIT_ODDS = 0.15;
const LINKED_ODDS = 0.08;
const POSSESSIVE_ODDS = 0.12;
const INLINE_ODDS = 0.3;
const SPLIT_TAGS = [['b', ''], ['em', ''], ['a', 'href="#"'], ['span', 'class="tag"'], ['strong', '']] as const;

const STYLE = `body{margin:0;font:17px/1.6 Georgia,serif;color:#222}header nav a{margin-right:12px;font:14px system-ui}
main{max-width:680px;margin:24px auto;padding:0 16px}.comment{border-top:1px solid #ddd;padding:8px 0;font:15px/1.5 system-ui}
.comment .author{font-weight:700}.comment time{color:#777;margin-left:8px}.comment button{margin-right:6px}
footer{border-top:1px solid #ddd;padding:24px;font:13px system-ui}`;

/**
 * Written forms a reader meets in running text: the canonical name and every
 * alias that always counts. Order-dependent forms (`after-full-name`) and
 * shared ones are left out, so every planted mention is one Backstory must find.
 */
export function plantableForms(entities: readonly MatchableEntity[]): string[][] {
  return entities.map((entity) => [
    ...new Set([
      entity.name,
      ...entity.aliases.filter((a) => (a.rule ?? 'always') === 'always' && !a.ambiguous).map((a) => a.text),
    ]),
  ]);
}

class PageBuilder {
  readonly w = new HtmlWriter();
  readonly stats = { mentions: 0, splitMentions: 0, possessives: 0, decoys: 0 };

  constructor(
    private readonly random: Random,
    private readonly forms: string[][],
    private readonly options: Required<SyntheticPageOptions>,
  ) {}

  /** One sentence, written into the current element. */
  sentence(mentionOdds: number): void {
    const { random, w } = this;
    const clauses: string[] = [random.pick(CLAUSES)];
    if (random.chance(0.5)) clauses.push(random.pick(CLAUSES));
    const mentionAt = this.options.mentions && random.chance(mentionOdds) ? random.int(clauses.length + 1) : -1;
    const decoyAt = this.options.decoys && random.chance(DECOY_ODDS) ? random.int(clauses.length + 1) : -1;
    w.text(`${random.pick(OPENERS)} `);
    for (let i = 0; i <= clauses.length; i++) {
      if (i === mentionAt) this.mentionClause();
      if (i === decoyAt) {
        w.text(`${random.pick(DECOYS)}, `);
        this.stats.decoys++;
      }
      if (i < clauses.length) this.clause(clauses[i]!, i === clauses.length - 1 ? '. ' : ', ');
    }
  }

  /** A clause, sometimes with a few words in a link or emphasis, as articles have. */
  private clause(text: string, end: string): void {
    const { random, w } = this;
    if (!random.chance(INLINE_ODDS)) {
      w.text(text + end);
      return;
    }
    const words = text.split(' ');
    const from = random.int(words.length - 2);
    const [tag, attributes] = random.pick(SPLIT_TAGS);
    w.text(words.slice(0, from).join(' ') + (from ? ' ' : ''));
    w.element(tag, words.slice(from, from + 3).join(' '), attributes);
    w.text(' ' + words.slice(from + 3).join(' ') + end);
  }

  private mentionClause(): void {
    const [before, after] = this.random.pick(MENTION_FRAMES).split('{M}') as [string, string];
    this.w.text(before);
    this.mention();
    this.w.text(`${after}, `);
  }

  private mention(): void {
    const { random, w, stats } = this;
    const forms = random.pick(this.forms);
    const form = random.chance(0.5) ? forms[0]! : random.pick(forms);
    const words = form.split(' ');
    stats.mentions++;
    if (words.length > 1 && random.chance(SPLIT_ODDS)) {
      // One word in its own element: the name now spans several text nodes.
      const at = words.length > 2 ? 1 + random.int(words.length - 2) : random.int(2);
      const [tag, attributes] = random.pick(SPLIT_TAGS);
      w.text(words.slice(0, at).join(' ') + (at ? ' ' : ''));
      w.element(tag, words[at]!, attributes);
      w.text((at < words.length - 1 ? ' ' : '') + words.slice(at + 1).join(' '));
      stats.splitMentions++;
    } else if (random.chance(LINKED_ODDS)) {
      w.element('a', form, 'href="#" class="topic"');
    } else {
      w.text(form);
    }
    if (!form.endsWith('.') && random.chance(POSSESSIVE_ODDS)) {
      w.text(random.chance(0.7) ? '’s' : "'s");
      stats.possessives++;
    }
  }

  story(): void {
    const { random, w } = this;
    w.open('section', 'class="story"');
    w.open('h2').text(random.pick(HEADLINES));
    if (this.options.mentions && random.chance(MENTION_ODDS.headline)) {
      w.text(': ');
      this.mention();
    }
    w.close('h2').text('\n');
    w.element('p', `By Staff Reporters · ${random.pick(AGES)}`, 'class="byline"').text('\n');
    const paragraphs = 3 + random.int(4);
    for (let p = 0; p < paragraphs; p++) {
      w.open('p');
      const sentences = 2 + random.int(4);
      for (let s = 0; s < sentences; s++) this.sentence(MENTION_ODDS.article);
      w.close('p').text('\n');
    }
    w.close('section').text('\n');
  }

  /** A reader comment: many short text nodes, as comment threads and widgets have. */
  comment(): void {
    const { random, w } = this;
    w.open('div', 'class="comment"');
    w.element('span', random.pick(AUTHORS), 'class="author"').element('time', random.pick(AGES));
    w.open('p');
    const sentences = 1 + random.int(2);
    for (let s = 0; s < sentences; s++) this.sentence(MENTION_ODDS.comment);
    w.close('p');
    w.open('div', 'class="actions"');
    w.element('button', 'Reply').text(' ').element('button', `Like ${random.int(400)}`).text(' ').element('button', 'Share');
    w.close('div').close('div').text('\n');
  }

  navigation(): void {
    const { w } = this;
    w.open('header').open('nav');
    for (let round = 0; round < 3; round++) for (const section of SECTIONS) w.element('a', section, 'href="#"');
    w.close('nav').close('header').text('\n');
  }
}

/**
 * A long news page (live blog with its comment thread) for the benchmark:
 * at least `textChars` characters of text in about `textNodes` text nodes,
 * the story's names at a realistic density, some split by inline tags or
 * followed by a possessive, and near misses that must not match.
 */
export function generateSyntheticPage(entities: readonly MatchableEntity[], options: SyntheticPageOptions = {}): SyntheticPage {
  const settings: Required<SyntheticPageOptions> = {
    textChars: 4 * MIB,
    textNodes: 80_000,
    mentions: true,
    decoys: true,
    seed: 20240619,
    ...options,
  };
  const builder = new PageBuilder(createRandom(settings.seed), plantableForms(entities), settings);
  const { w } = builder;
  const charsPerNode = settings.textChars / settings.textNodes;
  w.raw(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live: the summit, as it happened</title><style>${STYLE}</style></head><body>`);
  builder.navigation();
  w.open('main').open('article');
  w.element('h1', 'Live: the summit, as it happened').text('\n');
  const footer = 'A synthetic page for the Backstory benchmark.';
  while (w.textChars + footer.length < settings.textChars) {
    // Steer the characters per node: long article text raises it, comments lower it.
    if (w.textNodes > 0 && w.textChars / w.textNodes < charsPerNode) builder.story();
    else builder.comment();
  }
  w.close('article').close('main').text('\n');
  w.element('footer', footer);
  w.raw('</body></html>');
  return { html: w.toString(), stats: { textChars: w.textChars, textNodes: w.textNodes, ...builder.stats } };
}

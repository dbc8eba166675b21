// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoryDatabase } from '../background/db';
import { getEntityCards } from '../background/story-queries';
import { createStoryService } from '../background/story-service';
import { loadPackSource, uniqueDbName } from '../background/test-support';
import { sentencesIn, splitParagraphs } from '../core/story/citations';
import { useLocaleMessages } from '../tooling/locale-messages';
import { EntityCardView } from './EntityCardView';

const db = new StoryDatabase(uniqueDbName());
beforeAll(() => useLocaleMessages());
afterAll(() => db.close());

/** The card of `entityId` as the bundled story gives it, rendered: its facts' ids by group, in order. */
async function render(entityId: string) {
  await createStoryService(db, loadPackSource()).ready();
  const [card] = await getEntityCards(db, [entityId]);
  const root = document.createElement('div');
  root.innerHTML = renderToStaticMarkup(<EntityCardView card={card!} titleId="t" />);
  const groups = Object.fromEntries(
    [...root.querySelectorAll('.fact-group')].map((section) => [
      section.querySelector('h3')!.textContent,
      [...section.querySelectorAll('[data-fact-id]')].map((li) => li.getAttribute('data-fact-id')),
    ]),
  );
  return { root, groups };
}

describe('a card of the bundled story', () => {
  it('keeps what others said about a speaker apart from their own statements', async () => {
    const putin = await render('vladimir-putin');
    expect(putin.groups.Statements).toContain('putin-thanks-north-korea');
    expect(putin.groups.Statements).not.toContain('us-criticizes-visit');
    expect(putin.groups['What others said']).toEqual(['us-criticizes-visit', 'us-urges-no-support-for-war']);
    // North Korea says nothing in the story: what was said about it is its card's statements.
    const northKorea = await render('north-korea');
    expect(northKorea.groups.Statements).toContain('putin-thanks-north-korea');
    expect(northKorea.groups['What others said']).toBeUndefined();
  });

  it('shows the claims a denial answers, then the denial, under accusations and denials', async () => {
    const { groups } = await render('north-korea');
    expect(groups['Accusations and denials']).toEqual(['weapons-supply-accusation', 'weapons-supply-denial']);
    // ¶3's concern over an arms arrangement is no one's accusation, and ¶4's denial answers the accusation alone.
    expect(groups.Background).toContain('arms-arrangement-concerns');
  });

  it('does not repeat under Sanctions what the Sanctioned badge says, from the same sentence; another entity’s card still shows it', async () => {
    const northKorea = await render('north-korea');
    expect(northKorea.root.querySelector('[data-testid="sanctions"]')!.textContent).toContain('Sanctioned for its nuclear weapons and missile programs');
    expect(northKorea.groups.Sanctions).toBeUndefined();
    const russia = await render('russia');
    expect(russia.root.querySelector('[data-testid="sanctions"]')!.textContent).toContain('Sanctioned for its aggression in Ukraine');
    expect(russia.groups.Sanctions).toBeUndefined();
    const ukraine = await render('ukraine');
    expect(ukraine.root.querySelector('[data-testid="sanctions"]')).toBeNull();
    expect(ukraine.groups.Sanctions).toContain('russia-sanctions');
  });

  it('says whose sanctions Russia and China blocked: under the badge of Russia’s own, a bare “blocked new U.N. sanctions” read as sanctions on Russia', async () => {
    for (const id of ['russia', 'china', 'north-korea', 'united-states', 'united-nations']) {
      const { root, groups } = await render(id);
      const blocking = [...root.querySelectorAll('.fact-text')].filter((fact) => fact.textContent!.includes('U.N. sanctions'));
      expect(blocking.map((fact) => fact.textContent), id).toEqual([
        'Russia, along with China, has provided political support for North Korea’s nuclear ambitions, blocking U.S.-led efforts to impose new U.N. sanctions.',
      ]);
      expect(groups.Relations, id).toContain('russia-china-support-nuclear-ambitions');
    }
  });

  it('shows a source sentence exactly as the article has it, its own closing quotation mark not doubled', async () => {
    const { root } = await render('vladimir-putin');
    const quote = root.querySelector('[data-fact-id="putin-oppose-restrictive-measures"] blockquote')!;
    expect(quote.textContent).toBe(
      'He also mentioned plans to develop new trade and payment systems independent of Western control and to jointly oppose what he termed “unilateral and illegal restrictive measures.”',
    );
  });

  it('puts no byline after a fact: the text names who said it, and a byline would read as their words', async () => {
    const { root } = await render('vladimir-putin');
    const said = root.querySelector('[data-fact-id="putin-op-ed-north-korean-support"]')!;
    expect(said.querySelector('.fact-text')!.textContent).toBe('In an op-ed, Putin highlighted North Korea’s unwavering support for his invasion of Ukraine.');
    expect(said.textContent).not.toContain('—');
  });

  it('says which story its facts come from: “on Tuesday” is the story’s Tuesday', async () => {
    const { root } = await render('kim-jong-un');
    expect(root.querySelector('.story-source')!.textContent).toBe(
      'From the story “Putin Praises North Korea’s Support, Plans Closer Cooperation to Counter U.S.-Led Sanctions”',
    );
    expect(root.querySelector('.story-source')!.closest('[hidden]')).toBeNull();
  });

  it('gives a screen reader each source button with the fact it is the source of, and its groups as headings, not landmarks', async () => {
    const { root } = await render('north-korea');
    expect(root.querySelectorAll('section[aria-label], section[aria-labelledby], [role="region"]')).toHaveLength(0);
    // Drawn in capitals by the font's small capitals, written as words: with text-transform, Chromium hands a screen
    // reader the capitals, which it may spell out ("S-A-N-C-T-I-O-N-S").
    const headings = [...root.querySelectorAll('h3')].map((h3) => h3.textContent);
    expect(headings).toEqual(expect.arrayContaining(['Accusations and denials', 'Statements', 'Relations']));
    const css = readFileSync(resolve(import.meta.dirname, 'card.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(css).toContain('font-variant-caps: all-small-caps');
    expect(css).not.toMatch(/text-transform:\s*(uppercase|capitalize)/);
    const buttons = [...root.querySelectorAll('button.citation')];
    expect(buttons.length).toBeGreaterThan(10);
    for (const button of buttons) {
      const described = root.querySelector(`[id="${button.getAttribute('aria-describedby')}"]`);
      expect(described?.textContent?.length ?? 0, button.outerHTML).toBeGreaterThan(20);
      expect(described!.closest('li, .sanctions-badge')).toBe(button.closest('li, .sanctions-badge'));
    }
  });

  it('is markup a browser keeps as written: nothing nested where HTML moves it out (a block quote in a paragraph)', async () => {
    await createStoryService(db, loadPackSource()).ready();
    const ids = (await db.entities.toArray()).map((row) => row.id);
    expect(ids.length).toBeGreaterThan(10);
    // Each element by the elements it is in: as React builds the card in the page, and as a parser reads its markup.
    const shape = (root: Element) =>
      [...root.querySelectorAll('*')].map((element) => {
        const path = [];
        for (let at: Element | null = element; at && at !== root; at = at.parentElement) path.unshift(at.localName);
        return path.join('>');
      });
    for (const card of await getEntityCards(db, ids)) {
      const built = document.createElement('div');
      const root = createRoot(built);
      flushSync(() => root.render(<EntityCardView card={card!} titleId="t" />));
      const parsed = document.createElement('div');
      parsed.innerHTML = renderToStaticMarkup(<EntityCardView card={card!} titleId="t" />);
      expect(shape(parsed), card!.entity.id).toEqual(shape(built));
      root.unmount();
    }
  });

  it('shows a fact that is its sentence word for word once: its source says so, with nothing to open', async () => {
    const { root } = await render('russia');
    const verbatim = root.querySelector('[data-fact-id="relationship-follows-kim-visit"]')!;
    const sentence = 'The strengthening of the Russia-North Korea relationship follows Kim Jong Un’s visit to Russia’s Far East last September.';
    expect(verbatim.textContent!.split(sentence)).toHaveLength(2);
    expect(verbatim.querySelector('button, blockquote')).toBeNull();
    expect(verbatim.querySelector('.visually-hidden')!.textContent).toBe('Source: paragraph 5 of the article, word for word');
    expect(verbatim.querySelector('[aria-hidden="true"]')!.textContent).toBe('¶5');
    // A fact in the story's words of its own keeps its sentence behind its source button.
    const restated = root.querySelector('[data-fact-id]:not([data-fact-id="relationship-follows-kim-visit"])')!;
    expect(restated.querySelector('button.citation')!.getAttribute('aria-label')).toMatch(/^Source: paragraph \d+ of the article$/);
    expect(restated.querySelector('blockquote')!.textContent).not.toBe(restated.querySelector('.fact-text')!.textContent);
  });

  it('shows a description only where the article gives one', async () => {
    expect((await render('pyongyang')).root.querySelector('.description')?.textContent).toBe('where Putin headed for a summit with Kim Jong Un');
    const southKorea = (await render('south-korea')).root;
    expect(southKorea.querySelector('.description')).toBeNull();
    expect(southKorea.querySelector('.card-meta')!.textContent).toBe('Country');
  });

  it('keeps a space between the category and the description, for a reader who copies the card or hears it read: not “PersonPresident of Russia”', async () => {
    const meta = (await render('vladimir-putin')).root.querySelector('.card-meta')!;
    const description = meta.querySelector('.description')!.textContent!;
    // Then its source, and the sentence that opens from it.
    expect(meta.textContent).toBe(`Person ${description} ¶1${meta.querySelector('blockquote')!.textContent}`);
  });

  it('says what John Kirby is once: his description has its sentence as its source, and the fact that repeats it is not shown below', async () => {
    const { root, groups } = await render('john-kirby');
    const meta = root.querySelector('.card-meta')!;
    const source = meta.querySelector('button.citation')!;
    expect(source.getAttribute('aria-label')).toBe('Source: paragraph 7 of the article');
    expect(root.querySelector(`[id="${source.getAttribute('aria-describedby')}"]`)!.textContent).toBe('of the U.S. National Security Council');
    expect(meta.querySelector('blockquote')!.textContent).toMatch(/^John Kirby of the U\.S\. National Security Council expressed concern/);
    expect(groups.Background).toBeUndefined();
    expect(root.textContent).not.toContain('John Kirby is with the U.S. National Security Council.');
    // His statements, from the same sentence, are his claims: they stay.
    expect(groups.Statements).toEqual(['kirby-concern-moscow-pyongyang', 'kirby-korean-peninsula-security']);
  });

  it('gives a description stored without its citation, by a version before it, the source of a fact that repeats it', async () => {
    await createStoryService(db, loadPackSource()).ready();
    const [card] = await getEntityCards(db, ['john-kirby']);
    delete card!.entity.descriptionCitation;
    const root = document.createElement('div');
    root.innerHTML = renderToStaticMarkup(<EntityCardView card={card!} titleId="t" />);
    expect(root.querySelector('.card-meta blockquote')!.textContent).toBe(card!.facts.find((fact) => fact.text === 'John Kirby is with the U.S. National Security Council.')!.citation.quote);
  });

  it('keeps a fact that says more than the description: Pyongyang’s summit was “on Tuesday”, the Soviet-era alliances weakened', async () => {
    const putin = await render('vladimir-putin');
    expect(putin.root.textContent).not.toContain('Vladimir Putin is the president of Russia.');
    expect(putin.root.querySelector('.card-meta button.citation')!.getAttribute('aria-label')).toBe('Source: paragraph 1 of the article');
    const pyongyang = await render('pyongyang');
    expect(pyongyang.groups.Events).toContain('putin-summit-pyongyang');
    const soviet = await render('soviet-union');
    expect(soviet.groups.Background).toEqual(['soviet-era-alliances-weakened']);
    expect(soviet.root.textContent).not.toContain('The Soviet Union collapsed in 1991.');
  });

  it('gives every description of the bundled pack a source, the sentence it is said in as the article has it: Kim Jong Un’s, Pyongyang’s, no fact repeating them', async () => {
    await createStoryService(db, loadPackSource()).ready();
    const paragraphs = splitParagraphs(loadPackSource().article);
    const described = (await db.entities.toArray()).filter((row) => row.description);
    expect(described.length).toBeGreaterThan(10);
    for (const { id, description } of described) {
      const meta = (await render(id)).root.querySelector('.card-meta')!;
      const source = meta.querySelector('button.citation')!;
      expect(source, id).not.toBeNull();
      expect(meta.querySelector(`[id="${source.getAttribute('aria-describedby')}"]`)!.textContent, id).toBe(description);
      const n = Number(/paragraph (\d+)/.exec(source.getAttribute('aria-label')!)![1]);
      const quote = meta.querySelector('blockquote')!.textContent!;
      expect(sentencesIn(paragraphs[n]!), id).toContain(quote);
    }
    const kim = (await render('kim-jong-un')).root.querySelector('.card-meta')!;
    expect(kim.querySelector('button.citation')!.getAttribute('aria-label')).toBe('Source: paragraph 1 of the article');
    expect(kim.querySelector('blockquote')!.textContent).toBe('His comments were published in North Korean state media as he headed to Pyongyang for a summit with Kim Jong Un on Tuesday.');
  });

  it('gives John Kirby no role the article does not: it says only that he is “of” the U.S. National Security Council', async () => {
    expect((await render('john-kirby')).root.querySelector('.description')?.textContent).toBe('of the U.S. National Security Council');
  });

  it('puts North Korea’s description in the article’s words, in no tense of its own: on a page read after the visit “Putin is visiting” would be false', async () => {
    expect((await render('north-korea')).root.querySelector('.description')?.textContent).toBe('country of Putin’s visit, his first in 24 years');
  });

  it('puts Vietnam’s in the article’s words too: a stop of Putin’s visit “focusing on” trade discussions, not a trip made for them', async () => {
    expect((await render('vietnam')).root.querySelector('.description')?.textContent).toBe('country where Putin’s visit includes a stop, focusing on trade discussions');
  });
});

import { i18n } from '#i18n';
import type { EntityCard } from '../core/messages/protocol';
import type { Fact, FactKind } from '../core/story/schema';
import { CitationToggle } from './CitationToggle';
import { categoryLabel, factGroupTitle } from './labels';
import { restatingDescription } from './restated-description';
import { StorySummaryToggle } from './StorySummaryToggle';

type GroupKind = Exclude<FactKind, 'denial'> | 'statementByOthers';
const KIND_ORDER: GroupKind[] = ['sanctions', 'accusation', 'statement', 'statementByOthers', 'event', 'relation', 'background'];

interface Props {
  card: EntityCard;
  titleId: string;
  onOpenEntity?: (entityId: string) => void;
}

/** What a reader sees about one entity: who or what it is, and every fact the story gives, cited. */
export function EntityCardView({ card, titleId, onOpenEntity }: Props) {
  const { entity, facts, refs } = card;
  const names = new Map(refs.map((ref) => [ref.id, ref.name]));
  const restating = restatingDescription(entity, facts);
  const groups = groupFacts(
    entity.id,
    withoutBadgeRepeat(entity, facts).filter((fact) => !restating.includes(fact)),
  );
  // A restating fact's for a row an earlier version wrote without the description's own, kept when the pack after it was rejected.
  const descriptionSource = entity.descriptionCitation ?? restating[0]?.citation;
  const related = refs.filter((ref) => ref.id !== entity.id);
  return (
    <article className="card">
      <header className="card-header">
        <h2 id={titleId} className="card-title">
          {entity.name}
        </h2>
        {/* A block, not a paragraph: the quote a description's source button shows is a block quote, which no paragraph may hold. */}
        <div className="card-meta">
          <span className="category">{categoryLabel(entity.category)}</span>
          {entity.description ? (
            <>
              {/* A space of no width: the pill's margin sets them apart on screen, but copied or read aloud they ran together ("PersonPresident of Russia"). */}
              <span className="meta-space"> </span>
              <span id={`${titleId}-description`} className="description">
                {entity.description}
              </span>
              {descriptionSource ? (
                <>
                  {' '}
                  <CitationToggle citation={descriptionSource} describedBy={`${titleId}-description`} statement={entity.description} />
                </>
              ) : null}
            </>
          ) : null}
        </div>
        {/* Where the card opens, not below its facts, which fill the screen on a long card: "on Tuesday" or "last September" are the story's, not today's. */}
        {/* No tooltip: a screen reader that reads descriptions read the headline twice. In full under "About the story". */}
        <p className="story-source">
          {i18n.t('card.fromStory', { headline: card.headline })}
        </p>
        {entity.sanctions?.sanctioned ? (
          // A block, not a paragraph: the quote its source button shows is a block quote, which no paragraph may hold.
          <div className="sanctions-badge" data-testid="sanctions">
            <span id={`${titleId}-sanctions`}>
              <strong>{i18n.t('card.sanctioned')}</strong>{' '}
              {entity.sanctions.by.length > 0
                ? i18n.t('card.sanctionedByFor', {
                    by: entity.sanctions.by.map((id) => names.get(id) ?? id).join(i18n.t('card.listSeparator')),
                    reason: entity.sanctions.reason,
                  })
                : i18n.t('card.sanctionedFor', { reason: entity.sanctions.reason })}
            </span>{' '}
            <CitationToggle citation={entity.sanctions.citation} describedBy={`${titleId}-sanctions`} />
          </div>
        ) : null}
      </header>
      {groups.map(([kind, list]) => (
        // Headings, not landmarks: six regions a card would add a batch to the page's landmarks each time it opens.
        <div key={kind} className="fact-group">
          <h3 className="fact-group-title">{factGroupTitle(kind)}</h3>
          <ul className="facts">
            {list.map((fact) => (
              <li key={fact.id} className={`fact fact-${fact.kind}`} data-fact-id={fact.id}>
                {/* No byline: after a restatement it would read as the speaker's own words; the text names them (checked with the pack). */}
                <span id={`${titleId}-${fact.id}`} className="fact-text">
                  {fact.text}
                </span>{' '}
                <CitationToggle citation={fact.citation} describedBy={`${titleId}-${fact.id}`} statement={fact.text} />
              </li>
            ))}
          </ul>
        </div>
      ))}
      {related.length > 0 ? (
        <footer className="related">
          <h3 className="fact-group-title">{i18n.t('card.related')}</h3>
          <ul className="related-list">
            {related.map((ref) => (
              <li key={ref.id}>
                <button type="button" className="link" data-entity-id={ref.id} onClick={() => onOpenEntity?.(ref.id)}>
                  {ref.name}
                </button>
              </li>
            ))}
          </ul>
        </footer>
      ) : null}
      <StorySummaryToggle />
    </article>
  );
}

/**
 * The entity's own sanctions fact from the sentence its "Sanctioned" badge cites says what the badge
 * says, a line below it ("North Korea faces heavy sanctions for its nuclear weapons…"). Another
 * entity's card keeps it: Ukraine's card has no badge to say Russia's sanctions.
 */
function withoutBadgeRepeat(entity: EntityCard['entity'], facts: Fact[]): Fact[] {
  const badge = entity.sanctions?.sanctioned ? entity.sanctions.citation : undefined;
  if (!badge) return facts;
  return facts.filter(
    (fact) =>
      !(fact.kind === 'sanctions' && fact.subjects[0] === entity.id && fact.citation.paragraph === badge.paragraph && fact.citation.quote === badge.quote),
  );
}

/**
 * Groups facts by kind for display; a disputed claim and the denial that answers it share one group. On the card of
 * someone who speaks, what others said about them stands apart from their own statements: "The U.S. criticized Putin's
 * visit" under Putin's "Statements" would read as his.
 */
function groupFacts(entityId: string, facts: Fact[]): [GroupKind, Fact[]][] {
  const groups = new Map<GroupKind, Fact[]>();
  const speaks = facts.some((fact) => fact.kind === 'statement' && fact.speaker === entityId);
  for (const fact of facts) {
    // A claim a denial contests ("concerns over an arms arrangement") is one side of the dispute, whatever its kind.
    const kind: GroupKind =
      fact.kind === 'denial' || fact.contests.length > 0
        ? 'accusation'
        : fact.kind === 'statement' && speaks && fact.speaker !== entityId
          ? 'statementByOthers'
          : fact.kind;
    let list = groups.get(kind);
    if (!list) groups.set(kind, (list = []));
    list.push(fact);
  }
  const contested = groups.get('accusation');
  if (contested) groups.set('accusation', pairSides(contested));
  return KIND_ORDER.filter((kind) => groups.has(kind)).map((kind) => [kind, groups.get(kind)!]);
}

/** Accusations first, then the other claims, each denial right after the last of the claims it answers. */
function pairSides(facts: Fact[]): Fact[] {
  const claims = [...facts.filter((f) => f.kind === 'accusation'), ...facts.filter((f) => f.kind !== 'accusation' && f.kind !== 'denial')];
  const denials = facts.filter((f) => f.kind === 'denial');
  const placed = new Set<string>();
  const out: Fact[] = [];
  const place = (fact: Fact) => {
    if (placed.has(fact.id)) return;
    placed.add(fact.id);
    out.push(fact);
  };
  for (const claim of claims) {
    place(claim);
    for (const denial of denials) {
      const answers = claims.filter((c) => denial.contests.includes(c.id));
      if (answers.includes(claim) && answers.every((c) => placed.has(c.id))) place(denial);
    }
  }
  facts.forEach(place);
  return out;
}

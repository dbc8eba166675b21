/**
 * Words of the synthetic news page. None of this text may contain a story
 * name: the page's mentions are exactly the ones the generator plants, which
 * is what lets the tests count them. `{M}` marks where a mention goes.
 */

export const OPENERS = [
  'Officials said',
  'In a statement released late on Tuesday, the ministry said',
  'Analysts expect',
  'Diplomats familiar with the negotiations said',
  'The agreement, which runs to more than forty pages, says',
  'Critics of the plan argue',
  'Speaking to reporters after the meeting, a spokesperson said',
  'Markets reacted cautiously as',
  'According to people briefed on the talks,',
  'Several economists warned',
  'The report, published on Monday, found',
  'Shipping data reviewed by this newspaper suggests',
  'Residents near the border said',
  'A senior adviser, who asked not to be named, said',
  'Opposition lawmakers demanded to know whether',
] as const;

export const CLAUSES = [
  'the deal would expand cooperation in energy, transport and agriculture over the coming years',
  'the two sides had agreed to meet again before the end of the year',
  'no timetable had been set for the next round of talks',
  'the measures were unlikely to change the balance of power in the region',
  'the delegation toured a factory, a railway depot and a newly built hospital',
  'prices for grain and fertiliser had risen sharply since the spring',
  'the sanctions regime had been weakened by years of quiet evasion',
  'the visit was carefully choreographed for state television',
  'the documents did not say how the payments would be made',
  'the summit ended without a joint press conference',
  'satellite images showed increased activity at the port',
  'talks on a new rail link had stalled over financing',
  'the ministry declined to comment on the details of the arrangement',
  'the central bank left interest rates unchanged for a third month',
  'aid workers warned of food shortages in the countryside',
  'the announcement came hours after a missile test',
  'officials were reviewing the terms of the contract',
  'the embassy issued a brief statement on its website',
  'the treaty includes a clause on mutual assistance',
  'exports of machinery and spare parts have doubled',
] as const;

/** Where a mention sits in a sentence; lower case around it, so no shouted-acronym rule applies. */
export const MENTION_FRAMES = [
  '{M} said it would respond to any provocation',
  'talks with {M} lasted well into the night',
  'a delegation from {M} arrived on Wednesday',
  '{M} has repeatedly denied the reports',
  'officials in {M} did not respond to requests for comment',
  'according to a statement from {M}',
  'the relationship with {M} has deepened since last year',
  'trade with {M} rose by a third',
  'envoys from {M} attended the banquet',
  'a spokesperson for {M} called the claims baseless',
] as const;

/**
 * Near misses that a matcher must leave alone: adjectives and demonyms, names
 * inside longer names the pack excludes, and common words in lower case.
 */
export const DECOYS = [
  'as Russian officials looked on',
  'according to a report in the Washington Post',
  'at a small restaurant in Chinatown',
  'with dinner served on fine china',
  'after the U.S. Open final',
  'across Latin America',
  'in the South China Sea',
  'in a column for USA Today',
  'near a statue of George Washington',
  'as North Korean workers returned home',
  'in a new form of Putinism',
  'as Chinese exporters adjusted prices',
  'while Japanese carmakers cut output',
  'as Ukrainian grain reached the port',
  'where many Koreans still have relatives',
  'over a Moscow Mule at the hotel bar',
] as const;

/** The decoy words the tests look for. */
export const DECOY_WORDS = ['Russian', 'Washington Post', 'Chinatown', 'fine china'] as const;

export const HEADLINES = [
  'Leaders pledge closer ties at summit',
  'Talks end without a joint statement',
  'What the new agreement means for trade',
  'Analysis: a carefully staged visit',
  'Sanctions under strain as shipments rise',
  'Live: reaction to the summit',
  'Five things we learned this week',
  'Border towns brace for change',
] as const;

export const SECTIONS = [
  'World', 'Politics', 'Business', 'Technology', 'Science', 'Health', 'Sport', 'Culture', 'Opinion', 'Travel',
  'Climate', 'Video', 'Podcasts', 'Newsletters', 'Weather', 'Puzzles', 'Food', 'Style', 'Books', 'Obituaries',
] as const;

export const AUTHORS = [
  'reader_4821', 'Margaret L.', 'oldsalt', 'J. Okafor', 'night_owl', 'Priya S.', 'tomasz.k', 'Ellen B.', 'frank99',
  'Marisol', 'quietobserver', 'D. Lindqvist',
] as const;

export const AGES = ['2 minutes ago', '14 minutes ago', '1 hour ago', '3 hours ago', 'yesterday'] as const;

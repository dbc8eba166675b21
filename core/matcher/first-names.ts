/**
 * A surname that other people's given names come before: "Mikhail Putin, deputy
 * chairman of Gazprom", "his grandfather Spiridon Putin" are no Vladimir Putin.
 * For an alias marked `otherFirstNames` (schema.ts), which counts at once (no wait
 * for the full name, as `alone` has): a bare surname in the news is the story's
 * person, so only a given name right before it makes it another's. Not a title or
 * rank ("President Putin", "Mr Putin"), a word a sentence may open with ("Later
 * Putin said", "When Putin arrived"), nor a title-case line ("Xi Welcomes Putin",
 * "Putin Praises North Korea’s Support"), where a capital says nothing.
 * The same openers let a surname counted only `alone` ("Kim") stand after them: "But Kim warned Seoul".
 */
import { OTHERS_TITLES, PERSON_RANKS, RANKS, titleBefore, Words } from './boundaries';

/**
 * Capitalised words before a surname that are no given name, besides the openers below: offices the titles leave out,
 * and words that open sentences but are given names too, which only a bare surname counted at once ("Putin") may follow
 * as the story's: "Will Kirby" and "Said Kim" may be people, and "So" and "Do" are Korean given names of one syllable,
 * written in Western order as "Sung Kim", the U.S. envoy's, is.
 */
const NOT_GIVEN = 'Tsar Czar Strongman Autocrat Dictator Comrade Kremlin Russia Russian Russians Moscow Ukraine Ukrainian So Do Will May Said Per';

/** Words a sentence opens with that no one is called in front of a surname. */
const OPENERS =
  'The A An And But Or Nor Yet For If When While Whilst As After Before Since Until Unless Although Though Because ' +
  'Once Where Why How What Whatever Who Whom Whose Which That This These Those Then Now Today Yesterday Tomorrow Tonight ' +
  'Later Earlier Meanwhile Still Also Even Only Indeed Instead Thus Hence Here There Next First Second Last Finally ' +
  'Perhaps Maybe Soon Already Again Never Not No Both Either Neither Each Every Some Many Most All Any Such Like Unlike ' +
  'Did Does Is Was Were Are Has Had Have Would Can Could Should Shall Might Must Let Says Asked Told ' +
  'With Without Under Over By From To Of On At In Into Against During Despite Amid Among Between Through Within Outside Inside ' +
  'Near Around Across Throughout Behind Beyond Toward Towards Upon About Above Below Beside Besides Except Including Via ' +
  'Otherwise Nevertheless Nonetheless However Moreover Furthermore Overall Ultimately Clearly Recently Previously';

/** Made on first use: only pages that name such a surname read them. */
let notGiven: Set<string> | undefined;
let openers: Set<string> | undefined;

/**
 * Whether the capitalised word right before a surname counted `alone` only opens its sentence ("But Kim warned Seoul",
 * "Later Kirby said"), so that it names no other person as "Sung Kim said" or "Vanessa Kirby starred" do: only a word
 * from the openers' list counts, as any other capital at a sentence's start may be a given name. A capital after the
 * surname still joins it to another name ("But Kim Yo Jong said").
 */
export function afterSentenceOpener(text: string, start: number, end: number): boolean {
  const words = new Words(text, start, end);
  const [opener] = words.before;
  const after = words.after[0];
  if (opener === undefined || !opener.tight || (after !== undefined && after.tight && after.startsCapital)) return false;
  openers ??= new Set(OPENERS.split(' '));
  return openers.has(words.wordOf(opener)) && words.startsSentence(opener);
}

export function afterOtherFirstName(text: string, start: number, end: number): boolean {
  const title = titleBefore(text, start);
  if (title === undefined) return false;
  // "Ms. Putin", "Dr Putin": a title another person holds.
  if (OTHERS_TITLES.has(title)) return true;
  const words = new Words(text, start, end);
  const given = words.before[0];
  if (!words.isName(given)) return false;
  const word = words.wordOf(given!);
  notGiven ??= new Set(NOT_GIVEN.split(' '));
  openers ??= new Set(OPENERS.split(' '));
  if (RANKS.has(word) || PERSON_RANKS.has(word) || notGiven.has(word) || openers.has(word) || /ly$/.test(word)) return false;
  if (!words.inProse()) return false;
  // Opening its line or its sentence, the word is the given name ("Spiridon Putin cooked"): the openers are left out above.
  const prior = words.before[1];
  if (prior === undefined || /[.!?:;]/.test(text.slice(prior.end, given!.start))) return true;
  // After a word of prose ("said Mikhail Putin", "grandfather Spiridon Putin"); not after another capital or a small word,
  // where the capital is a place, a paper or a name beside his: "In Vladivostok Putin met", "the Financial Times Putin
  // interview", "the Trump Putin summit", "Kim Jong Un Putin talks".
  return words.isProse(prior);
}

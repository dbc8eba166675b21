/**
 * Context checks for one candidate hit, looking only at the page characters
 * right around it. Called per hit, never per page character.
 */
import { codePointBefore, codePointFrom, isDash, isDirectionMark, isIgnorable, isLowerLetter, isUnspacedScript, isUpperLetter, isWhitespace, isWordCodePoint } from './chars';

/**
 * No letter or digit directly before `start`: "Russia" is not inside "WhiteRussia". A letter of a script written
 * without spaces is no part of a Latin word: "普京在Pyongyang举行峰会" names Pyongyang.
 */
export function startsWord(text: string, start: number): boolean {
  // A mark that sets the name's direction apart ends the word before it: "ל\u2068Vladimir Putin\u2069", a Hebrew prefix.
  if (isDirectionMark(text.charCodeAt(start - 1))) return true;
  const cp = codePointBefore(text, start);
  return cp < 0 || !isWordCodePoint(cp) || isUnspacedScript(cp);
}

/**
 * No letter or digit directly after `end`: "Russian", "Chinatown", "USA" and
 * "Putinism" hold no mention. "’s", "-led" and a sentence's full stop may follow.
 */
export function endsWord(text: string, end: number): boolean {
  if (isDirectionMark(text.charCodeAt(end))) return true;
  const cp = codePointFrom(text, end);
  return cp < 0 || !isWordCodePoint(cp) || isUnspacedScript(cp);
}

/** Punctuation and spaces allowed between two words of one line. */
const MAX_GAP = 3;
/** Words looked at on each side of an acronym for the case its line is written in. */
const WINDOW_WORDS = 3;

interface NearWord {
  capitals: number;
  lower: boolean;
  /** Only spaces between it and the acronym (or the word before it): "TELLS US", not "WATCH: US". */
  tight: boolean;
  /** Its first letter (in reading order) is a capital. */
  startsCapital: boolean;
  /** Where it begins and ends in the text. */
  start: number;
  end: number;
}

/** The hyphens that join a word's halves: the ASCII one, U+2010 and the non-breaking U+2011. */
function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

/**
 * A word longer than this is read as none, and ends the look: a run of hyphen-joined words ("US-US-US-…", a hostile
 * page's) would otherwise be read whole at every hit in it, for a time that grows with its square.
 */
const MAX_WORD = 64;

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/**
 * Up to `count` words `dir` (-1 before, +1 after) of `from`, nearest first, in the same line. `sourceBreaks`: a line
 * break in a run of spaces is the HTML source's, which the browser shows as a space ("Golfer Tom\n    Kim"), and the
 * run is one gap; else a line break ends the look (a dateline "LIVE" above the headline's "US").
 */
function wordsBeside(text: string, from: number, dir: -1 | 1, count = WINDOW_WORDS, sourceBreaks = false): NearWord[] {
  const words: NearWord[] = [];
  let i = dir < 0 ? from - 1 : from;
  while (words.length < count) {
    let gap = 0;
    let tight = true;
    let breaks = 0;
    let spaced = false;
    for (; i >= 0 && i < text.length; i += dir) {
      const code = text.charCodeAt(i);
      if (isWordCodePoint(code)) break;
      if (isLineBreak(code)) {
        if (!sourceBreaks) return words;
        // CR LF is one break; two are a blank line, no source's wrapping.
        const prior = text.charCodeAt(i - dir);
        const pair = dir > 0 ? code === 0x0a && prior === 0x0d : code === 0x0d && prior === 0x0a;
        if (!pair && ++breaks > 1) return words;
      }
      if (isIgnorable(code)) continue;
      const space = isWhitespace(code);
      if (sourceBreaks && space && spaced) continue;
      spaced = space;
      if (++gap > MAX_GAP) return words;
      if (!space) tight = false;
    }
    if (i < 0 || i >= text.length) return words;
    const word: NearWord = { capitals: 0, lower: false, tight, startsCapital: false, start: i, end: i + 1 };
    let first = true;
    for (; i >= 0 && i < text.length; i += dir) {
      if (Math.abs(i - (dir < 0 ? word.end : word.start)) > MAX_WORD) return words;
      const code = text.charCodeAt(i);
      if (isIgnorable(code)) continue;
      // A hyphen inside a word joins its halves: "Hyung-jin Kim" is a given name, "jin" alone is no prose.
      if (isHyphen(code) && i + dir >= 0 && i + dir < text.length && isWordCodePoint(text.charCodeAt(i + dir))) continue;
      if (!isWordCodePoint(code)) break;
      const ch = text.charAt(i);
      const upper = isUpperLetter(ch);
      if (isLowerLetter(ch)) word.lower = true;
      else if (upper) word.capitals++;
      // Read backwards, the word's first letter is the last one read.
      if (dir < 0 || first) word.startsCapital = upper;
      first = false;
      if (dir < 0) word.start = i;
      else word.end = i + 1;
    }
    words.push(word);
  }
  return words;
}

/**
 * Whether a short acronym stands in a line written in capitals, where it may
 * just be a word ("TRUMP TELLS US TO WAIT"): the words around it hold no
 * lower-case letter and some capitals. A headline's label or other acronyms
 * beside it ("WATCH: US strikes…", "US GDP grew", "US, UK and France") leave
 * it the country's. In a mixed line, a word of two capitals or more right
 * before it, with only a space between, still reads it as a word: "FOLLOW US
 * on X", "WRITE TO US at", "ALL OF US are here".
 */
export function inShoutedLine(text: string, start: number, end: number): boolean {
  const before = wordsBeside(text, start, -1);
  const after = wordsBeside(text, end, 1);
  const around = [...before, ...after];
  if (around.some((word) => word.lower)) {
    const near = before[0];
    return near !== undefined && near.tight && !near.lower && near.capitals >= 2;
  }
  return around.some((word) => word.capitals >= 2);
}

/** Words before a surname that make it no other person's name: "Mr Kim" (British style, no full stop), "Chairman Kim". */
const TITLES = new Set(['Mr', 'Chairman', 'Leader', 'Comrade', 'Marshal']);

/** Abbreviated titles, which a full stop ends: "Rep. Tom Kirby" is another Kirby, "Mr. Kim" the story's. */
const ABBREVIATED_TITLES = new Set(['Rep', 'Sen', 'Gov', 'Dr', 'Prof', 'Gen', 'Adm', 'Lt', 'Col', 'Capt', 'Sgt', 'Cmdr', 'Mr', 'Mrs', 'Ms']);

/**
 * Titles of another person than the story's, before a bare surname: "Ms. Kim said" (his sister, in the Times' style),
 * "Sen. Kim", "Dr Kirby". Not ranks the story's people hold or held ("Admiral Kirby"), nor "Mr."
 */
export const OTHERS_TITLES = new Set(['Ms', 'Mrs', 'Miss', 'Dr', 'Sen', 'Rep', 'Gov', 'Prof', 'Senator', 'Representative']);
for (const title of ['Congressman', 'Congresswoman', 'Governor', 'Professor', 'Doctor']) OTHERS_TITLES.add(title);

/** The title right before `start`, in full ("Senator Kim", "coach Washington") or abbreviated ("Sen. Kim"), if any. */
export function titleBefore(text: string, start: number): string | undefined {
  const word = wordsBeside(text, start, -1, 1, true)[0];
  if (word === undefined) return undefined;
  const title = text.slice(word.start, word.end);
  if (word.tight) return title;
  return ABBREVIATED_TITLES.has(title) && /^\.\s+$/.test(text.slice(word.end, start)) ? title : undefined;
}

/**
 * Whether a capitalised word stands right before or after the hit, with only
 * spaces between (one or two: a line wrapped in the source), in the same line:
 * the hit is then part of another name ("Kim Yo Jong", "Tom Kim", "Kim
 * Kardashian"). A dash, a comma or a full stop between keeps it apart
 * ("Kim-Putin summit", "Putin, Kim", "thanked him. Kim said"); a title of
 * the story's person before it does too ("Mr Kim", "Mr. Kim", "Chairman
 * Kim"), and other abbreviated titles join it ("Ms. Kim", "Gen. Kim").
 */
export function besideCapitalisedWord(text: string, start: number, end: number): boolean {
  const title = titleBefore(text, start);
  if (title !== undefined && /^\p{Lu}/u.test(title) && !TITLES.has(title)) return true;
  const after = wordsBeside(text, end, 1, 1, true)[0];
  return after !== undefined && after.tight && after.startsCapital;
}

/** Words before a surname that name a rank or office, not a given name: "Admiral Kirby" is no namesake of John Kirby's. */
export const RANKS = new Set([
  ...TITLES,
  ...OTHERS_TITLES,
  ...['Admiral', 'General', 'Colonel', 'Captain', 'Commander', 'Lieutenant', 'Sergeant', 'Major', 'Officer', 'Spokesman'],
  ...['Spokeswoman', 'Spokesperson', 'Secretary', 'Coordinator', 'President', 'Premier', 'Minister', 'Ambassador', 'Envoy'],
  ...['Senator', 'Representative', 'Governor', 'Mayor', 'Judge', 'Justice', 'Professor', 'Director', 'Chief', 'Supreme'],
  ...['Sir', 'Lord', 'Lady', 'Dame', 'King', 'Queen', 'Prince', 'Princess', 'Emperor', 'Father', 'Brother', 'Sister'],
]);

/** Capitalised words that name no person: "Kim Tuesday rejected", "said on Monday Kim would", "told Reuters Washington was". */
const NOT_NAMES = new Set([
  ...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'January', 'February', 'March'],
  ...['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'I'],
  ...['Reuters', 'Bloomberg', 'Axios', 'Politico', 'Yonhap', 'Xinhua', 'Interfax', 'Kyodo', 'Sputnik', 'Fox', 'Newsweek'],
  // Institutions and capitals that are told things: "Blinken told Congress Washington would not tolerate it".
  ...['Congress', 'Parliament', 'Senate', 'House', 'Pentagon', 'Kremlin', 'Beijing', 'Moscow', 'Seoul', 'Tokyo'],
  ...['Pyongyang', 'Kyiv', 'Brussels', 'London', 'Paris', 'Berlin', 'Europe', 'Washington'],
]);

/** A sentence's first words that lead in a place, which a comma often does not close: "In Pyongyang Kim said". */
const PLACE_PREPOSITIONS = new Set(['In', 'At', 'Inside', 'Outside', 'Across', 'Throughout', 'Near', 'Around']);

/**
 * Syllables of Korean given names as the Latin alphabet writes them, each half
 * of a hyphenated given name ("Ha-seong", "Sung-hoon", "Hyung-jin"): a word of
 * two of them is a given name even where a sentence starts with it, which no
 * English word of two halves is ("Long-time", "Anti-war", "Far-right").
 */
const KOREAN_SYLLABLES =
  'a ae bin bo bok bong byung byeong chae chan chang cheol cheon chul chun dae do dong eon eun gap geon geun gi gil gu gun gwang gyu gyeong ' +
  'ha hae han hee heon ho hoon hong hun hwa hwan hye hyo hyuk hyeok hyun hyeon hyung hyeong il in jae jang je jeong ji jin jo jong joo ' +
  'joon ju jun jung ki kil kuk kwang kyu kyung kyoung man mi min mo moon mook mu myung myeong na nam ok pil rae ri rin ryong ryung sang ' +
  'seo seok seon seong seung shik shin sik so sook soo su suk sun sung tae taek u uk ung wan woo won woong yeol yeon yeong yo yong yoo ' +
  'young yu yun yoon ye se da ga si ra ah chol sol hui yang yul beom bum wha hak duk';
/** Made on first use: the script on every page bundles this file's other rules, and none of this. */
let koreanSyllables: Set<string> | undefined;

/** A given name of two Korean syllables joined by a hyphen: "Ha-seong", "Jae-in", "Sung-Hoon". */
function isKoreanGivenName(word: string): boolean {
  const halves = word.split(/[-\u2010\u2011]/);
  if (halves.length !== 2 || !/^[A-Za-z][a-z]*$/.test(halves[1]!)) return false;
  const syllables = (koreanSyllables ??= new Set(KOREAN_SYLLABLES.split(' ')));
  return halves.every((half) => syllables.has(half.toLowerCase()));
}

/**
 * A word of one or two Korean syllables ("Yo", "Jong", "Jong-il", "Yo-jong"): after "Kim" the Korean order's given name,
 * which makes "Kim" the surname. An English word that is one ("So", "Moon") only makes the matcher more careful.
 */
function isKoreanSyllables(word: string): boolean {
  const halves = word.split(/[-\u2010\u2011]/);
  if (halves.length > 2 || !halves.every((half) => /^[A-Za-z][a-z]*$/.test(half))) return false;
  const syllables = (koreanSyllables ??= new Set(KOREAN_SYLLABLES.split(' ')));
  return halves.every((half) => syllables.has(half.toLowerCase()));
}

/** Words a title-case line keeps in lower case: "Putin, Kim Sign Pact in Pyongyang" holds no prose. */
const MINOR_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'from', 'in', 'into', 'nor', 'of', 'on', 'or', 'over']);
for (const word of ['per', 'so', 'the', 'to', 'up', 'via', 'vs', 'with', 'yet']) MINOR_WORDS.add(word);

/** Words looked at on each side of a surname for prose. */
const PROSE_WINDOW = 4;

/**
 * Whether the capitalised word beside a surname (besideCapitalisedWord) is
 * another person's name, in prose: "Kim Kardashian posted", "Kim Yo Jong
 * said", "Actor Kirby Howell-Baptiste said", "said coach Tom Kirby", "Rep. Tom
 * Kirby". A bare "Kim" after it then means that person rather than the
 * story's, until the story's full name comes again. Not when the line is in title case ("Putin, Kim Sign
 * Defense Pact in Pyongyang": no word of prose within four on either side),
 * nor for a day or a month ("Kim Tuesday rejected"), nor for a word before it
 * that is a rank ("Admiral Kirby") or may just start the sentence ("Later Kim
 * said" reads as "Tom Kim said"): before the surname, only a word following a
 * lower-case one in the same sentence, or an abbreviated title, is a given name.
 */
export function namesakeBeside(text: string, start: number, end: number): boolean {
  const title = titleBefore(text, start);
  if (title !== undefined && OTHERS_TITLES.has(title)) return true;
  const words = new Words(text, start, end);
  if (!words.inProse()) return false;
  return words.isName(words.after[0]) || words.givenNameBefore();
}

/**
 * Whether the namesake namesakeBeside found at the hit holds it as that person's surname, as news refers to people on
 * second reference: "Kim Yo Jong", "Kim Jong-il", "Tom Kim", "Ms. Kim". Not a given name ("Kim Kardashian", "Kirby
 * Smart"), which a bare surname further on does not refer to.
 */
export function namesakeBySurname(text: string, start: number, end: number): boolean {
  const title = titleBefore(text, start);
  if (title !== undefined && OTHERS_TITLES.has(title)) return true;
  const words = new Words(text, start, end);
  const after = words.after[0];
  return (words.isName(after) && isKoreanSyllables(words.wordOf(after!))) || words.givenNameBefore() || introducedAfter(text, start, end);
}

/** An age set off by commas after a name, and an apposition with the indefinite article after it: "said Kim, 34, a nurse". */
const AGE_THEN_INDEFINITE = /^,\s+\d{1,3},\s+an?\s+[\p{Ll}\d]/u;
/** An apposition with the indefinite article and an age: "Kim, a 34-year-old nurse in Seoul, said". */
const INDEFINITE_AGED = /^,\s+an?\s+\d/;
/** An apposition's words, to the next comma or stop. */
const CLAUSE = /^[^,;.:()!?\u2013\u2014]*/;
/**
 * Words of an office, a rank, power or a lineage in an apposition: it tells of someone known, the story's person among
 * them ("Kim, a third-generation leader,", "Kirby, a retired rear admiral,", "Kim, 40, who took power in 2011,").
 */
const KNOWN_PERSON = new RegExp(
  '\\b(?:leader|ruler|ruled|rules|power|regime|throne|dictator|despot|strongman|autocrat|tyrant|heir|grandson|son|scion|' +
    'chairman|head|admiral|general|officer|spokes(?:man|woman|person)|official|diplomat|envoy|minister|president|secretary|' +
    'coordinator|commander|adviser|advisor|former|retired|veteran|ally|counterpart|host|guest)\\b',
  'i',
);
/**
 * What stands before a surname that opens a sentence or follows a verb of saying: "Kim, a nurse, said", "said Kim, a
 * nurse". A line break alone is none: in a block it is mostly the HTML source's wrapping, in the middle of a sentence.
 */
const INTRODUCED_AT = /(?:^|[.!?]["”’')\]]*\s+|["“‘(]\s*|\b(?:said|says|added|adds|asked|explained|recalled|told|according to)\s+)$/;

/** The text from `from` to `to`, without the invisible characters the matcher is blind to. */
function visible(text: string, from: number, to: number): string {
  let out = '';
  for (let i = Math.max(0, from); i < Math.min(text.length, to); i++) if (!isIgnorable(text.charCodeAt(i))) out += text.charAt(i);
  return out;
}

/**
 * Whether the surname is a person the page introduces by it alone, as news names people who give only their surname:
 * opening the sentence or after a verb of saying, with an age and an apposition with "a" or "an" ("“I am scared,” said
 * Kim, 34, a nurse in Seoul"), or an apposition with "a" or "an" that gives an age ("Kim, a 34-year-old nurse in Seoul,
 * said"). An age alone tells nobody new: news gives the story's people theirs ("Kim, 40, greeted Putin", "said Kirby,
 * 61."), nor does an apposition alone ("Kim, a pariah in the West,"); nor one telling of an office ("Kirby, 61, a
 * retired rear admiral,"), nor a surname after the story's title ("Mr. Kim, 40, a leader"). Such a Kim, taken for
 * the story's, is shown as his: the price of not losing his name from wire copy.
 */
export function introducedAfter(text: string, start: number, end: number): boolean {
  const next = text.charCodeAt(end);
  if (next !== 0x2c && !isIgnorable(next)) return false;
  const after = visible(text, end, end + 160);
  if (after.charCodeAt(0) !== 0x2c) return false;
  const title = titleBefore(text, start);
  if (title !== undefined && TITLES.has(title)) return false;
  const introduced = AGE_THEN_INDEFINITE.exec(after) ?? INDEFINITE_AGED.exec(after);
  if (introduced === null || !INTRODUCED_AT.test(visible(text, start - 40, start))) return false;
  // The apposition's words, from the age on: none of an office, a rank or power.
  return !KNOWN_PERSON.test(CLAUSE.exec(after.slice(1).replace(/^\s*\d{1,3},/, ''))![0]);
}

/** Words before a full stop that abbreviate, so that the stop ends no sentence: "Mr. Kim", "U.S. forces", "N. Korea". */
const ABBREVIATIONS = new Set([...ABBREVIATED_TITLES, 'St', 'Jr', 'Sr', 'No', 'vs', 'Rev', 'Hon', 'Amb', 'Pres']);

/**
 * Whether a sentence ends between `from` and `to`: a full stop, a question or an exclamation mark (and the quotes or
 * brackets closing it) before a space and a capital or an opening quote, or a blank line. Not after one letter ("U.S.
 * Forces", "N. Korea") or an abbreviation ("Mr. Kim"): when unsure, one sentence, which leaves a bare surname unmarked.
 */
export function sentenceEndBetween(text: string, from: number, to: number): boolean {
  // With the capital at `to`: the full name that may open the next sentence.
  const span = text.slice(from, to + 1);
  if (/\n[^\S\n]*\n/.test(span)) return true;
  const stop = /(\p{L}*)[.!?][”’"')\]]*\s+[“‘"'([]*\p{Lu}/gu;
  for (let match = stop.exec(span); match; match = stop.exec(span)) {
    const word = match[1]!;
    if ([...word].length !== 1 && !ABBREVIATIONS.has(word)) return true;
    stop.lastIndex = match.index + word.length + 1;
  }
  return false;
}

/** Ranks and offices that only a person holds, before a surname: "Senator Washington", "Coach Washington". */
export const PERSON_RANKS = new Set([
  ...['Senator', 'Representative', 'Congressman', 'Congresswoman', 'Governor', 'Mayor', 'Judge', 'Justice', 'Coach'],
  ...['Officer', 'Detective', 'Sergeant', 'Captain', 'Lieutenant', 'Colonel', 'General', 'Admiral', 'Professor'],
  ...['President', 'Sir', 'Dame', 'Mr', 'Mrs', 'Ms', 'Miss', 'Dr'],
]);

/**
 * Roles in lower case before a bare surname, in prose: "coach Washington praised him", "receiver Washington caught
 * it". Not words that also end a phrase before a place's name: "going forward Washington will", "deputy Washington
 * bureau chief", "the National Guard Washington sent".
 */
const PERSON_ROLES = new Set([
  // Not "tackle", "safety" or "actor": "vowed to tackle Washington’s concerns", "a key actor Washington relies on".
  ...['coach', 'quarterback', 'receiver', 'linebacker', 'cornerback', 'pitcher', 'outfielder'],
  ...['infielder', 'shortstop', 'striker', 'midfielder', 'goalkeeper', 'rookie', 'teammate', 'senator', 'congressman'],
  ...['congresswoman', 'councilman', 'councilwoman', 'officer', 'detective', 'sergeant', 'actress'],
  ...['singer', 'rapper', 'novelist'],
]);

/**
 * Whether the hit is a person's surname by what stands right before it: a given name in prose ("receiver Malik
 * Washington", "said coach Tom Kim", "Rep. Tom Kirby", "Running back Brian Washington"), or a rank or role only a
 * person holds ("Senator Washington", "Sen. Washington", "coach Washington"), which a title-case line may hold too.
 * Then the hit is that person's, not the story's place or person. No given name in a title-case line ("Putin Warns
 * Washington"), nor a day, a news agency ("told Reuters Washington"), an acronym, or a word that may just start the
 * sentence ("Later Washington said").
 */
export function afterPersonsName(text: string, start: number, end: number): boolean {
  const title = titleBefore(text, start);
  if (title !== undefined && (PERSON_RANKS.has(title) || PERSON_ROLES.has(title) || ABBREVIATED_TITLES.has(title))) return true;
  const words = new Words(text, start, end);
  return words.inProse() && words.givenNameBefore();
}

/** The words around one hit, for namesakeBeside and afterPersonsName. */
export class Words {
  readonly before: NearWord[];
  readonly after: NearWord[];

  constructor(
    private readonly text: string,
    start: number,
    end: number,
  ) {
    this.before = wordsBeside(text, start, -1, PROSE_WINDOW, true);
    this.after = wordsBeside(text, end, 1, PROSE_WINDOW, true);
  }

  wordOf(word: NearWord): string {
    return this.text.slice(word.start, word.end);
  }

  /** A capitalised word with lower-case letters ("CNN" is no given name), right beside the last, that may be a name. */
  isName(word: NearWord | undefined): boolean {
    return word !== undefined && word.tight && word.startsCapital && word.lower && !NOT_NAMES.has(this.wordOf(word));
  }

  /** Longer than a letter: the "s" of "Korea’s" is no prose. */
  isProse(word: NearWord): boolean {
    return word.lower && !word.startsCapital && word.end - word.start > 1 && !MINOR_WORDS.has(this.wordOf(word));
  }

  /** Some word of prose within four on either side: not a title-case line. */
  inProse(): boolean {
    return this.before.some((word) => this.isProse(word)) || this.after.some((word) => this.isProse(word));
  }


  givenNameBefore(): boolean {
    const [given, prior] = this.before;
    if (!this.isName(given) || RANKS.has(this.wordOf(given!))) return false;
    // The sentence's first word may be any word: "Later Kim said" reads as "Tom Kim said". One before it tells, or a
    // Korean given name, which no English word is ("Sung-hoon Kim, a professor, said").
    if (prior === undefined) return isKoreanGivenName(this.wordOf(given!));
    const gap = this.text.slice(prior.end, given!.start);
    if (/[.!?:;]/.test(gap)) return ABBREVIATED_TITLES.has(this.wordOf(prior)) || isKoreanGivenName(this.wordOf(given!));
    // Within a sentence ("said coach Tom Kirby", "the aide, Tom Kirby,"), or after its first word ("Quarterback Jayden
    // Washington threw") unless that word leads in a place ("In Pyongyang Kim said").
    if (this.isProse(prior)) return true;
    return prior.startsCapital && prior.tight && this.startsSentence(prior) && !PLACE_PREPOSITIONS.has(this.wordOf(prior));
  }

  /** Nothing before it in its line (the text's start, a line break, a long gap) or a sentence's end. */
  startsSentence(word: NearWord): boolean {
    const earlier = this.before[this.before.indexOf(word) + 1];
    return earlier === undefined || /[.!?]/.test(this.text.slice(earlier.end, word.start));
  }
}

/** A win-loss record, or one with ties, as sports pages give a team's: "(7-3)", "(10–2–1)". Years have four digits. */
const RECORD = /^\(\d{1,2}[-\u2013]\d{1,2}(?:[-\u2013]\d{1,2})?\)/;

/**
 * Whether a win-loss record follows right after `end`: "No. 5 Washington (7-0) hosts Oregon", "Russia (2-1) tops the
 * group". The name is a team's, and the page speaks of the team from there on.
 */
export function teamRecordAfter(text: string, end: number): boolean {
  const at = text.charCodeAt(end) === 0x20 ? end + 1 : end;
  return text.charCodeAt(at) === 0x28 && RECORD.test(text.slice(at, at + 12));
}

/** Whether a dollar sign follows right after `end`: the acronym is a currency's prefix ("US$200", "HK$"), not the country. */
export function isCurrencyPrefix(text: string, end: number): boolean {
  // Past invisible characters (a soft hyphen, a zero-width space), which the matcher is blind to everywhere else.
  let i = end;
  while (i < text.length && isIgnorable(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 0x24;
}

/**
 * Whether the separators at folded offsets `dashAt` of the hit starting at
 * `start` are dashes on the page. Replays the scanner's folding (ignorables
 * skipped, whitespace runs fed once) to find them in the original text.
 */
export function dashesAt(text: string, start: number, dashAt: readonly number[]): boolean {
  let folded = 0;
  let next = 0;
  let lastWhitespace = false;
  for (let i = start; i < text.length && next < dashAt.length; i++) {
    const code = text.charCodeAt(i);
    if (isIgnorable(code)) continue;
    const whitespace = isWhitespace(code);
    if (whitespace && lastWhitespace) continue;
    lastWhitespace = whitespace;
    if (folded === dashAt[next]) {
      if (!isDash(code)) return false;
      next++;
    }
    folded++;
  }
  return next === dashAt.length;
}

/** Characters looked at on each side of a hit for the address it may stand in: an address longer than that is prose. */
const MAX_ADDRESS_SIDE = 256;

/**
 * What ends an address written out in text, besides spaces: quotes and brackets around it, and the letters and
 * punctuation of a script written without spaces, which run up to it ("详见www.kremlin.ru。普京…").
 */
function endsAddress(code: number): boolean {
  if (isWhitespace(code) || code === 0x22 || code === 0x3c || code === 0x3e || code === 0xab || code === 0xbb || code === 0x201c || code === 0x201d) return true;
  // CJK punctuation, fullwidth forms.
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) || isUnspacedScript(code);
}

/** A scheme ("https://") or "www." anywhere in the address. */
const SCHEME_OR_WWW = /(?:^|[^\p{L}\p{N}])(?:[a-z][a-z\d+.-]*:\/\/|www\d?\.)/iu;
/** A host's last label, lower-case, then a path, a port, a query or the address's end: "kremlin.ru/…", "Putin.ru". */
const HOST_END = /[\p{L}\p{N}]\.[a-z]{2,24}(?:[/:?#]|$)/u;
/** Punctuation a sentence puts after an address: "visit Putin.ru." */
const TRAILING = /[.,;:!?)\]}’'”"]+$/u;

/**
 * Whether the hit stands in a web or e-mail address the page writes out as text ("www.Putin.ru",
 * "kremlin.ru/Putin", "example.com/Russia/NorthKorea", "press@Russia.gov"): an address is no mention, whatever case
 * its words are in. Prose's "Russia/Ukraine", "U.S./China" or a missing space ("Putin.He") stays one; so does a
 * handle or a hashtag ("@Putin", "#NorthKorea"), which names its subject.
 */
export function inWebAddress(text: string, start: number, end: number): boolean {
  // Most hits stand between spaces and punctuation: nothing joins them to an address.
  const before = start > 0 ? text.charCodeAt(start - 1) : 0x20;
  const after = end < text.length ? text.charCodeAt(end) : 0x20;
  const joinedBefore = !endsAddress(before) && before !== 0x28 && before !== 0x27 && before !== 0x2018 && before !== 0x2019;
  const joinedAfter = after === 0x2e || after === 0x2f || after === 0x40 || after === 0x3a;
  if (!joinedBefore && !joinedAfter) return false;
  let from = start;
  while (from > 0 && start - from < MAX_ADDRESS_SIDE && !endsAddress(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < MAX_ADDRESS_SIDE && !endsAddress(text.charCodeAt(to))) to++;
  if ((from > 0 && !endsAddress(text.charCodeAt(from - 1))) || (to < text.length && !endsAddress(text.charCodeAt(to)))) return false;
  const token = text.slice(from, to).replace(TRAILING, '');
  if (SCHEME_OR_WWW.test(token)) return true;
  const head = text.slice(from, start);
  // The host's end before the hit ("kremlin.ru/Putin") or after it ("Putin.ru", "press@Russia.gov", "Russia.gov/…").
  const path = head.lastIndexOf('/');
  if (path > 0 && HOST_END.test(head.slice(0, path + 1))) return true;
  return HOST_END.test(token.slice(Math.max(0, start - from - 1)));
}

/**
 * Ordinary English words that are also names. Case keeps them apart in running
 * text ("Turkey" against "turkey"), but an ALL-CAPS headline erases case, so
 * for these aliases no all-caps form is generated: "FINE CHINA SALE" and "WILL
 * TRUMP CARD" are words, not mentions. A pack that wants "CHINA" anyway lists
 * it as an alias of its own, which is matched literally.
 *
 * Only single words of four letters or more are listed: shorter aliases never
 * get an all-caps form at all (see variants.ts).
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  // places
  'bath', 'china', 'chad', 'cork', 'derby', 'nice', 'reading', 'mobile', 'turkey', 'guinea', 'jersey',
  'wells', 'split', 'sale', 'mold', 'bury', 'deal', 'march', 'orange', 'phoenix', 'victoria', 'georgia',
  'jordan', 'niger', 'lima', 'cologne', 'bordeaux', 'champagne', 'sierra', 'hamburg', 'java', 'kent',
  'normal', 'hope', 'eden', 'paradise', 'liberty', 'independence', 'mercury', 'venus', 'mars', 'earth',
  'moon', 'north', 'south', 'east', 'west', 'midland', 'highlands', 'valley', 'union', 'republic',
  // people
  'bush', 'will', 'rich', 'cook', 'page', 'king', 'young', 'white', 'black', 'brown', 'green', 'gray',
  'grey', 'long', 'price', 'rice', 'bill', 'grant', 'chase', 'wood', 'woods', 'well', 'hill', 'hall',
  'bond', 'banks', 'ford', 'frank', 'hunt', 'lane', 'miller', 'mason', 'baker', 'carpenter', 'fisher',
  'hunter', 'turner', 'porter', 'sharp', 'stone', 'rose', 'faith', 'grace', 'joy', 'dawn', 'summer',
  'winter', 'april', 'august', 'june', 'may', 'major', 'pope', 'bishop', 'priest', 'trump', 'pence',
  'best', 'little', 'small', 'strong', 'storm', 'sterling', 'patience', 'prince', 'duke', 'earl',
  'noble', 'knight', 'marshal', 'marshall', 'harper', 'walker', 'fields', 'field', 'brook', 'brooks',
  'love', 'lord', 'lamb', 'fox', 'wolf', 'bear', 'crane', 'swan', 'drake', 'finch', 'buck',
  // organisations and institutions
  'apple', 'amazon', 'shell', 'target', 'gap', 'subway', 'oracle', 'visa', 'sprint', 'delta', 'frontier',
  'spirit', 'square', 'meta', 'alphabet', 'uber', 'congress', 'parliament', 'senate', 'cabinet', 'council',
  'ministry', 'government', 'state', 'treasury', 'army', 'navy', 'police',
]);

/**
 * The bundled story's aliases on sentences from other news: a name that means
 * someone or something else must show no card rather than the story's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EntitiesFileSchema } from '../story/schema';
import { compileMatcher, createMatchState } from './index';
import { markSeen, namesakeKey } from './state';

const pack = compileMatcher(EntitiesFileSchema.parse(JSON.parse(readFileSync('data/summit/entities.json', 'utf8'))));

/** "entity-id:text" for each mention of one page made of `blocks`, in order. */
function found(...blocks: string[]): string[] {
  const state = createMatchState();
  return blocks.flatMap((text) => pack.scan(text, state).map((span) => `${span.entityId}:${text.slice(span.start, span.end)}`));
}

describe('the bundled pack', () => {
  it('reads every spelling of North Korea’s official name as North Korea, never as South Korea', () => {
    for (const name of [
      'Democratic People’s Republic of Korea',
      'Democratic Peoples Republic of Korea',
      'Democratic Peoples’ Republic of Korea',
      'DEMOCRATIC PEOPLES REPUBLIC OF KOREA',
      'Democratic People Republic of Korea',
    ]) {
      expect(found(`A statement from the ${name} said.`), name).toEqual([`north-korea:${name}`]);
    }
    expect(found('the Democratic Republic of Korea')).toEqual([]);
    expect(found('the Republic of Korea said')).toEqual(['south-korea:Republic of Korea']);
    // A title-case headline capitalises "of": the South's name inside the North's is still no South Korea.
    expect(found('Democratic People’s Republic Of Korea Fires Missile')).toEqual(['north-korea:Democratic People’s Republic Of Korea']);
    expect(found('Kim Jong Un, Leader Of The Democratic People\'s Republic Of Korea')).not.toContain('south-korea:Republic Of Korea');
    expect(found('Republic Of Korea Protests')).toEqual(['south-korea:Republic Of Korea']);
  });

  it('reads the people beside a name across a line break of the page’s source, which the browser shows as a space', () => {
    const leader = 'North Korean leader Kim Jong Un greeted Putin.';
    const kims = (...blocks: string[]) => found(leader, ...blocks).filter((name) => name.startsWith('kim-jong-un'));
    for (const other of ['Golfer Tom\nKim won the Open.', 'Golfer Tom\r\n        Kim won the Open.', 'Kim\nKardashian posted a photo.', 'Kim\n  Jong Il died in 2011.']) {
      expect(kims(other, 'Kim said it was fake.'), other).toEqual(['kim-jong-un:Kim Jong Un']);
    }
    expect(found('Dolphins receiver Malik\nWashington caught two touchdowns.')).toEqual([]);
    // A blank line is no wrapped line: the words after it are another paragraph's.
    expect(kims('Golfer Tom\n\nKim said it was fake.')).toEqual(['kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim']);
    expect(kims('Golfer Tom\r\n\r\nKim said it was fake.')).toEqual(['kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim']);
  });

  it('reads Washington after a verb that is also a sports position as the city: “vowed to tackle Washington’s concerns”', () => {
    expect(found('Beijing vowed to tackle Washington’s concerns. Washington welcomed the move.')).toEqual(['washington:Washington', 'washington:Washington']);
    expect(found('a key actor Washington relies on')).toEqual(['washington:Washington']);
  });

  it('finds a name whose accent the page writes as a letter and a combining mark, and hides what its exclusions hide written so', () => {
    expect(found('the novelist China Mie\u0301ville')).toEqual([]);
    expect(found('the novelist China Miéville')).toEqual([]);
  });

  it('finds a name inside the marks that set a run’s direction, which a page in Arabic or Hebrew puts round it', () => {
    expect(found('قال \u2066Vladimir Putin\u2069 إن')).toEqual(['vladimir-putin:Vladimir Putin']);
    expect(found('Kim\u200e Jong\u200f Un arrived.')).toEqual(['kim-jong-un:Kim\u200e Jong\u200f Un']);
    // A Hebrew prefix on the name, set apart by the marks: the letter before them is no part of it.
    expect(found('\u05dc\u2068Vladimir Putin\u2069 \u05d0\u05de\u05e8')).toEqual(['vladimir-putin:Vladimir Putin']);
  });

  it('finds a Latin name right beside Chinese or Japanese text, which puts no space between words', () => {
    expect(found('普京在Pyongyang举行峰会')).toEqual(['pyongyang:Pyongyang']);
    expect(found('プーチン大統領がMoscowに戻った')).toEqual(['moscow:Moscow']);
  });

  it('shows no Washington card for the state, its towns, or people and teams named Washington', () => {
    for (const text of [
      'Redmond, Washington-based Microsoft',
      'Booker T. Washington High School',
      'Washington Irving wrote it.',
      'Washington County officials',
      'the Washington Huskies won',
      'Lake Washington froze.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    expect(found('confrontations with Washington')).toEqual(['washington:Washington']);
  });

  it('takes a page about Moscow, Idaho (its dateline too), or Seattle, Washington, to mean those from there on', () => {
    expect(found('MOSCOW, Idaho — Four students were killed.', 'The Moscow police chief said the Moscow case is open.')).toEqual([]);
    expect(found('In Seattle, Washington, the governor spoke.', 'Washington lawmakers met.')).toEqual([]);
    expect(found('Putin’s confrontations with Washington', 'a professor in Seattle, Washington, said')).toEqual(['vladimir-putin:Putin', 'washington:Washington']);
    // The other Moscows of the United States.
    for (const town of ['Moscow, Pennsylvania,', 'Moscow, Pa.,', 'Moscow, Tennessee,', 'Moscow, Tenn.,', 'Moscow, Vermont,', 'Moscow, Kansas,', 'Moscow Mills, Missouri,']) {
      expect(found(`In ${town} the fair opened.`, 'Moscow officials said it went well.'), town).toEqual([]);
    }
  });

  it('takes a person called Washington, named with a given name in prose, for no city, and the page to speak of him from there on', () => {
    for (const person of [
      'Dolphins receiver Malik Washington caught two touchdowns.',
      'Running back Brian Washington scored twice.',
      'Quarterback Jayden Washington threw for 300 yards.',
      'said coach Tom Washington, who took over in May.',
      'the senator, Jane Washington, voted no.',
      // A rank or a role only a person holds, without a given name.
      'Senator Washington voted no.',
      'Sen. Washington voted no.',
      'the bill that Rep. Washington wrote',
      'coach Washington praised the defense.',
      'Coach Washington Praises Defense',
      'Rookie receiver Washington caught two passes.',
    ]) {
      expect(found('Putin’s confrontations with Washington', person, '“We’re thrilled,” Washington said.'), person).toEqual(['vladimir-putin:Putin', 'washington:Washington']);
    }
    // Capitals that name no one before it: the city all the same.
    for (const text of [
      'Putin Warns Washington Over Sanctions',
      'a US official told Reuters Washington would respond',
      'said on Tuesday Washington would respond',
      'Later Washington said it would respond.',
      'In a statement Washington said it would respond.',
      'officials at the CIA Washington office',
      'Going forward Washington will respond.',
      'Blinken told Congress Washington would not tolerate the pact.',
      'said the deputy Washington bureau chief',
      'the National Guard Washington sent',
    ]) {
      expect(found(text, 'Washington said so.').filter((name) => name.startsWith('washington')), text).toEqual(['washington:Washington', 'washington:Washington']);
    }
  });

  it('takes a sports team, an actor or a region called Washington to mean that from there on, and a state visit to Washington for no state', () => {
    expect(found('Putin’s confrontations with Washington', 'The Washington Commanders beat Philadelphia.', 'Washington’s defense held.')).toEqual([
      'vladimir-putin:Putin',
      'washington:Washington',
    ]);
    for (const text of [
      'Denzel Washington stars in “Gladiator II.” Washington, 69, plays a power broker.',
      'Kerry Washington hosted the gala on Saturday. Washington wore a black gown.',
      'Wildfires forced evacuations in Central Washington and Oregon. Washington officials said more would follow.',
      'Ovechkin scored twice as the Washington Capitals won. Washington has won four straight.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    // A name with a team's win-loss record is the team's, and the page speaks of it from there on; not a span of years.
    expect(found('Putin’s confrontations with Washington', 'No. 5 Washington (7-0) hosts Oregon on Saturday.', 'Washington has won 12 straight.')).toEqual([
      'vladimir-putin:Putin',
      'washington:Washington',
    ]);
    expect(found('Washington (7–3) visits Dallas.', 'Russia (2-1-0) tops the group.', 'Russia scored twice.')).toEqual([]);
    expect(found('the Soviet Union (1922-1991) and Russia (2014-2022) in Crimea')).toEqual(['soviet-union:Soviet Union', 'russia:Russia']);
    // "A Washington state visit" is no state of Washington: the city's mentions go on.
    expect(found('Yoon’s Washington state visit in April was a success.', 'Officials said Washington would respond.')).toEqual(['washington:Washington']);
  });

  it('shows no story card for the Moscow police of Idaho, a tennis Open, an American bank or grocer, a ticker named ROK, or a sitcom', () => {
    expect(found('The Moscow Police Department said the suspect was arrested.', 'Moscow police said more would follow.')).toEqual([]);
    expect(found('MOSCOW, Pa. (AP) — A barn burned.', 'Moscow firefighters said the cause was unknown.')).toEqual([]);
    // The other place told in other words, before its name.
    expect(
      found('BOISE, Idaho (AP) — Bryan Kohberger pleaded guilty to killing four University of Idaho students at a rental home in Moscow in 2022.', 'Moscow police said so.'),
    ).toEqual([]);
    expect(found('SPOKANE, Wash. (AP) — A wildfire in eastern Washington forced evacuations.', 'Washington officials said so.')).toEqual([]);
    for (const text of [
      'Sinner won the U.S. Open on Sunday.',
      'Gauff, who won the US Open last year, lost.',
      'Alcaraz, the U.S. Open and Wimbledon champion, won again.',
      'Sinner Wins U.S. Open',
      'Sabalenka Beats Pegula to Win US Open Title',
      'U.S. Bank said on Tuesday it would cut 500 jobs.',
      'Shares of US Bancorp fell 3%.',
      'US Foods shares rose 4%.',
      'He joined Conference USA in 2014.',
      'Russia Today’s chief editor spoke.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    // A headline in title case whose Open is a verb: the country.
    expect(found('U.S. Open To Talks With North Korea')).toEqual(['united-states:U.S.', 'north-korea:North Korea']);
    expect(found('South Korea’s Kospi fell 1%.', 'Rockwell Automation (ROK) shares dropped.', 'Shares of NYSE:ROK fell.')).toEqual(['south-korea:South Korea']);
    expect(found('The United States agreed.', 'Boys & Girls Clubs of America opened a club.')).toEqual(['united-states:United States']);
    expect(found('Kim Jong Un met Putin.', '“Kim’s Convenience” star Simu Liu spoke.').filter((name) => name.startsWith('kim'))).toEqual(['kim-jong-un:Kim Jong Un']);
  });

  it('shows no United States card for the “America First” movement', () => {
    expect(found('The United States agreed.', 'America First supporters rallied; America waits.')).toEqual(['united-states:United States', 'united-states:America']);
  });

  it('shows no story card for another country’s council, an old Vietnam, or a namesake', () => {
    expect(found('John Kirby of the U.S. National Security Council spoke.', "Britain's National Security Council met; so did Israel's National Security Council.")).toEqual([
      'john-kirby:John Kirby',
      'us-national-security-council:U.S. National Security Council',
    ]);
    expect(found('The United States of America won.', "America's Cup sailing and Miss America.")).toEqual(['united-states:United States of America']);
    expect(found('South Vietnam fell; North Vietnam won. Vietnam today trades.')).toEqual(['vietnam:Vietnam']);
    expect(found('John Kirby spoke.', 'Coach Kirby Smart spoke. Kirby added.')).toEqual(['john-kirby:John Kirby']);
  });

  it('shows no story card for other people and places named Washington, companies named after the country, or other countries’ councils', () => {
    for (const text of [
      'Kerry Washington stars in the new thriller.',
      'Chicago Mayor Harold Washington',
      'coach Ron Washington',
      'Washington University in St. Louis',
      'a flight from Washington Dulles',
      'Washington Hospital said',
      'the Washington Monument',
      'Nippon Steel’s bid for U.S. Steel',
      'Shares of US Steel rose; US Airways and U.S. News & World Report too.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    // After the full names that let the short ones count.
    expect(
      found(
        'The U.S. National Security Council spoke; so did the United States.',
        'Iran’s Supreme National Security Council said it would respond. Pakistan’s National Security Council met, and Turkey’s National Security Council too.',
        'America’s Got Talent and Copa America aired.',
      ),
    ).toEqual(['us-national-security-council:U.S. National Security Council', 'united-states:United States']);
  });

  it('shows no story card for a state official of Washington, namesakes of Kirby, airlines, papers and tournaments named after countries', () => {
    for (const text of [
      'Washington Gov. Bob Ferguson signed it; the Washington governor’s office and Washington’s Supreme Court agreed.',
      'Sen. Maria Cantwell (D-Washington) and Rep. Dan Newhouse, R-Washington, voted no.',
      'Washington and Lee University and the Washington Attorney General',
      'Taiwan’s China Airlines, The China Post, Beijing’s China Daily and the China Open.',
      'He flew Japan Airlines and Vietnam Airlines and read Japan Today.',
      'RT, formerly Russia Today, and The Russia House',
      'She ordered a Moscow mule.',
      'Nelly Korda won the U.S. Women’s Open; the US PGA and US Masters followed.',
      'Contact US | About US | Email US',
      'Rockwell Automation (NYSE: ROK) rose; ROK 2024 V ČÍSLECH',
      'The PRC board exam results are out.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    expect(
      found(
        'John Kirby spoke; the U.S. National Security Council and South Korea met.',
        'Vanessa Kirby and Jack Kirby; Kirby Dach and Kirby Yates; America Movil; the South Korean NSC and South Africa’s NSC.',
        'The ROK and China, the PRC.',
      ),
    ).toEqual([
      'john-kirby:John Kirby',
      'us-national-security-council:U.S. National Security Council',
      'south-korea:South Korea',
      'south-korea:ROK',
      'china:China',
      'china:PRC',
    ]);
  });

  it('shows no John Kirby card for another Kirby, first name or surname, once his full name was read', () => {
    expect(found('John Kirby spoke.', 'Actor Kirby Howell-Baptiste wore red; Kirby Jenner posted; Rep. Tom Kirby voted.')).toEqual(['john-kirby:John Kirby']);
    // Standing apart from other names, after a title or after a full stop, he is still John Kirby.
    expect(found('John Kirby spoke.', 'Kirby said the talks, which Mr Kirby called useful, went on. Biden thanked him. Kirby left.')).toEqual([
      'john-kirby:John Kirby',
      'john-kirby:Kirby',
      'john-kirby:Kirby',
      'john-kirby:Kirby',
    ]);
  });

  it('shows no United States card for the U.S. Open tennis and golf tournaments, however the sentence goes on', () => {
    for (const text of [
      'Gauff into U.S. Open women’s final; the US Open tennis tournament; the U.S. Open men’s draw.',
      'She reached the US Open quarterfinals and the U.S. Open semifinal; he won the U.S. Open singles and the US Open doubles.',
      'the U.S. Open golf at Oakmont; the U.S. Open Championship; the US Open winner, the U.S. Open runner-up, the US Open trophy and its prize',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('shows no country card for newspapers and agencies named after Japan or Vietnam', () => {
    expect(found('According to The Japan News and Vietnam News, and the Viet Nam News, Japan and Vietnam met.')).toEqual(['japan:Japan', 'vietnam:Vietnam']);
  });

  it('shows no China card for airlines, banks and firms named after it, and one for the country beside them', () => {
    expect(
      found(
        'She flew China Southern Airlines, then China Eastern Airlines and Air China.',
        'Bank of China, China Construction Bank, China Mobile, China Telecom, China Unicom and China Evergrande fell.',
      ),
    ).toEqual([]);
    expect(found('Air China cut flights to China.')).toEqual(['china:China']);
  });

  it('takes a person called Washington (“Mr. Washington, a teacher”) for no city, and the page to speak of that person from there on', () => {
    expect(found('Mr. Washington, a teacher, said so; Ms. Washington and Dr Washington agreed.', 'Washington answered Moscow.')).toEqual(['moscow:Moscow']);
    expect(found('Washington answered Moscow.', 'Mr. Washington, a teacher, said so.')).toEqual(['washington:Washington', 'moscow:Moscow']);
  });

  it('takes no other country’s security council, nor a bare “NSC”, for the U.S. one, even after John Kirby’s council was named', () => {
    expect(
      found(
        'John Kirby of the U.S. National Security Council spoke.',
        'Seoul’s National Security Council met; Tokyo’s National Security Council met too.',
        'South Korea convened a National Security Council meeting. Japan’s NSC met, and Yoon convened the NSC.',
      ),
    ).toEqual(['john-kirby:John Kirby', 'us-national-security-council:U.S. National Security Council', 'south-korea:South Korea', 'japan:Japan']);
  });

  it('takes a page about Washington state, Washington, Pa., Russia, Ohio, or the University of Idaho in Moscow to mean those from there on', () => {
    expect(found('SEATTLE — Washington state lawmakers approved a budget.', 'Washington lawmakers also approved a tax.')).toEqual([]);
    expect(found('Washington, Pa., police said.', 'Washington officials added.')).toEqual([]);
    expect(found('Residents of Russia, Ohio, voted.', 'Russia’s school levy passed.')).toEqual([]);
    expect(found('Students at the University of Idaho in Moscow.', 'Moscow police said.')).toEqual([]);
  });

  it('reads Kim Jong Un misspelt “Kim Jung Un” as him', () => {
    expect(found('Kim Jung Un and Kim Jung-un and KIM JUNG UN.')).toEqual([
      'kim-jong-un:Kim Jung Un',
      'kim-jong-un:Kim Jung-un',
      'kim-jong-un:KIM JUNG UN',
    ]);
  });

  it('reads a country named in another entity’s exclusion phrase as that country: only the excluded entity is left out', () => {
    expect(
      found(
        'The U.S. National Security Council spoke.',
        'South Korea’s National Security Council met, as did Russia’s National Security Council and the National Security Council of Japan.',
      ),
    ).toEqual(['us-national-security-council:U.S. National Security Council', 'south-korea:South Korea', 'russia:Russia', 'japan:Japan']);
  });
  it('shows no story card for namesakes found on real pages and in reviews: a section “US & Canada”, fine china, a novelist, a cousin, a newspaper', () => {
    for (const text of [
      'US & Canada | Europe | Asia',
      'Tell US what you think. Let US know. Call US now.',
      'USA Network aired it; United States Steel agreed; a United States of Europe.',
      'How to Clean Fine China; a Vintage Bone China Tea Set; Naval Air Weapons Station China Lake.',
      'China Miéville’s new novel; China Mieville spoke.',
      'From Russia With Love aired.',
      'Igor Putin, a cousin, and Roman Putin.',
      'Moscow Mules are back; Moscow on the Hudson.',
      'Gen. Washington and General Washington crossed; President Washington; Washington’s Birthday; the Washington Journal and Washington Week.',
      'Washington Sundar took three wickets; Grover Washington Jr. played.',
      'The Pyongyang Times reported.',
      'the People’s Republic of Korea of 1945, the People\'s Republic of Korea',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    expect(found('John Kirby spoke.', 'Kirby and the Forgotten Land sold well; Justice Michael Kirby retired.')).toEqual(['john-kirby:John Kirby']);
    expect(found('John Kirby spoke.', 'Kirby and the Pentagon disagreed.')).toEqual(['john-kirby:John Kirby', 'john-kirby:Kirby']);
    expect(found('Pyongyang said the Pyongyang Times was wrong.')).toEqual(['pyongyang:Pyongyang']);
    // After the full name, which lets a bare "America" count.
    expect(
      found(
        'The United States spoke.',
        'America Ferrera, Club America and the Boy Scouts of America; the America East; America Online; America’s Next Top Model and the America’s Cup.',
      ),
    ).toEqual(['united-states:United States']);
  });

  it('reads headline forms of the Koreas, an older spelling of Kim’s name and the ministry in lower case', () => {
    expect(found('NKorea’s Kim and SKorea’s leader.')).toEqual(['north-korea:NKorea', 'south-korea:SKorea']);
    // Not "N Korea" or "S Korea": in capitals, a possessive's S is one ("PUTIN’S KOREA VISIT"), and "Rock N Korea" another.
    expect(found('PUTIN’S KOREA VISIT DEEPENS TIES; HYUNDAI’S KOREA SALES SLUMP; the Rock N Korea festival.')).toEqual(['vladimir-putin:PUTIN']);
    // Headlines about the country, in title case, keep it: the furniture and the tournament are not excluded.
    expect(found('China Cabinet Approves Stimulus Plan; Japan Open to Joining Sanctions.')).toEqual(['china:China', 'japan:Japan']);
    expect(found('Kim Jong-eun, or Kim Jong Eun, spoke.')).toEqual(['kim-jong-un:Kim Jong-eun', 'kim-jong-un:Kim Jong Eun']);
    expect(found('South Korea’s foreign ministry said; the South Korean foreign ministry added.')).toEqual([
      'south-korean-foreign-ministry:South Korea’s foreign ministry',
      'south-korean-foreign-ministry:South Korean foreign ministry',
    ]);
  });

  it('reads Kirby’s name with its initial and South Korea’s Foreign Ministry as Seoul’s, S. Korea’s or Korea’s, never North Korea’s', () => {
    expect(found('John F. Kirby said; JOHN F. KIRBY.')).toEqual(['john-kirby:John F. Kirby', 'john-kirby:JOHN F. KIRBY']);
    for (const name of [
      "Seoul's Foreign Ministry",
      'Seoul’s Foreign Ministry',
      'Seoul’s foreign ministry',
      "S. Korea's Foreign Ministry",
      'S. Korea’s Foreign Ministry',
      "S.Korea's Foreign Ministry",
      'S.Korea’s Foreign Ministry',
      'Foreign Ministry of South Korea',
      "South Korea's Foreign Affairs Ministry",
      'South Korea’s Foreign Affairs Ministry',
      "S Korea's Foreign Ministry",
      'S Korea’s Foreign Ministry',
    ]) {
      expect(found(`${name} said on Friday.`), name).toEqual([`south-korean-foreign-ministry:${name}`]);
    }
    // "Korea’s" alone is either Korea’s, as bare "Korea" is: the ministry only once its full name was on the page.
    const ministry = 'South Korean Foreign Ministry';
    for (const name of ["Korea's Foreign Ministry", 'Korea’s Foreign Ministry', 'KOREA’S FOREIGN MINISTRY']) {
      expect(found(`${name} said on Friday.`), name).toEqual([]);
      expect(found(`The ${ministry} spoke.`, `${name} said on Friday.`), name).toEqual([`south-korean-foreign-ministry:${ministry}`, `south-korean-foreign-ministry:${name}`]);
    }
    expect(found('Pyongyang slams Seoul. Korea’s Foreign Ministry said the drills were a provocation.')).toEqual(['pyongyang:Pyongyang']);
    expect(found(`The ${ministry} spoke.`, 'Korea’s Foreign Ministry spokesman Lim Soo-suk said.')).toEqual([
      `south-korean-foreign-ministry:${ministry}`,
      'south-korean-foreign-ministry:Korea’s Foreign Ministry',
    ]);
    expect(
      found(
        "North Korea's Foreign Ministry said; North Korea’s Foreign Ministry; N. Korea's Foreign Ministry; N.Korea’s Foreign Ministry; NORTH KOREA’S FOREIGN MINISTRY.",
      ),
    ).toEqual(['north-korea:North Korea', 'north-korea:North Korea', 'north-korea:N. Korea', 'north-korea:N.Korea', 'north-korea:NORTH KOREA']);
    // "N Korea" is North Korea, as headlines write it: its ministry is never Seoul's, even after Seoul's full name.
    expect(found(`The ${ministry} spoke.`, "N Korea's Foreign Ministry said; N Korea’s Foreign Ministry; N-Korea’s Foreign Ministry; N KOREA’S FOREIGN MINISTRY SAYS.")).toEqual([
      `south-korean-foreign-ministry:${ministry}`,
      'north-korea:N Korea',
      'north-korea:N Korea',
      'north-korea:N-Korea',
      'north-korea:N KOREA',
    ]);
  });

  it('shows no Moscow card for its clubs, its exchange or its university, nor a Kirby card for a photographer or a vacuum; the city and the man in headlines all the same', () => {
    for (const text of [
      'Spartak Moscow beat CSKA Moscow; Dynamo Moscow drew with Lokomotiv Moscow and FC Torpedo Moscow.',
      'SPARTAK MOSCOW 2, CSKA MOSCOW 1',
      'Trading on the Moscow Exchange, the Moscow Exchange index and the Moscow Exchange’s dollar trading stopped; the Moscow Exchange (MOEX) said so.',
      'A graduate of Moscow State University.',
      'Moscow Exchange shares fell 3%; the Moscow Exchange said trading on the Moscow Exchange in dollars was halted.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
    // In a title-case headline the exchange and a verb read alike: the city counts.
    expect(found('Kyiv, Moscow Exchange Prisoners; Moscow State Media Says Talks Went Well')).toEqual(['moscow:Moscow', 'moscow:Moscow']);
    expect(found('Sanctions Could Torpedo Moscow Talks')).toEqual(['moscow:Moscow']);
    expect(found('John Kirby spoke.', 'Mandatory Credit: Kirby Lee-USA TODAY Sports. A Kirby vacuum.', 'Kirby said the talks failed.')).toEqual([
      'john-kirby:John Kirby',
      'john-kirby:Kirby',
    ]);
    // After the company's name in prose, a bare "Kirby" may be the company's: none until John Kirby is named again.
    expect(found('John Kirby spoke.', 'He sold the Kirby Vacuum Company.', 'Kirby said the talks failed.', 'John Kirby left. Kirby waved.')).toEqual([
      'john-kirby:John Kirby',
      'john-kirby:John Kirby',
      'john-kirby:Kirby',
    ]);
  });

  it('shows a China card in its companies’ names only for the country: PetroChina is no China', () => {
    expect(found('PetroChina and China Mobile rose; China Telecom, China Unicom and China Daily too.')).toEqual([]);
    expect(found('China Telecom and PetroChina said China would cut rates.')).toEqual(['china:China']);
  });

  it('reads Russia’s Far East written in lower case, as AP writes it, as the region', () => {
    for (const name of ['Russia’s far east', "Russia's far east", 'Russian far east', 'Russia’s Far East', 'Russian Far East', 'RUSSIA’S FAR EAST']) {
      expect(found(`Kim visited ${name} in September.`), name).toEqual([`russian-far-east:${name}`]);
    }
    // An adjective is no region: Russia alone.
    expect(found('in Russia’s far eastern city of Vladivostok')).toEqual(['russia:Russia']);
  });

  it('reads a country in a title-case headline where its name begins a tournament’s or a channel’s, and not in the tournament or the channel told apart by what follows', () => {
    expect(found('China Open to Talks With Japan; China Open for Business, Li Says')).toEqual(['china:China', 'japan:Japan', 'china:China']);
    expect(found('US Open to Talks; U.S. Open to New Deal With Seoul')).toEqual(['united-states:US', 'united-states:U.S.']);
    expect(found('Russia Today Is Marking Victory Day')).toEqual(['russia:Russia']);
    for (const text of [
      'Alcaraz won the China Open. He won the China Open title, the China Open final and the China Open in Beijing; the China Open’s prize money rose.',
      'Sinner won the US Open, the US Open final and the U.S. Open title at the U.S. Open in New York; the U.S. Open’s crowd; the US Open champion at the U.S. Open.',
      'RT, formerly Russia Today, RT (formerly Russia Today) and Russia Today (RT) aired it on Russia Today TV, the Russia Today channel and the Russia Today network.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('reads the Koreas as FIFA, the UN and the World Bank name them: “DPR Korea”, “Korea DPR”, “Korea Republic”, “Korea, Dem. People’s Rep.”', () => {
    expect(found('DPR Korea said; DPR Korea’s Foreign Ministry replied. KOREA DPR 0, Korea Republic 2.')).toEqual([
      'north-korea:DPR Korea',
      'north-korea:DPR Korea',
      'north-korea:KOREA DPR',
      'south-korea:Korea Republic',
    ]);
    expect(found("Korea, Dem. People's Rep. | 1,250")).toEqual(["north-korea:Korea, Dem. People's Rep."]);
    // Not forms a list or a sentence also makes: "Japan, Korea, North America", "a visit to Korea, Rep. Kim said".
    expect(found('sales in Korea, North America and Europe; on a visit to Korea, Rep. Kim said; Korea, Republic of Ireland and Spain')).toEqual([]);
  });

  it('reads the United States in title-case headlines on weekly figures and banks, and not in the bank’s stadium or the magazine', () => {
    expect(found('US Weekly Jobless Claims Fall; US Bank Stocks Slide; U.S. Bank Regulators Propose Rules')).toEqual([
      'united-states:US',
      'united-states:US',
      'united-states:U.S.',
    ]);
    for (const text of [
      'the US Weekly magazine and US Weekly’s editor; “Her Story”. US Weekly. Retrieved 7 May 2014; US Weekly, 2019.',
      'U.S. Bank Stadium, US Bank Arena and the U.S. Bank Tower; fees at U.S. Bank, U.S. Bank’s branches, a loan from US Bank.',
    ]) {
      expect(found(text), text).toEqual([]);
    }
  });

  it('takes a page about Moscow, Idaho, written without the comma, or Russia, N.Y., to mean those from there on; not “Moscow, ID checks”', () => {
    expect(found('Moscow Idaho murders: the suspect is in court.', 'Moscow police said.')).toEqual([]);
    // "ID" alone is too common a word to mean Idaho: "In Moscow, ID checks at metro stations rose."
    expect(found('In Moscow, ID checks at metro stations rose.', 'Putin arrived in Moscow.')).toEqual(['moscow:Moscow', 'vladimir-putin:Putin', 'moscow:Moscow']);
    expect(found('A Russia, N.Y., man was charged.', 'Russia town officials said.')).toEqual([]);
  });

  it('reads Kim alone as Kim Jong Un once his full name was on the page, never a Kim of another name', () => {
    const first = 'North Korean leader Kim Jong Un greeted Putin.';
    const kims = (text: string) => found(first, text).slice(2).filter((name) => name.startsWith('kim-jong-un'));
    for (const text of [
      'Kim hugged Putin at the airport.',
      'Putin and Kim signed a pact.',
      'Putin, Kim sign pact',
      'the Kim-Putin summit',
      'North Korea’s Kim has',
      'Mr Putin thanked Mr Kim for his support.',
      'Chairman Kim and President Putin signed the deal',
      '“Kim is a friend,” Putin said.',
      'said Kim.',
      'Kim’s regime',
    ]) {
      expect(kims(text), text).toEqual(['kim-jong-un:Kim']);
    }
    for (const text of ['his sister Kim Yo Jong said', 'Kim Jong Il died in 2011.', 'photo by Kim Raff', 'Tom Kim won the Open.', 'Kim Kardashian posted', 'Putin Meets Kim in Pyongyang', 'KIM SAID']) {
      expect(kims(text), text).toEqual([]);
    }
    expect(found('Kim hugged Putin.')).toEqual(['vladimir-putin:Putin']);
  });

  it('reads Kim or Kirby right after a word that opens the sentence as the story’s, not after a given name a sentence may open with', () => {
    const kims = (text: string) => found('Kim Jong Un met Putin.', text).slice(1).filter((name) => name.startsWith('kim-jong-un'));
    for (const text of [
      'But Kim warned Seoul.',
      'When Kim arrived, Putin was waiting.',
      'As Kim spoke, the crowd cheered.',
      'Meanwhile Kim has vowed to press on.',
      'Later Kim said the visit went well.',
      'Then Kim hosted a banquet.',
      'The talks ended. But Kim warned Seoul.',
      '“But Kim warned Seoul,” he said.',
    ]) {
      expect(kims(text), text).toEqual(['kim-jong-un:Kim']);
    }
    // A given name before the surname, at a sentence's start too: the U.S. diplomat Sung Kim, Korean given names in
    // Western order, an actress. Nor an opener before another Kim's name ("But Kim Yo Jong said"), in a headline too.
    for (const text of ['Sung Kim said the talks were useful.', 'Yo Kim said so.', 'Jong Kim said so.', 'So Kim said so.', 'But Kim Yo Jong said so.', 'Kim Yo Jong said so.', 'Said Kim said so.', 'When Kim Yo Jong Speaks, Seoul Listens']) {
      expect(kims(text), text).toEqual([]);
    }
    const kirbys = (text: string) => found('John Kirby spoke.', text).slice(1).filter((name) => name.startsWith('john-kirby'));
    expect(kirbys('But Kirby added that it was late.')).toEqual(['john-kirby:Kirby']);
    expect(kirbys('Later Kirby said so.')).toEqual(['john-kirby:Kirby']);
    expect(kirbys('Still, Kirby said so.')).toEqual(['john-kirby:Kirby']);
    expect(kirbys('Vanessa Kirby starred in it.')).toEqual([]);
    expect(kirbys('The film was long. Vanessa Kirby starred in it.')).toEqual([]);
    expect(kirbys('Rachel Kirby scored twice.')).toEqual([]);
    // An opener that is a given name too: Will Kirby, the reality-television winner.
    expect(kirbys('Will Kirby won the show.')).toEqual([]);
  });

  it('reads a bare Kim introduced with an age and as “a nurse”, or as “a 34-year-old nurse”, as another person, named by the surname alone, and the bare Kims after her as hers', () => {
    const kims = (...blocks: string[]) => found('Kim Jong Un met Putin in Pyongyang.', ...blocks).filter((name) => name.startsWith('kim-jong-un'));
    for (const text of [
      '“I am scared,” said Kim, 34, a nurse in Seoul who gave only her surname.',
      'Kim, a 34-year-old nurse in Seoul, said she was scared.',
      'Kim, 34, a nurse, said she was scared.',
      'Kim\u200b, 34, an office worker, said she was scared.',
    ]) {
      expect(kims(text), text).toEqual(['kim-jong-un:Kim Jong Un']);
      expect(kims(text, 'Kim said she would leave.'), text).toEqual(['kim-jong-un:Kim Jong Un']);
      // His full name again, in a sentence of its own: a bare Kim is his once more.
      expect(kims(text, 'Kim Jong Un has not commented. Kim is expected to respond.'), text).toEqual([
        'kim-jong-un:Kim Jong Un',
        'kim-jong-un:Kim Jong Un',
        'kim-jong-un:Kim',
      ]);
    }
    // Named by the surname in the sentence of his full name, she leaves a bare Kim after them unmarked.
    expect(kims('Kim, a 34-year-old nurse, said Kim Jong Un scares her.', 'Kim said she would leave.')).toEqual([
      'kim-jong-un:Kim Jong Un',
      'kim-jong-un:Kim Jong Un',
    ]);
    // An age alone, or an apposition alone, is how wire copy gives the story's own people; and one telling of his
    // office is his.
    for (const text of [
      'Kim, the North Korean leader, met Putin.',
      'Kim, who met Putin, smiled.',
      'Kim, 40, the North Korean leader, met Putin.',
      'Kim, 40, greeted Putin at the airport.',
      'Putin thanked Kim, 40, for his support.',
      'North Korean leader Kim, 40, greeted Putin.',
      'Putin, 71, and Kim, 40, signed it.',
      'Kim, 40, is the third generation of his family to rule.',
      '“We are friends,” said Kim, 40.',
      'Kim, a pariah in the West, hugged Putin.',
      'Kim, an avowed enemy of Washington, hugged Putin.',
      'Kim, a third-generation leader, met Putin.',
      'After meeting Kim, 12 officials left.',
      'Putin thanked Kim, a close ally, for his support.',
      'Putin thanked Kim, a man he called a friend, for his support.',
      'Putin thanked\n    Kim, a man he called a friend, for his support.',
      'Kim, 40, who took power in 2011, met Putin.',
      'Kim, 40, a third-generation leader, met Putin.',
      'Mr. Kim, 40, met Putin.',
      'Mr. Kim, a student in Switzerland in his teens, met Putin.',
    ]) {
      expect(kims(text), text).toEqual(['kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim']);
    }
    // Nor does an age alone take his later bare Kims away.
    expect(kims('Kim, 40, greeted Putin at the airport.', 'Kim later toured a factory with Putin.')).toEqual([
      'kim-jong-un:Kim Jong Un',
      'kim-jong-un:Kim',
      'kim-jong-un:Kim',
    ]);
    const kirbys = (...blocks: string[]) => found('John Kirby spoke.', ...blocks).filter((name) => name.startsWith('john-kirby'));
    expect(kirbys('Kirby, a retired rear admiral, said the talks were useful.')).toEqual(['john-kirby:John Kirby', 'john-kirby:Kirby']);
    expect(kirbys('Kirby, 61, a retired rear admiral, said the talks were useful.')).toEqual(['john-kirby:John Kirby', 'john-kirby:Kirby']);
    expect(kirbys('Kirby, 61, said the U.S. was watching.', 'Kirby added that Washington was concerned.')).toEqual([
      'john-kirby:John Kirby',
      'john-kirby:Kirby',
      'john-kirby:Kirby',
    ]);
    expect(kirbys('Kirby, 29, a teacher in Ohio, said she voted.')).toEqual(['john-kirby:John Kirby']);
  });

  it('reads a bare Kim or Kirby as another person’s once that person was named in prose, until the story’s full name comes again', () => {
    const leader = 'North Korean leader Kim Jong Un greeted Putin.';
    const kims = (...blocks: string[]) => found(leader, ...blocks).filter((name) => name.startsWith('kim-jong-un'));
    for (const other of [
      'Kim Kardashian posted a photo.',
      'His sister Kim Yo Jong said the drills would go on.',
      'Kim Jong Il died in 2011.',
      'The golfer Tom Kim won, said coach Tom Kim.',
      'said coach Tom Kim on Sunday',
      'Photographer Kim Raff took the picture.',
      'Golfer Tom Kim won the Open.',
      // Korean given names with a hyphen, as the wires write them, and titles only another person holds.
      'Padres infielder Ha-seong Kim hit a two-run homer.',
      'Associated Press writer Hyung-jin Kim in Seoul contributed to this report.',
      'the dean, Sung-hoon Kim, a professor at Korea University, said so.',
      // At a sentence's start too, which "Later Kim said" leaves to the story's Kim: no English word is two Korean syllables.
      'Sung-hoon Kim, a professor at Korea University, said so.',
      'Jae-in Kim told reporters in Seoul.',
      'The drills alarmed Seoul. Sung-Hoon Kim, a professor, said so.',
      'Ye-jin Kim, an analyst, disagreed.',
      'Ms. Kim said Seoul would pay.',
      'Ms Kim also criticised Seoul.',
      'Sen. Kim, a New Jersey Democrat, voted no.',
      'Dr. Kim, a cardiologist, said so.',
    ]) {
      expect(kims(other, 'Kim said it was fake.'), other).toEqual(['kim-jong-un:Kim Jong Un']);
      // The story's full name again: a bare Kim is his once more.
      expect(kims(other, 'Kim Jong Un replied. Kim said it was fake.'), other).toEqual(['kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim']);
    }
    // A sentence that starts with an English word of two halves names no other Kim: the bare Kims after it stay his.
    for (const start of ['Long-time Kim watchers say', 'Far-right Kim supporters say', 'Ex-wife Kim says']) {
      expect(kims(`${start} little will change.`, 'Kim said it was fake.'), start).toEqual([
        'kim-jong-un:Kim Jong Un',
        'kim-jong-un:Kim',
      ]);
    }
    // In one block, whoever was named last.
    expect(kims('Kim Kardashian met Kim Jong Un. Kim smiled.')).toEqual(['kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim']);
    expect(kims('Kim Jong Un met Kim Kardashian. Kim smiled.')).toEqual(['kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim Jong Un']);
    const kirby = (...blocks: string[]) => found('John Kirby spoke.', ...blocks).filter((name) => name.startsWith('john-kirby'));
    for (const other of ['Coach Kirby Smart spoke.', 'Actor Kirby Howell-Baptiste said she would return.', 'said Rep. Tom Kirby, a Democrat. He', 'the former aide, Tom Kirby, wrote']) {
      expect(kirby(other, 'Kirby added that it was late.'), other).toEqual(['john-kirby:John Kirby']);
    }

    // Capitals that name no one leave a bare Kim his: a title-case headline, a rank, a day, a word starting a sentence.
    for (const text of [
      'Putin, Kim Sign Defense Pact in Pyongyang',
      'Putin Meets Kim in Pyongyang',
      'Kim Tuesday rejected the offer.',
      'said on Monday Kim would visit',
      'Later Kim said the visit went well.',
      'In Pyongyang Kim told Putin the ties were strong.',
      'At Vostochny Kim toured the launch site.',
      'Chairman Kim and President Putin signed',
      'General Kim inspected the troops.',
      'North Korea’s Kim Says Talks Went Well',
      'KIM KARDASHIAN POSTED A PHOTO',
    ]) {
      expect(kims(text, 'Kim waved.').at(-1), text).toBe('kim-jong-un:Kim');
    }
    // The Times' style for the story's Kim; an abbreviated rank is another Kim's, as it is in full.
    expect(kims('Mr. Kim said the visit went well.')).toEqual(['kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim']);
    expect(kims('Gen. Kim inspected the troops.', 'Kim waved.')).toEqual(['kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim']);
    for (const text of ['Admiral Kirby said the talks were useful.', 'Spokesman Kirby spoke on Friday.']) {
      expect(kirby(text, 'Kirby added that it was late.').at(-1), text).toBe('john-kirby:Kirby');
    }
  });

  it('reads a bare Kim as his sister’s after a sentence naming her and him, in her apposition as AP and Reuters write it, until his full name stands in a later sentence of its own', () => {
    const kims = (...blocks: string[]) => found(...blocks).filter((name) => name.startsWith('kim-jong-un'));
    const statement = 'Kim Yo Jong, the powerful sister of North Korean leader Kim Jong Un, said in a statement.';
    expect(kims(`${statement} Kim also said the drills were provocative.`)).toEqual(['kim-jong-un:Kim Jong Un']);
    expect(kims(statement, 'Kim also said the drills were provocative.')).toEqual(['kim-jong-un:Kim Jong Un']);
    // Both named by the surname in one sentence, in either order, or with a full stop of an abbreviation between them.
    for (const sentence of [
      'Kim Yo Jong said her brother Kim Jong Un would not meet Seoul’s envoy.',
      'North Korean leader Kim Jong Un’s sister, Kim Yo Jong, said in a statement.',
      'Kim Yo Jong denounced U.S. Forces Korea, and Kim Jong Un inspected a missile unit.',
      'Kim Yo-jong, a vice department director, and Mr. Kim Jong Un attended.',
      'The late Kim Jong-il’s son Kim Jong Un spoke.',
      'Golfer Tom Kim met Kim Jong Un on Tuesday.',
    ]) {
      expect(kims(sentence, 'Kim said the drills were provocative.'), sentence).toEqual(['kim-jong-un:Kim Jong Un']);
    }
    // His full name in a later sentence of its own, in the same block or the next: a bare Kim is his again.
    expect(kims(`${statement} Kim Jong Un has not commented. Kim is expected to respond.`)).toEqual([
      'kim-jong-un:Kim Jong Un',
      'kim-jong-un:Kim Jong Un',
      'kim-jong-un:Kim',
    ]);
    expect(kims(statement, 'Kim Jong Un has not commented.', 'Kim is expected to respond.')).toEqual([
      'kim-jong-un:Kim Jong Un',
      'kim-jong-un:Kim Jong Un',
      'kim-jong-un:Kim',
    ]);
    // Named again beside her, it settles nothing.
    expect(kims(statement, 'Kim Yo Jong and her brother Kim Jong Un attended.', 'Kim waved.')).toEqual(['kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim Jong Un']);
    // An ordinary page: no other Kim, or one whose Kim is her given name (news calls her Kardashian), keeps a bare Kim his.
    expect(kims('Kim Jong Un met Putin. Kim said the talks went well.')).toEqual(['kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim']);
    expect(kims('Kim Jong Un met Putin.', 'Kim said the talks went well.')).toEqual(['kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim']);
    expect(kims('Kim Kardashian met Kim Jong Un. Kim smiled.')).toEqual(['kim-jong-un:Kim Jong Un', 'kim-jong-un:Kim']);
    // John Kirby the same way.
    const kirbys = (...blocks: string[]) => found(...blocks).filter((name) => name.startsWith('john-kirby'));
    expect(kirbys('Rep. Tom Kirby questioned John Kirby on Tuesday.', 'Kirby said the talks were useful.')).toEqual(['john-kirby:John Kirby']);
    expect(kirbys('Rep. Tom Kirby questioned John Kirby on Tuesday. John Kirby replied.', 'Kirby said the talks were useful.')).toEqual([
      'john-kirby:John Kirby',
      'john-kirby:John Kirby',
      'john-kirby:Kirby',
    ]);
  });

  it('journals the sister named in the sentence of her brother’s full name after it, so a block read again from the journal finds what the page did', () => {
    const state = createMatchState(true);
    pack.scan('Kim Yo Jong, the powerful sister of North Korean leader Kim Jong Un, said in a statement.', state);
    const journal = state.sightings!;
    // What page/match-places.ts keeps of a block: its sightings in the order it named them last.
    const kept = [...new Set([...journal].reverse())].reverse();
    expect(kept).toEqual(['kim-jong-un', namesakeKey('kim-jong-un')]);
    const replayed = createMatchState();
    for (const key of kept) markSeen(replayed, key);
    expect(pack.scan('Kim also said the drills were provocative.', replayed)).toEqual([]);
  });

  it('shows no John Kirby card for Nintendo’s Kirby, and none for the rest of a page about the game', () => {
    const kirbys = (...blocks: string[]) => found('John Kirby spoke.', ...blocks).filter((name) => name.startsWith('john-kirby'));
    for (const text of [
      'Kirby game sales rose.',
      'Two Kirby games sold well.',
      'the new Kirby title',
      'older Kirby titles',
      'Nintendo’s Kirby returns.',
      "Nintendo's Kirby returns.",
      'Kirby’s Dream Land turns 30.',
      "Kirby's Dream Land turns 30.",
      'Kirby, the pink hero of Nintendo’s games, returns.',
    ]) {
      expect(kirbys(text), text).toEqual(['john-kirby:John Kirby']);
      // The page speaks of the game's Kirby from there on.
      expect(kirbys(text, 'Kirby can now copy more powers.'), text).toEqual(['john-kirby:John Kirby']);
    }
    // Before it, the spokesman's.
    expect(kirbys('Kirby said the talks were useful.', 'Kirby game sales rose.')).toEqual(['john-kirby:John Kirby', 'john-kirby:Kirby']);
  });

  it('shows no Vladimir Putin card for Gazprom’s Mikhail Putin, in a title-case headline too', () => {
    expect(found('Gazprom’s Mikhail Putin Resigns')).toEqual([]);
    expect(found('GAZPROM’S MIKHAIL PUTIN RESIGNS')).toEqual([]);
    expect(found('Mikhail Putin, Gazprom’s deputy chairman, resigned.')).toEqual([]);
    expect(found('Mikhail Putin Resigns; Vladimir Putin Names Successor')).toEqual(['vladimir-putin:Vladimir Putin']);
  });

  it('finds Vietnam written the Vietnamese way, “Việt Nam”, its accents one character, a letter and combining marks, or the tone mark apart, in capitals too', () => {
    expect(found('Trade with Việt Nam grew.')).toEqual(['vietnam:Việt Nam']);
    const decomposed = 'Việt Nam'.normalize('NFD');
    expect(decomposed).not.toBe('Việt Nam');
    expect(found(`Trade with ${decomposed} grew.`)).toEqual([`vietnam:${decomposed}`]);
    expect(found('VIỆT NAM, NGÀY 19')).toEqual(['vietnam:VIỆT NAM']);
    expect(found('Việt Nam’s exports rose.')).toEqual(['vietnam:Việt Nam']);
    // As Vietnamese keyboards often type it: "ê", then the tone's dot below apart.
    const toneApart = 'Vi\u00ea\u0323t Nam';
    expect(toneApart.normalize('NFC')).toBe('Việt Nam');
    expect(found(`Trade with ${toneApart} grew.`)).toEqual([`vietnam:${toneApart}`]);
    expect(found(`VI\u00ca\u0323T NAM, NGÀY 19`)).toEqual(['vietnam:VI\u00ca\u0323T NAM']);
    expect(found(`${toneApart} News reported.`)).toEqual([]);
    // The English-language daily of Hanoi, as it writes its own name.
    expect(found('Việt Nam News reported.')).toEqual([]);
  });

  it('reads the wire services’ wording of the summit: the DPRK, N.Korea, S.Korea, Mr Putin, the two capitals and the two countries joined by a dash, the UNSC', () => {
    expect(found('Putin arrived in the DPRK, KCNA said.')).toEqual(['vladimir-putin:Putin', 'north-korea:DPRK']);
    expect(found('N.Korea, Russia sign defence pact', 'S.Korea summons Russian envoy')).toEqual(['north-korea:N.Korea', 'russia:Russia', 'south-korea:S.Korea']);
    expect(found('Mr Putin thanked Chairman Kim Jong Un.')).toEqual(['vladimir-putin:Putin', 'kim-jong-un:Kim Jong Un']);
    expect(found('the deepening Moscow-Pyongyang relationship', 'Russia-North Korea ties')).toEqual(['moscow:Moscow', 'pyongyang:Pyongyang', 'russia:Russia', 'north-korea:North Korea']);
    expect(found('UNSC resolutions ban arms trade with the DPRK.', 'the UNSC-backed sanctions')).toEqual(['united-nations:UNSC', 'north-korea:DPRK', 'united-nations:UNSC']);
    expect(found('the UN Security Council met')).toEqual(['united-nations:UN']);
    expect(found('NSC spokesman John Kirby said.', 'White House national security spokesman John Kirby said.')).toEqual(['john-kirby:John Kirby', 'john-kirby:John Kirby']);
  });

  it('reads none of the wire services’ words the story has no card for, or that other things are called', () => {
    // Kim Jong Il was “Chairman Kim” too: only after Kim Jong Un’s full name is the title his.
    expect(found('Chairman Kim inspected a farm.')).toEqual([]);
    // Adjectives are no names ("Russian" is no Russia), and the Kremlin and Seoul are no place the story names.
    expect(found('The Russian-North Korean treaty', 'The Kremlin said so.', 'Seoul protested.')).toEqual([]);
    // Longer abbreviations that begin with UNSC (a Security Council resolution, an old inspection team), and lower case.
    expect(found('UNSCR 1718 applies.', 'UNSCOM inspectors left.', 'unsc')).toEqual([]);
  });
});

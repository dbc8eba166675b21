/**
 * The hot loop: runs the automaton over a block of page text and records
 * every hit that sits on word boundaries. Which hits become mentions is
 * decided afterwards (resolve.ts), on the handful of hits a block yields.
 */
import { IGNORE_CLASS, type Automaton } from './automaton';
import { afterPersonsName, besideCapitalisedWord, dashesAt, endsWord, inShoutedLine, introducedAfter, inWebAddress, isCurrencyPrefix, namesakeBeside, startsWord, teamRecordAfter } from './boundaries';
import { afterOtherFirstName, afterSentenceOpener } from './first-names';
import { afterPossessiveLetter } from './possessive';
import type { PatternRule } from './types';

/**
 * Hits of one scan, in growable typed arrays reused from block to block. A
 * pattern below zero is the complement (`~p`) of a surname's pattern `p` on
 * another person's name: "Kim" in "Kim Kardashian posted" (boundaries.ts
 * namesakeBeside), "Washington" in "receiver Malik Washington" (afterPersonsName),
 * or a team's: "Washington (7-3)" (teamRecordAfter).
 */
export class Candidates {
  start = new Int32Array(64);
  end = new Int32Array(64);
  pattern = new Int32Array(64);
  count = 0;

  push(start: number, end: number, pattern: number): void {
    if (this.count === this.start.length) {
      const grow = (from: Int32Array) => {
        const to = new Int32Array(from.length * 2);
        to.set(from);
        return to;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.pattern = grow(this.pattern);
    }
    this.start[this.count] = start;
    this.end[this.count] = end;
    this.pattern[this.count++] = pattern;
  }
}

export class Scanner {
  /**
   * Original index of each of the last characters fed to the automaton:
   * ignorables and collapsed spaces are skipped, so a hit's start cannot be
   * computed from its folded length alone.
   */
  private readonly ring: Int32Array;
  private readonly mask: number;
  /** Where each anchor expression next matches, as last searched (-1: not yet). */
  private readonly ahead = new Float64Array(4);

  constructor(
    private readonly automaton: Automaton,
    private readonly patterns: readonly PatternRule[],
  ) {
    let size = 1;
    while (size < automaton.maxLength + 1) size <<= 1;
    this.ring = new Int32Array(size);
    this.mask = size - 1;
  }

  /**
   * Every hit in `text` of a pattern whose first character `starts` marks
   * (all patterns: the automaton's startsPattern), into `out`. `anchors`
   * (anchors.ts, built for the same `starts`) find where such a pattern may
   * begin; without them the scan looks at every character.
   */
  find(text: string, out: Candidates, starts: Uint8Array = this.automaton.startsPattern, anchors: readonly RegExp[] | null = null): void {
    out.count = 0;
    const {
      classOf,
      spaceClass,
      dashClass,
      rootNext,
      edgeStart,
      edgeLabel,
      edgeTarget,
      fail,
      outHead,
      outNext,
      dict,
      patternLength,
    } = this.automaton;
    const { ring, mask, patterns } = this;
    const ahead = this.ahead;
    ahead.fill(-1);
    let state = 0;
    let fed = 0;
    let lastSpace = false;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      if (state === 0) {
        // Nearly all page text is passed over here: at the root only the start
        // of some pattern can change anything.
        if (anchors) {
          i = nextAnchor(text, i, anchors, ahead);
        } else {
          while (i < n && starts[text.charCodeAt(i)] === 0) i++;
        }
        if (i === n) break;
        lastSpace = false;
      }
      let cls = classOf[text.charCodeAt(i)]!;
      if (cls === 0) {
        state = 0;
        lastSpace = false;
        continue;
      }
      if (cls === IGNORE_CLASS) continue;
      if (cls === spaceClass) {
        // "North\n    Korea" in the HTML source renders as "North Korea".
        if (lastSpace) continue;
        lastSpace = true;
      } else {
        lastSpace = false;
        if (cls === dashClass) cls = spaceClass;
      }
      ring[fed & mask] = i;
      fed++;

      let s = state;
      let next = 0;
      for (;;) {
        if (s === 0) {
          next = rootNext[cls]!;
          break;
        }
        let e = edgeStart[s]!;
        const stop = edgeStart[s + 1]!;
        while (e < stop && edgeLabel[e]! < cls) e++;
        if (e < stop && edgeLabel[e] === cls) {
          next = edgeTarget[e]!;
          break;
        }
        s = fail[s]!;
      }
      state = next;

      let node = outHead[next]! >= 0 ? next : dict[next]!;
      while (node >= 0) {
        for (let p = outHead[node]!; p >= 0; p = outNext[p]!) {
          const start = ring[(fed - patternLength[p]!) & mask]!;
          const end = i + 1;
          const pattern = patterns[p]!;
          if (pattern.leftBoundary && (!startsWord(text, start) || afterPossessiveLetter(text, start))) continue;
          if (pattern.rightBoundary && !endsWord(text, end)) continue;
          if (!pattern.exclude && inWebAddress(text, start, end)) continue;
          if (pattern.acronym && (inShoutedLine(text, start, end) || isCurrencyPrefix(text, end))) continue;
          if (pattern.alone && introducedAfter(text, start, end)) {
            // "said Kim, 34, a nurse": another person of that surname, recorded as the pattern's complement (resolve.ts, namesakes).
            out.push(start, end, ~p);
            continue;
          }
          if (pattern.alone && besideCapitalisedWord(text, start, end)) {
            if (namesakeBeside(text, start, end)) {
              out.push(start, end, ~p);
              continue;
            }
            // "But Kim warned Seoul": the capital before it only opens the sentence, and the hit is judged as any other.
            if (!afterSentenceOpener(text, start, end)) continue;
          }
          if (pattern.otherFirstNames && afterOtherFirstName(text, start, end)) continue;
          if ((pattern.surname && afterPersonsName(text, start, end)) || (!pattern.exclude && teamRecordAfter(text, end))) {
            out.push(start, end, ~p);
            continue;
          }
          if (pattern.dashAt.length > 0 && !dashesAt(text, start, pattern.dashAt)) continue;
          out.push(start, end, p);
        }
        node = dict[node]!;
      }
    }
  }
}

/**
 * The first place at or after `from` where one of `anchors` matches, or the
 * text's length. `ahead` keeps each expression's last answer, so an expression
 * whose match still lies ahead is not searched again.
 */
function nextAnchor(text: string, from: number, anchors: readonly RegExp[], ahead: Float64Array): number {
  let at = text.length;
  for (let k = 0; k < anchors.length; k++) {
    let found = ahead[k]!;
    if (found < from) {
      const anchor = anchors[k]!;
      anchor.lastIndex = from;
      found = anchor.exec(text)?.index ?? text.length;
      ahead[k] = found;
    }
    if (found < at) at = found;
  }
  return at;
}

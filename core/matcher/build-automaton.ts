import { APOSTROPHE, APOSTROPHE_CODES, DASH_CODES, IGNORABLE_CODES, SPACE, SPACE_CODES } from './chars';
import { IGNORE_CLASS, spellingOf, type Automaton } from './automaton';

/**
 * `exclusions` marks the forms that are exclusion phrases, which a first pass
 * over the text does not need to start at (see runtime.ts).
 */
export function buildAutomaton(forms: readonly string[], exclusions: readonly boolean[] = []): Automaton {
  const classes = new Map<number, number>([[SPACE, 1]]);
  for (const form of forms) {
    for (let i = 0; i < form.length; i++) {
      const code = form.charCodeAt(i);
      if (!classes.has(code)) classes.set(code, classes.size + 1);
    }
  }
  const alphabet = classes.size + 1;
  const dashClass = alphabet;
  if (dashClass >= IGNORE_CLASS) throw new Error('Too many distinct characters in the aliases');

  // One flat map keyed by node * alphabet + class: compiling runs on every
  // page load, and thousands of small Maps cost more than the scan itself.
  const child = new Map<number, number>();
  const parentOf: number[] = [-1];
  const labelOf: number[] = [0];
  const outHead: number[] = [-1];
  const outNext: number[] = new Array<number>(forms.length).fill(-1);
  let maxLength = 0;
  forms.forEach((form, index) => {
    let node = 0;
    for (let i = 0; i < form.length; i++) {
      const cls = classes.get(form.charCodeAt(i))!;
      const key = node * alphabet + cls;
      let next = child.get(key);
      if (next === undefined) {
        next = parentOf.length;
        parentOf.push(node);
        labelOf.push(cls);
        outHead.push(-1);
        child.set(key, next);
      }
      node = next;
    }
    outNext[index] = outHead[node]!;
    outHead[node] = index;
    maxLength = Math.max(maxLength, form.length);
  });

  const count = parentOf.length;
  const rootNext = new Int32Array(alphabet);
  const edgeStart = new Int32Array(count + 1);
  for (let n = 1; n < count; n++) {
    if (parentOf[n] === 0) rootNext[labelOf[n]!] = n;
    else edgeStart[parentOf[n]! + 1]!++;
  }
  for (let n = 0; n < count; n++) edgeStart[n + 1]! += edgeStart[n]!;
  const edges = edgeStart[count]!;
  const edgeLabel = new Uint16Array(edges);
  const edgeTarget = new Int32Array(edges);
  const filled = edgeStart.slice(0, count);
  for (let n = 1; n < count; n++) {
    const parent = parentOf[n]!;
    if (parent === 0) continue;
    // Insertion sort by label within the parent's run: runs are short.
    let e = filled[parent]!++;
    const label = labelOf[n]!;
    while (e > edgeStart[parent]! && edgeLabel[e - 1]! > label) {
      edgeLabel[e] = edgeLabel[e - 1]!;
      edgeTarget[e] = edgeTarget[e - 1]!;
      e--;
    }
    edgeLabel[e] = label;
    edgeTarget[e] = n;
  }

  // Breadth-first, so a node's failure target is final before its children need it.
  const fail = new Int32Array(count);
  const dict = new Int32Array(count).fill(-1);
  const queue = new Int32Array(count);
  let tail = 0;
  for (let cls = 0; cls < alphabet; cls++) if (rootNext[cls] !== 0) queue[tail++] = rootNext[cls]!;
  for (let head = 0; head < tail; head++) {
    const node = queue[head]!;
    for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
      const cls = edgeLabel[e]!;
      const next = edgeTarget[e]!;
      let f = fail[node]!;
      let target = child.get(f * alphabet + cls);
      while (target === undefined && f !== 0) {
        f = fail[f]!;
        target = child.get(f * alphabet + cls);
      }
      fail[next] = target ?? 0;
      dict[next] = outHead[fail[next]!]! >= 0 ? fail[next]! : dict[fail[next]!]!;
      queue[tail++] = next;
    }
  }

  const trie = numberBreadthFirst({ rootNext, edgeStart, edgeLabel, edgeTarget, fail, dict, outHead: Int32Array.from(outHead) }, queue.subarray(0, tail));

  const classOf = new Uint16Array(0x10000);
  const startsPattern = new Uint8Array(0x10000);
  const assign = (code: number, cls: number) => {
    classOf[code] = cls;
    if (rootNext[cls] !== 0) startsPattern[code] = 1;
  };
  for (const [code, cls] of classes) assign(code, cls);
  const fold = (codes: readonly number[], canonical: number) => {
    const cls = classes.get(canonical) ?? 0;
    for (const code of codes) assign(code, cls);
  };
  fold(SPACE_CODES, SPACE);
  fold(APOSTROPHE_CODES, APOSTROPHE);
  for (const code of DASH_CODES) classOf[code] = dashClass;
  for (const code of IGNORABLE_CODES) {
    classOf[code] = IGNORE_CLASS;
    startsPattern[code] = 0;
  }

  return {
    classOf,
    spaceClass: 1,
    dashClass,
    rootNext: trie.rootNext,
    startsPattern,
    startsAlias: aliasStarts(forms, exclusions, classOf, startsPattern),
    edgeStart: trie.edgeStart,
    edgeLabel: trie.edgeLabel,
    edgeTarget: trie.edgeTarget,
    fail: trie.fail,
    outHead: trie.outHead,
    outNext: Int32Array.from(outNext),
    dict: trie.dict,
    spelling: spellingOf(
      Array.from(classOf, (cls, code) => [code, cls] as const),
      alphabet + 1,
    ),
    patternLength: Int32Array.from(forms, (form) => form.length),
    maxLength,
  };
}

function aliasStarts(forms: readonly string[], exclusions: readonly boolean[], classOf: Uint16Array, startsPattern: Uint8Array): Uint8Array {
  const aliasClasses = new Set(forms.filter((_, i) => !exclusions[i]).map((form) => classOf[form.charCodeAt(0)]!));
  const startsAlias = startsPattern.map((starts, code) => (starts && aliasClasses.has(classOf[code]!) ? 1 : 0));
  return startsAlias.every((starts, code) => starts === startsPattern[code]) ? startsPattern : startsAlias;
}

type Trie = Pick<Automaton, 'rootNext' | 'edgeStart' | 'edgeLabel' | 'edgeTarget' | 'fail' | 'dict' | 'outHead'>;

/**
 * The trie with its nodes numbered in the order a breadth-first walk meets
 * them (`queue`: the root's children by class, then each node's by label). A
 * node's children then follow on from the previous node's, and every failure
 * and output link leads to a node numbered before its own: a page checks the
 * tables it is sent in one pass of plain comparisons (wire.ts) instead of a
 * walk of the tree in code that runs once, cold.
 */
function numberBreadthFirst(trie: Trie, queue: Int32Array): Trie {
  const count = trie.fail.length;
  const order = new Int32Array(count);
  order.set(queue, 1);
  const numbered = new Int32Array(count);
  for (let n = 0; n < count; n++) numbered[order[n]!] = n;
  const edges = trie.edgeLabel.length;
  const out: Trie = {
    rootNext: trie.rootNext.map((target) => (target === 0 ? 0 : numbered[target]!)),
    edgeStart: new Int32Array(count + 1),
    edgeLabel: new Uint16Array(edges),
    edgeTarget: new Int32Array(edges),
    fail: new Int32Array(count),
    dict: new Int32Array(count),
    outHead: new Int32Array(count),
  };
  let at = 0;
  for (let n = 0; n < count; n++) {
    const old = order[n]!;
    out.edgeStart[n] = at;
    for (let e = trie.edgeStart[old]!; e < trie.edgeStart[old + 1]!; e++, at++) {
      out.edgeLabel[at] = trie.edgeLabel[e]!;
      out.edgeTarget[at] = numbered[trie.edgeTarget[e]!]!;
    }
    out.fail[n] = numbered[trie.fail[old]!]!;
    out.dict[n] = trie.dict[old] === -1 ? -1 : numbered[trie.dict[old]!]!;
    out.outHead[n] = trie.outHead[old]!;
  }
  out.edgeStart[count] = at;
  return out;
}

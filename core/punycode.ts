/**
 * Decodes the Punycode of internationalised domain names (RFC 3492), for display only: browsers give a page's hostname
 * in its ASCII form ("xn--mnchen-3ya.de"), which is still the key the settings keep, while the address bar shows
 * "münchen.de". No browser API decodes it.
 */
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;
const MAX_CODE_POINT = 0x10ffff;

function adapt(delta: number, points: number, first: boolean): number {
  delta = first ? Math.floor(delta / DAMP) : delta >> 1;
  delta += Math.floor(delta / points);
  let k = 0;
  while (delta > ((BASE - T_MIN) * T_MAX) >> 1) {
    delta = Math.floor(delta / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * delta) / (delta + SKEW));
}

function digitOf(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  return BASE;
}

/** The Unicode of a Punycode label without its "xn--", or undefined where it is no valid Punycode. */
export function decodePunycode(input: string): string | undefined {
  const delimiter = input.lastIndexOf('-');
  const output: number[] = [];
  for (let at = 0; at < Math.max(delimiter, 0); at++) {
    const code = input.charCodeAt(at);
    if (code >= 0x80) return undefined;
    output.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let at = delimiter > 0 ? delimiter + 1 : 0; at < input.length; ) {
    const old = i;
    for (let weight = 1, k = BASE; ; k += BASE) {
      if (at >= input.length) return undefined;
      const digit = digitOf(input.charCodeAt(at++));
      if (digit >= BASE) return undefined;
      i += digit * weight;
      // Past any code point: no name encodes one, and the arithmetic would lose precision.
      if (i > MAX_CODE_POINT * (output.length + 1)) return undefined;
      const threshold = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < threshold) break;
      weight *= BASE - threshold;
    }
    const points = output.length + 1;
    bias = adapt(i - old, points, old === 0);
    n += Math.floor(i / points);
    i %= points;
    if (n > MAX_CODE_POINT || (n >= 0xd800 && n <= 0xdfff)) return undefined;
    output.splice(i, 0, n);
    i++;
  }
  return String.fromCodePoint(...output);
}

/** Cyrillic and Greek letters drawn as Latin ones: a label of these alone ("аррӏе") reads as an ASCII name it is not. */
const LATIN_LOOKALIKES = /^[аӏԁеһіјкмոорԛѕԝхуАВЕНІЈКМОРЅТХҮαεικνορτυχΑΒΕΗΙΚΜΝΟΡΤΥΧΖ]+$/u;
const SCRIPTS_CONFUSED = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Greek}/u];

/**
 * Whether a decoded label may be shown as it decodes, as address bars judge: not one that decodes to nothing or to
 * ASCII alone (no valid name does: "xn--paypal-" would read "paypal"), nor one mixing Latin, Cyrillic and Greek
 * letters, nor one of Cyrillic or Greek letters that all look Latin. Those stay in their ASCII form.
 */
function shownDecoded(label: string): boolean {
  if (!/[^\p{ASCII}]/u.test(label)) return false;
  const letters = label.replace(/[\p{Nd}\p{P}\p{S}\s]/gu, '');
  if (SCRIPTS_CONFUSED.filter((script) => script.test(letters)).length > 1) return false;
  return !LATIN_LOOKALIKES.test(letters);
}

/**
 * A hostname as the address bar shows it: each "xn--" label in Unicode, but one that does not decode, or that would
 * pass for another name (shownDecoded), as it was.
 */
export function hostnameForDisplay(hostname: string): string {
  return hostname
    .split('.')
    .map((label) => {
      if (!/^xn--/i.test(label)) return label;
      const decoded = decodePunycode(label.slice(4));
      return decoded !== undefined && shownDecoded(decoded) ? decoded : label;
    })
    .join('.');
}

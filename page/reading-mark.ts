/**
 * Whether this frame's first reading of its page is still under way: marked in
 * the frame's content-script world, which the script on every page, the
 * annotator and the card script share. The keyboard command's notice asks it,
 * as a press before the page's names are found is no press on a page without
 * names: the screen still reading a large page a piece at a time, the
 * annotator on its way, or its first scan not done.
 */
export const READING = 'backstory.reading';
const NAMED = 'backstory.named';

/**
 * A first reading still marked after this long is taken as over: a script that
 * failed before it could clear the mark must not have the notice say "still
 * reading" for good. The first scan of a page of 4 MiB took about a second here.
 */
export const READING_AT_MOST_MS = 20_000;

type Marks = Record<symbol, number | boolean | undefined>;

/** The script on every page begins reading its frame's page. */
export function beginReading(scope: object = globalThis, now = performance.now()): void {
  (scope as Marks)[Symbol.for(READING)] = now;
}

/** The page was read: by the screen, which found no name, or by the annotator's first scan. */
export function endReading(scope: object = globalThis): void {
  delete (scope as Marks)[Symbol.for(READING)];
}

/** Whether the page is still arriving, or its first reading has begun and not ended (for at most READING_AT_MOST_MS). */
export function stillReading(scope: object = globalThis, now = performance.now(), loading = document.readyState === 'loading'): boolean {
  if (loading) return true;
  const began = (scope as Marks)[Symbol.for(READING)];
  return typeof began === 'number' && now - began < READING_AT_MOST_MS;
}

/**
 * The annotator marks whether the page holds names of the story now. The
 * keyboard command decides "no names" from what the frames had reported when
 * it was pressed; a page whose reading ended in between, with names, is told
 * it is still being read, and the next press goes to them.
 */
export function markNamed(named: boolean, scope: object = globalThis): void {
  (scope as Marks)[Symbol.for(NAMED)] = named;
}

export function holdsNames(scope: object = globalThis): boolean {
  return (scope as Marks)[Symbol.for(NAMED)] === true;
}

import type { MatcherWire } from '../core/matcher/wire';
import type { BuiltMatcher } from '../core/story/page-matcher';
import type { LocalStart } from './annotator-keys';
import { settingsFromItems } from './settings-layout';

/** Parsed only when used: the string of JSON is large, and most frames never read it. */
const builtMatcher = (): BuiltMatcher | null => __BACKSTORY_BUILT_MATCHER__;

/**
 * The reply to the annotator's first request (`matcher/get`) that an annotator
 * the page imported itself starts from, without the worker: the matcher it was
 * built with, if the worker's database serves that pack's rows, and the
 * settings the screen read. Undefined otherwise (a pack of an older version
 * kept after the bundled one was rejected, none stored yet): the worker is asked.
 */
export function builtMatcherReply(start: LocalStart | undefined, built: BuiltMatcher | null = builtMatcher()): Promise<unknown> | undefined {
  if (!start || !built || start.servedPack !== built.packHash) return undefined;
  const settings = settingsFromItems(start.items);
  // As the worker sends them (background/load-card-ui.ts): of the sites switched off, this one only.
  const offSites = settings.offSites.filter((site) => site === start.site);
  return Promise.resolve({ ok: true, ...built.value, settings: { ...settings, offSites }, site: start.site });
}

/**
 * Whether `wire` is the matcher of `built` (the reply above), which the build
 * checked (tooling/built-matcher.ts); so is a worker's for the same pack, with
 * the same tables. The reply is awaited, not kept: the tables are 100 KB.
 */
export async function isBuiltMatcher(wire: MatcherWire, built: Promise<unknown> | undefined): Promise<boolean> {
  const reply = (await built) as { matcher?: { tables?: unknown } } | undefined;
  return reply?.matcher?.tables === wire.tables;
}

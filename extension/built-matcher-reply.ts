import type { PageSideReply } from '../core/messages/page-protocol';
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
 * Typed, and never across a boundary, it needs no parse (a cold one costs 2.4
 * ms before the first highlight); its matcher, checked by the build
 * (tooling/built-matcher.ts), decodes without the trie's checks.
 */
export function builtMatcherReply(
  start: LocalStart | undefined,
  built: BuiltMatcher | null = builtMatcher(),
): (PageSideReply<'matcher/get'> & { ok: true }) | undefined {
  if (!start || !built || start.servedPack !== built.packHash) return undefined;
  const settings = settingsFromItems(start.items);
  // As the worker sends them (background/load-card-ui.ts): of the sites switched off, this one only.
  const offSites = settings.offSites.filter((site) => site === start.site);
  return { ok: true, ...built.value, settings: { ...settings, offSites }, site: start.site };
}


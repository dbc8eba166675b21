/**
 * The reader's settings. They live in browser storage (see extension/settings-store.ts),
 * not in the story database: every context reads them and is told when they change.
 */
import * as z from 'zod/mini';
import { CATEGORIES, type Category } from './story/category';

/**
 * One switch per category. An object rather than z.record: the page script
 * validates settings too, and a record schema is almost a kilobyte of its bundle.
 */
const categorySwitchesSchema = () =>
  z.object(Object.fromEntries(CATEGORIES.map((category) => [category, z.boolean()])) as Record<Category, z.ZodMiniBoolean>);

/** Built on first use (core/story/schema.ts tells why). */
export const SettingsSchema = z.lazy(() =>
  z.object({
    enabled: z.boolean(),
    categories: categorySwitchesSchema(),
    /** Hostnames where Backstory stays off ("Off on this site"). */
    offSites: z.array(z.string()),
  }),
);
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  categories: { person: true, country: true, organization: true, place: true },
  offSites: [],
};

/** Version 1 stored only the categories the reader switched off. */
export interface SettingsV1 {
  enabled?: boolean;
  disabledCategories?: string[];
}

export function migrateSettingsV1(old: SettingsV1 | null | undefined): Settings {
  const disabled = new Set(old?.disabledCategories ?? []);
  return {
    enabled: old?.enabled ?? true,
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, !disabled.has(c)])) as Record<Category, boolean>,
    offSites: [],
  };
}

/** Whether Backstory annotates pages on `hostname` at all. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.offSites.includes(hostname);
}

/** Reads settings defensively: anything malformed falls back to the defaults, field by field. */
export function normalizeSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw);
  if (parsed.success) return { ...parsed.data, categories: { ...DEFAULT_SETTINGS.categories, ...parsed.data.categories } };
  return DEFAULT_SETTINGS;
}

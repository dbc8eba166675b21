/**
 * The reader's settings. They live in browser storage (see extension/settings-store.ts),
 * not in the story database: every context reads them and is told when they change.
 */
import * as z from 'zod/mini';
import { once } from './once';
import { CATEGORIES, type Category } from './story/category';

/**
 * One switch per category. An object rather than z.record: the page script
 * validates settings too, and a record schema is almost a kilobyte of its bundle.
 */
const categorySwitchesSchema = () =>
  z.object(Object.fromEntries(CATEGORIES.map((category) => [category, z.boolean()])) as Record<Category, z.ZodMiniBoolean>);

/** Built on first use (core/story/schema.ts tells why). */
const fieldSchemas = once(() => ({
  flag: z.boolean(),
  /** Hostnames where Backstory stays off ("Off on this site"). */
  sites: z.array(z.string()),
}));

export const SettingsSchema = z.lazy(() =>
  z.object({
    enabled: fieldSchemas().flag,
    categories: categorySwitchesSchema(),
    offSites: fieldSchemas().sites,
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
  // Stored by another version, or corrupted: a list that is not one (`new Set(5)` throws) must not cost every reader its settings.
  const listed: unknown = old?.disabledCategories;
  const disabled = new Set(Array.isArray(listed) ? listed : []);
  return {
    enabled: typeof old?.enabled === 'boolean' ? old.enabled : DEFAULT_SETTINGS.enabled,
    categories: Object.fromEntries(CATEGORIES.map((c) => [c, !disabled.has(c)])) as Record<Category, boolean>,
    offSites: [],
  };
}

/** Whether Backstory annotates pages on `hostname` at all. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && !settings.offSites.includes(hostname);
}

/**
 * Reads settings defensively, field by field: a switch that is missing or
 * malformed (a category added since they were stored, a value another version
 * wrote) takes its default, and costs the reader none of the others: a
 * reader who switched Backstory off must not find it on again.
 */
export function normalizeSettings(raw: unknown): Settings {
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const fields = (raw !== null && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const switches = (fields.categories !== null && typeof fields.categories === 'object' ? fields.categories : {}) as Partial<
    Record<Category, unknown>
  >;
  const { flag, sites } = fieldSchemas();
  const or = <T>(parsed: { success: true; data: T } | { success: false }, fallback: T): T => (parsed.success ? parsed.data : fallback);
  return {
    enabled: or(flag.safeParse(fields.enabled), DEFAULT_SETTINGS.enabled),
    categories: Object.fromEntries(
      CATEGORIES.map((category) => [category, or(flag.safeParse(switches[category]), DEFAULT_SETTINGS.categories[category])]),
    ) as Record<Category, boolean>,
    offSites: or(sites.safeParse(fields.offSites), DEFAULT_SETTINGS.offSites),
  };
}

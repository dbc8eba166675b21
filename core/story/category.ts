/**
 * Entity categories on their own: the script injected into every page needs
 * them, and importing them from schema.ts would bundle the whole pack schema
 * there (schema constructors are calls a bundler cannot prove pure).
 */
import * as z from 'zod/mini';

export const CATEGORIES = ['person', 'country', 'organization', 'place'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

/** Lower-case words joined by hyphens: stable across pack versions. */
export const SlugSchema = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "north-korea"'));

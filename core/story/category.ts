/**
 * Entity categories on their own: the annotator injected into pages needs
 * them, and importing them from schema.ts would bundle the whole pack schema
 * there (schema constructors are calls a bundler cannot prove pure, so every
 * schema a module defines comes with any import from it).
 */
import * as z from 'zod/mini';

export const CATEGORIES = ['person', 'country', 'organization', 'place'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

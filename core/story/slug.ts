import * as z from 'zod/mini';

/** Lower-case words joined by hyphens: stable across pack versions. In a module of its own, like category.ts. */
export const SlugSchema = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "north-korea"'));

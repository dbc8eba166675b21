/** A value made on its first use and kept: for schemas built when first needed (core/story/schema.ts tells why). */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * How a script the background imports as a module (extension/inject-once.ts)
 * hands back the promise of its start. WXT bundles it as a classic script with
 * no exports, so it leaves that promise in its content-script world under a
 * key, and the importer waits on it there: the injection then ends once the
 * script is ready, as the injection of a file does.
 */
type Slots = Record<symbol, Promise<unknown> | undefined>;

export function leaveStart<T>(key: string, start: Promise<T>, scope: object = globalThis): Promise<T> {
  (scope as Slots)[Symbol.for(key)] = start;
  return start;
}

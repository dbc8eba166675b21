/**
 * Runs in a frame's content-script world, serialised there by the background
 * (inject-once.ts), so it uses nothing from outside; the script on every page
 * calls it too (request-annotator.ts). Whether the script is there: it was
 * already (its `marker` is set), or it was imported (its start then settled).
 * False only where the import was refused, the script not there: the file is
 * then injected.
 */
export async function importScript(path: string, marker: string, startKey: string | null): Promise<boolean> {
  const world = globalThis as unknown as { chrome: { runtime: { getURL(path: string): string } } } & Record<symbol, unknown>;
  if (Symbol.for(marker) in world) return true;
  try {
    await import(/* @vite-ignore */ world.chrome.runtime.getURL(path));
  } catch {
    // A frame whose origin the resource is not offered to (a sandboxed frame's is opaque), or a browser that refuses.
    return false;
  }
  if (startKey !== null) await world[Symbol.for(startKey)];
  return true;
}

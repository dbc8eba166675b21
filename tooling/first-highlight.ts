/**
 * A script for a page's main world, run before the page's own (an init
 * script): notes in `window[name]` the first animation frame in which
 * Backstory's highlight holds a range. On the `navigation` clock, in ms since
 * the navigation started; on the `wall` clock, in ms since the epoch, which
 * other processes (the extension's background) can be compared with.
 */
export function watchFirstHighlight(name: string, clock: 'navigation' | 'wall'): string {
  const now = clock === 'wall' ? 'performance.timeOrigin + performance.now()' : 'performance.now()';
  return `(() => {
  const tick = () => {
    if ((CSS.highlights?.get('backstory-mention')?.size ?? 0) > 0) window[${JSON.stringify(name)}] = ${now};
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;
}

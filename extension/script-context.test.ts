// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchSameDocumentMoves } from '../page/same-document-moves';
import { ScriptContext } from './script-context';

/** The content scripts' world as the script sees it: the extension's API, whose id Chrome takes away as it unloads the extension. */
function world() {
  const runtime: { id?: string } = { id: 'extension-id' };
  return { scope: { chrome: { runtime } }, unload: () => delete runtime.id };
}

describe('the context of the annotator and the card script', () => {
  afterEach(() => vi.useRealTimers());

  it('stops its listeners and timers, and runs what was to run then, once a timer finds the extension unloaded', () => {
    vi.useFakeTimers();
    const { scope, unload } = world();
    const ctx = new ScriptContext(scope);
    const heard: string[] = [];
    ctx.addEventListener(window, 'resize', () => heard.push('resize'));
    ctx.onInvalidated(() => heard.push('invalidated'));
    ctx.setInterval(() => heard.push('tick'), 100);
    window.dispatchEvent(new Event('resize'));
    vi.advanceTimersByTime(100);
    expect(heard).toEqual(['resize', 'tick']);

    unload();
    vi.advanceTimersByTime(300);
    window.dispatchEvent(new Event('resize'));
    expect(heard).toEqual(['resize', 'tick', 'invalidated']);
    expect(ctx.isInvalid).toBe(true);
    // Added once invalidated, it runs at once: nothing is left to undo.
    ctx.onInvalidated(() => heard.push('late'));
    expect(heard.at(-1)).toBe('late');
  });

  it('keeps nothing on for the timers and frames that already ran: a reading of hours schedules tens of thousands', () => {
    vi.useFakeTimers();
    const { scope, unload } = world();
    const ctx = new ScriptContext(scope);
    let ran = 0;
    for (let i = 0; i < 1000; i++) {
      ctx.setTimeout(() => ran++, 1);
      ctx.requestAnimationFrame(() => ran++);
    }
    vi.advanceTimersByTime(100);
    expect(ran).toBe(2000);
    const clearTimeouts = vi.spyOn(globalThis, 'clearTimeout');
    const cancelFrames = vi.spyOn(globalThis, 'cancelAnimationFrame');
    unload();
    expect(ctx.isInvalid).toBe(true);
    // What invalidation undoes is only what is still to run: nothing here.
    expect(clearTimeouts).not.toHaveBeenCalled();
    expect(cancelFrames).not.toHaveBeenCalled();
  });

  it('dispatches nothing the page hears as it starts, and stops for no event the page dispatches', () => {
    const heard: string[] = [];
    const listen = (event: Event) => heard.push(event.type);
    const types = ['annotator', 'card'].map((script) => `extension-id:${script}:wxt:content-script-started`);
    for (const type of types) [window, document].forEach((target) => target.addEventListener(type, listen, { capture: true }));
    const ctx = new ScriptContext(world().scope);
    expect(heard).toEqual([]);
    for (const type of types) document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'annotator', messageId: 'forged' } }));
    expect(ctx.isValid).toBe(true);
  });

  it('tells of a move to another address within the document, polled where there is no Navigation API, and tells the page nothing of it', () => {
    vi.useFakeTimers();
    const { scope, unload } = world();
    const ctx = new ScriptContext(scope);
    const moves: string[] = [];
    const pageHeard: string[] = [];
    window.addEventListener('extension-id:annotator:wxt:locationchange', (event) => pageHeard.push(event.type));
    watchSameDocumentMoves(ctx, (from, to) => moves.push(`${from.pathname} → ${to.pathname}`));
    const start = location.pathname;
    history.pushState(null, '', '/next');
    vi.advanceTimersByTime(1000);
    expect(moves).toEqual([`${start} → /next`]);
    unload();
    history.pushState(null, '', '/after');
    vi.advanceTimersByTime(3000);
    expect(moves).toHaveLength(1);
    expect(pageHeard).toEqual([]);
  });
});

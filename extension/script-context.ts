import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { extensionUnloaded } from './extension-unloaded';

/**
 * The life of a script the background or the screen brings into a frame (the
 * annotator, the card script): what it listens for and schedules goes through
 * here, and stops once the extension it came with is unloaded (reloaded,
 * updated, switched off, removed). Nothing tells the script so: Chrome leaves
 * it running, cut off (the extension's id is gone from its API), and it finds
 * out as it next asks `isInvalid`, which its timers and the reader's pointer
 * do. A newer copy of the script starts in a world of its own and takes the
 * old card's host away (components/start-card.ts).
 *
 * Not WXT's ContentScriptContext: that one dispatches an event on the document
 * as its script starts, named after the extension's id and the script, and
 * stops its script when another dispatches that event with an id of its own,
 * so that an older copy stops for a newer one. Events on the document reach
 * the page's world: any page heard which of our scripts started, and one that
 * dispatched the event took the highlights away until it was reloaded.
 */
export class ScriptContext {
  private readonly controller = new AbortController();

  /** `scope`: where the extension's API is found (the content scripts' world). */
  constructor(private readonly scope: object = globalThis) {}

  /** Aborted once the context is invalidated: passed to listeners added elsewhere. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Whether the extension was unloaded since the script started; found so, the context is invalidated. */
  get isInvalid(): boolean {
    if (!this.signal.aborted && extensionUnloaded(this.scope)) this.controller.abort();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Calls `callback` as the context is invalidated. Returns what takes it off again. */
  onInvalidated(callback: () => void): () => void {
    if (this.signal.aborted) {
      callback();
      return () => {};
    }
    this.signal.addEventListener('abort', callback, { once: true });
    return () => this.signal.removeEventListener('abort', callback);
  }

  /**
   * A timeout that runs only while the context is valid (and so finds out whether it still is). Each one's cancel on
   * invalidation is taken off once it ran: the hover schedules a frame per pointer move, which over a reading of hours
   * would pile up tens of thousands of them on the signal.
   */
  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      off();
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    const off = this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => this.isValid && handler(), timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => {
      off();
      if (this.isValid) callback(time);
    });
    const off = this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      off();
      if (!this.signal.aborted) callback(deadline);
    }, options);
    const off = this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /** A listener taken off as the context is invalidated. */
  addEventListener<K extends keyof WindowEventMap>(
    target: Window,
    type: K,
    handler: (event: WindowEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(target: EventTarget, type: string, handler: (event: never) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler as EventListener, { ...options, signal: this.signal });
  }
}

/**
 * The context as WXT's createShadowRootUi reads it
 * (wxt/dist/utils/content-script-ui/shadow-root.mjs): `options` for its
 * CSS injection mode (none: the card brings its styles inline) and
 * `onInvalidated`, to take the UI away. It reads nothing else of it.
 */
export function shadowRootUiContext(context: ScriptContext): ContentScriptContext {
  const read: Pick<ContentScriptContext, 'options' | 'onInvalidated'> = {
    options: undefined,
    onInvalidated: (callback) => context.onInvalidated(callback),
  };
  return read as ContentScriptContext;
}

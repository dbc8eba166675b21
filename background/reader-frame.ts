import { browser } from 'wxt/browser';
import { ReaderFocusSchema, type ReaderFocus } from '../core/messages/reader-focus';

/** One frame's answer to the probe of where the reader is. */
export interface FrameFocus {
  frameId: number;
  focus: ReaderFocus;
}

/**
 * Which of `frameIds` (a tab's frames naming the story) the reader is in now:
 * the one whose document has the keyboard focus; where none has (focus in the
 * browser's own bar), the only one holding a caret or selection; the frame
 * whose card the top frame shows with the focus in it. Undefined when that
 * cannot be told: focus in a frame not asked, carets in several frames, a
 * frame gone meanwhile.
 */
export async function frameOfReader(tabId: number, frameIds: number[]): Promise<number | undefined> {
  // The top frame is asked for the card it shows for a frame even where it names nothing itself.
  const answers = await askFrames(tabId, { frameIds: frameIds.includes(0) ? frameIds : [0, ...frameIds] });
  if (!answers) return undefined;
  const inCard = answers.find((frame) => frame.frameId === 0 && typeof frame.focus === 'object')?.focus;
  // The card of a frame that named nothing the walk knows of: nowhere to go on from.
  if (typeof inCard === 'object') return frameIds.includes(inCard.cardOf) ? inCard.cardOf : undefined;
  const frames = answers.filter((frame) => frameIds.includes(frame.frameId));
  const focused = frames.find((frame) => frame.focus === 'focus');
  if (focused) return focused.frameId;
  // Focus is in the page, only in a frame that names nothing: no caret left elsewhere tells where the reader is.
  if (frames.some((frame) => frame.focus === 'through')) return undefined;
  const carets = frames.filter((frame) => frame.focus === 'caret');
  return carets.length === 1 ? carets[0]!.frameId : undefined;
}

/**
 * Where the keyboard focus is in each frame of the tab that answers (every
 * frame Backstory may script, whether it names the story or not); undefined
 * when the tab cannot be asked.
 */
export function focusInFrames(tabId: number): Promise<FrameFocus[] | undefined> {
  return askFrames(tabId, { allFrames: true });
}

async function askFrames(tabId: number, frames: { frameIds: number[] } | { allFrames: true }): Promise<FrameFocus[] | undefined> {
  let answers: { frameId: number; result?: unknown }[];
  try {
    answers = await browser.scripting.executeScript({
      target: { tabId, ...frames },
      func: readerFocusInFrame,
      // At once: a frame still loading (a live ticker) must not hold the shortcut.
      injectImmediately: true,
    });
  } catch {
    return undefined;
  }
  return answers.flatMap(({ frameId, result }) => {
    const parsed = ReaderFocusSchema.safeParse(result);
    return parsed.success ? [{ frameId, focus: parsed.data }] : [];
  });
}

/** Whether the frame's document has the keyboard focus itself, in its own elements or in a card it shows for another frame. */
export function hasFocus(focus: ReaderFocus): boolean {
  return focus === 'focus' || typeof focus === 'object';
}

/** Runs in a frame's content-script world, serialised: it uses nothing from outside but its world's global. */
export function readerFocusInFrame(): ReaderFocus {
  if (document.hasFocus()) {
    // FOCUS_IN_CARD_OF (core/messages/reader-focus.ts), spelt out: the function runs where no import reaches.
    const cardOf = (globalThis as { backstoryFocusInCardOf?: () => number | undefined }).backstoryFocusInCardOf?.();
    if (cardOf !== undefined) return { cardOf };
    // A parent frame's document has focus too while one embedded in it has: its focused element is that frame's.
    // Into shadow roots, closed ones too (only the extension's world can open those): a web component can hold the frame.
    const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot(element: Element): ShadowRoot | null } } }).chrome?.dom;
    const shadowRootOf = (host: Element): ShadowRoot | null => {
      if (host.shadowRoot) return host.shadowRoot;
      if ('openOrClosedShadowRoot' in host) return (host as { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot;
      // Only an HTML element can hold one; Chromium throws on an SVG or MathML element.
      return dom && host.namespaceURI === 'http://www.w3.org/1999/xhtml' ? dom.openOrClosedShadowRoot(host) : null;
    };
    let active = document.activeElement;
    for (let inner = active && shadowRootOf(active); inner?.activeElement; inner = shadowRootOf(active)) active = inner.activeElement;
    const name = active?.localName;
    return name === 'iframe' || name === 'frame' || name === 'object' || name === 'embed' ? 'through' : 'focus';
  }
  const selection = document.getSelection();
  return selection && selection.rangeCount > 0 ? 'caret' : 'none';
}

import { focusInFrames, hasFocus, type FrameFocus } from './reader-frame';

/**
 * Whether the keyboard focus frame `frameId` of the tab lost went to another
 * document of the same tab: a click into the page around an embedded frame
 * reaches only the page's document, and the frame's card never hears of it.
 */
export async function focusLeftForTab(tabId: number, frameId: number): Promise<boolean> {
  const frames = await focusInFrames(tabId);
  return frames !== undefined && focusWentElsewhere(frames, frameId);
}

/**
 * Another frame's document has the focus (the page around `from`, a frame
 * beside it or inside it), and `from`'s has not got it back. Focus in no frame
 * is the reader gone to another window or to the browser's own bar, to come
 * back to the card: no move within the page.
 */
export function focusWentElsewhere(frames: readonly FrameFocus[], from: number): boolean {
  // Into the card the top frame shows for `from` (page/card-for-frames.ts): the reader is still at its name.
  const atFrom = (frame: FrameFocus) => (frame.frameId === from && frame.focus === 'focus') || (typeof frame.focus === 'object' && frame.focus.cardOf === from);
  if (frames.some(atFrom)) return false;
  return frames.some((frame) => frame.frameId !== from && hasFocus(frame.focus));
}

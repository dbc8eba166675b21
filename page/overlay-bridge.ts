import { sendPageMessage } from '../extension/send-page-message';
import type { Painter } from './painter';

export type PainterFactory = (doc: Document) => Painter;

/**
 * The overlay painter is only for browsers without the Highlight API, so it is
 * not in the annotator: the background injects it on request, and
 * it registers itself here, in the isolated world both scripts share.
 */
const KEY = Symbol.for('backstory.overlay-painter');
type Holder = { [KEY]?: PainterFactory };

export function registerOverlayPainter(factory: PainterFactory): void {
  (globalThis as Holder)[KEY] = factory;
}

export async function loadOverlayPainter(): Promise<PainterFactory> {
  if (!(globalThis as Holder)[KEY]) {
    const reply = await sendPageMessage({ type: 'painter/load' });
    if (!reply.ok) throw new Error(`Could not load the overlay painter: ${reply.error}`);
  }
  const factory = (globalThis as Holder)[KEY];
  if (!factory) throw new Error('The overlay painter did not register');
  return factory;
}

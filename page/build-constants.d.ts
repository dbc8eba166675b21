import type { ScreenSource } from '../core/matcher/screen';

declare global {
  /** The bundled story's screen, compiled in by wxt.config.ts (core/matcher/screen.ts). */
  const __BACKSTORY_SCREEN__: ScreenSource;
}

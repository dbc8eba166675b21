import type { Page } from '@playwright/test';

type Point = { x: number; y: number };

/** A tap at `point` as a touch screen (or a pen) delivers it: a press and a lift, no pointer resting there before. */
export async function tap(page: Page, point: Point, pointerType: 'touch' | 'pen' = 'touch') {
  await tapsInTurn(page, [point], pointerType);
}

/** A finger's tap at `point` that slides a few pixels before it lifts, as a finger's tap often does: still a tap. */
export async function slidingTap(page: Page, point: Point) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: point.x, y: point.y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: point.x + 3, y: point.y }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
}

/** Taps at each of `points` in turn, as fast as the browser takes them: one session of the protocol for all. */
export async function tapsInTurn(page: Page, points: readonly Point[], pointerType: 'touch' | 'pen' = 'touch') {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (const point of points) {
      if (pointerType === 'touch') {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: point.x, y: point.y }] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      } else {
        for (const type of ['mousePressed', 'mouseReleased'] as const)
          await cdp.send('Input.dispatchMouseEvent', { type, x: point.x, y: point.y, button: 'left', clickCount: 1, pointerType: 'pen' });
      }
    }
  } finally {
    await cdp.detach();
  }
}

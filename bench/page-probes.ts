/** What a page does after Backstory ran: scroll and change its DOM. Timed the same with and without Backstory. */
import type { MutationsRun, ScrollRun } from './bench-api';
import { MARKS, MUTATIONS, MUTATIONS_SETTLE_MS, SCROLL_PX, SCROLL_SETTLE_MS, SCROLL_STEPS } from './marks';
import { afterNextPaint, nextFrame, nextTask, sleep } from './page-paint';

export async function scrollProbe(): Promise<ScrollRun> {
  scrollTo(0, 0);
  await afterNextPaint();
  performance.mark(MARKS.scrollStart);
  let last = await nextFrame();
  const intervals: number[] = [];
  for (let i = 0; i < SCROLL_STEPS; i++) {
    scrollBy(0, SCROLL_PX);
    const now = await nextFrame();
    intervals.push(now - last);
    last = now;
  }
  await sleep(SCROLL_SETTLE_MS);
  await afterNextPaint();
  performance.mark(MARKS.scrollEnd);
  return { intervals };
}

/** Live-blog updates: some name the story's people and places, as a real feed would. */
const UPDATES = [
  'Update: the delegation has left the hotel and is heading to the station.',
  'Vladimir Putin and Kim Jong Un are expected to sign the agreement within the hour.',
  'Reporters are gathering outside the venue; no statement yet.',
  'Officials in Pyongyang said the visit would last two days.',
  'Markets closed slightly lower, with energy shares leading the decline.',
  'A spokesperson in Washington said the talks were being watched closely.',
  'Weather: light rain expected this evening.',
  'South Korea’s Foreign Ministry is due to brief reporters at noon.',
];

/**
 * 2,000 mutations in one task, as a framework render would make them: half
 * appendChild of new paragraphs, half textContent rewrites of those
 * paragraphs. The window then stays open while the page is idle, so work
 * the mutations set off later (observers, debounced rescans) counts too.
 */
export async function mutationProbe(): Promise<MutationsRun> {
  const host = document.querySelector('main, article, [role="main"]') ?? document.body;
  await afterNextPaint();
  await nextTask();
  performance.mark(MARKS.mutationsStart);
  const t0 = performance.now();
  const added: HTMLElement[] = [];
  for (let i = 0; i < MUTATIONS / 2; i++) {
    const paragraph = document.createElement('p');
    paragraph.textContent = UPDATES[i % UPDATES.length]!;
    host.appendChild(paragraph);
    added.push(paragraph);
  }
  for (let i = 0; i < added.length; i++) added[i]!.textContent = UPDATES[(i + 3) % UPDATES.length]!;
  const scriptMs = performance.now() - t0;
  await afterNextPaint();
  await sleep(MUTATIONS_SETTLE_MS);
  performance.mark(MARKS.mutationsEnd);
  return { scriptMs };
}

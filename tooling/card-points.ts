/**
 * Runs in the page (passed to `evaluate`, so it closes over nothing): how many
 * points of a 20 px grid over the viewport show our card. The card is in a
 * closed shadow root; the page sees only its host there, and a card of some
 * 300 × 150 px or more covers over a hundred points.
 */
export function cardPointsInPage(): number {
  let points = 0;
  for (let y = 10; y < innerHeight; y += 20) {
    for (let x = 10; x < innerWidth; x += 20) if (document.elementFromPoint(x, y)?.localName === 'backstory-card') points++;
  }
  return points;
}

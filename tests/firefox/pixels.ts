/** Runs in the page: how many pixels of a PNG screenshot (base64) are within a step or two of `colour`. */
export async function pixelsOfColourInPage({ png, colour }: { png: string; colour: number[] }): Promise<number> {
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
  const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if ([0, 1, 2].every((c) => Math.abs(pixels[i + c]! - colour[c]!) <= 3)) count++;
  }
  return count;
}

/** The card's background in the dark theme (components/card.css): the light one, faded over Firefox's white canvas, stays white. */
export const DARK_CARD = [0x1f, 0x22, 0x26];

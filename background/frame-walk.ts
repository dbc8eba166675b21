/** How a frame is asked for its next name: from its first, or on from after one of its own frames, with the frames that are stops in it. */
export interface FrameAsk {
  fromStart?: true;
  /** With `fromStart`: round to the top past the page's last name, from the first name whether in view or not. */
  round?: true;
  after?: number;
  frames?: number[];
}

/** A frame's answer: a name revealed, or the frame in it (its index there) whose names come first; undefined when it cannot answer. */
export type FrameAnswer = { revealed: boolean; enter?: number } | undefined;

/**
 * The keyboard's walk over a page's frames in reading order: each frame's
 * names, and where an embedded frame stands among them, that frame's names
 * (the page asks each frame, which alone knows where its frames stand), then
 * the names after it. On from frame `from` where it is; past the page's last
 * name, round from the top. `paths` places each frame naming the story in the
 * tree of frames (framePaths); a frame in between that names nothing has its
 * frames walked in their order in it. The frame revealed in, or undefined;
 * `onRound` is told when the walk goes round to the top.
 */
export async function walkInReadingOrder(
  paths: ReadonlyMap<number, readonly number[]>,
  from: number,
  ask: (frameId: number, how: FrameAsk) => Promise<FrameAnswer>,
  onRound?: () => void,
): Promise<number | undefined> {
  const frameAt = new Map([...paths].map(([frameId, path]) => [path.join('/'), frameId]));
  const stopsIn = (node: readonly number[]) =>
    [...new Set([...paths.values()].filter((path) => path.length > node.length && node.every((index, i) => path[i] === index)).map((path) => path[node.length]!))].sort(
      (a, b) => a - b,
    );
  // Each frame is asked a few times at most (once, and once back from each of its frames); a page answering oddly must not keep the worker busy.
  let asks = 4 * paths.size + 8;

  const within = async (node: readonly number[], how: { fromStart?: true; round?: true; after?: number }): Promise<number | undefined> => {
    const stops = stopsIn(node);
    const frameId = frameAt.get(node.join('/'));
    let after = how.after;
    if (frameId !== undefined) {
      let fromStart = how.fromStart;
      let round = how.round;
      while (asks-- > 0) {
        const answer = await ask(frameId, {
          ...(fromStart && { fromStart }),
          ...(round && { round }),
          ...(after !== undefined && { after }),
          ...(stops.length > 0 && { frames: stops }),
        });
        if (!answer) break;
        if (answer.revealed) return frameId;
        if (answer.enter === undefined || !stops.includes(answer.enter)) return undefined;
        const found = await within([...node, answer.enter], { fromStart: true });
        if (found !== undefined) return found;
        after = answer.enter;
        fromStart = undefined;
        round = undefined;
      }
      if (asks <= 0) return undefined;
    }
    // A frame that names nothing, or cannot answer: the frames in it, in their order there.
    for (const stop of stops) {
      if (after !== undefined && stop <= after) continue;
      // Going round from the top, the frames of a page naming nothing each go round from their top too.
      const found = await within([...node, stop], { fromStart: true, ...(how.round && { round: how.round }) });
      if (found !== undefined) return found;
    }
    return undefined;
  };

  let node = paths.get(from) ?? [];
  let found = await within(node, {});
  // Past the frame's last name: on in the frame around it, after this frame's element.
  while (found === undefined && node.length > 0) {
    const after = node[node.length - 1]!;
    node = node.slice(0, -1);
    found = await within(node, { after });
  }
  if (found !== undefined) return found;
  onRound?.();
  return within([], { fromStart: true, round: true });
}

/**
 * Paths for frames whose places could not be told: the frames after the
 * top frame, by frame id (the order they were made in), as if side by side
 * under a page naming nothing.
 */
export function pathsInIdOrder(frameIds: readonly number[]): Map<number, number[]> {
  return new Map([...frameIds].sort((a, b) => a - b).map((frameId, i) => [frameId, [frameId === 0 ? 0 : i + 1]]));
}

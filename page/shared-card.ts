import type { CardApi, CardRequest } from './card-bridge';

/**
 * One card, asked for by two: the page's own names (page/interaction.ts) and
 * the embedded frames too small to hold their cards (page/card-for-frames.ts),
 * in the top frame. The one that shows it last owns it: the other is told its
 * card closed (its request's `onClose`), and its hiding or moving a card it no
 * longer owns changes nothing. Else a page's name hovered after a frame's would
 * keep the frame believing its card open, and the page's pointer, passing over
 * plain text, would close the card the frame's name opened.
 */
export function shareCard(api: CardApi): { page: CardApi; frames: CardApi } {
  let owner: { side: object; request: CardRequest } | undefined;
  const sideOf = (side: object): CardApi => ({
    ...api,
    show(request) {
      const before = owner;
      const mine = { side, request };
      owner = mine;
      const shown = api.show({
        ...request,
        onClose: () => {
          if (owner === mine) owner = undefined;
          request.onClose?.();
        },
      });
      if (before && before.side !== side) before.request.onClose?.();
      return shown;
    },
    hide(how) {
      if (owner?.side !== side) return;
      owner = undefined;
      api.hide(how);
    },
    move(anchor) {
      if (owner?.side === side) api.move(anchor);
    },
    renamed(name) {
      if (owner?.side === side) api.renamed(name);
    },
    isEngaged() {
      return owner?.side === side && api.isEngaged();
    },
  });
  return { page: sideOf({}), frames: sideOf({}) };
}

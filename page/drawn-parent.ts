/**
 * The element a node is drawn in: the slot a component shows a light child through (its own scrolling panel, its
 * clips, are around the slot, not around the light parent), else its parent, else the shadow root's host.
 */
export function drawnParent(node: Element | Text): Element | null {
  return node.assignedSlot ?? node.parentElement ?? ((node.getRootNode() as Partial<ShadowRoot>).host || null);
}

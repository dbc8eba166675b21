const FRAME_ELEMENTS = new Set(['iframe', 'frame', 'object', 'embed']);

/** An element that embeds another document: its events and focus are that document's. */
export function isFrameElement(target: EventTarget | null): boolean {
  return target instanceof Element && FRAME_ELEMENTS.has(target.localName);
}

/** Whether the keyboard focus is in a document embedded in this one: this document has it only through that frame. */
export function focusInEmbeddedFrame(): boolean {
  if (!document.hasFocus()) return false;
  let active = document.activeElement;
  // Into open shadow roots: a web component can hold the frame.
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return isFrameElement(active);
}

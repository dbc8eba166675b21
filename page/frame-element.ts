import { anyShadowRoot } from './any-shadow-root';

const FRAME_ELEMENTS = new Set(['iframe', 'frame', 'object', 'embed']);

/** An element that embeds another document: its events and focus are that document's. */
export function isFrameElement(target: EventTarget | null): boolean {
  return target instanceof Element && FRAME_ELEMENTS.has(target.localName);
}

/**
 * Whether the pointer, leaving an element of this document, went out of the window or into an embedded frame:
 * then it rests on nothing here. At the window, a frame inside a web component comes as the component's element;
 * the frame is looked for under the pointer inside its open shadow root.
 */
export function pointerLeftDocument(event: MouseEvent): boolean {
  let into = event.relatedTarget;
  if (into === null) return true;
  while (into instanceof Element && into.shadowRoot) {
    const inner: Element | null = into.shadowRoot.elementFromPoint(event.clientX, event.clientY);
    if (!inner || inner === into) break;
    into = inner;
  }
  return isFrameElement(into);
}

/** Whether the keyboard focus is in a document embedded in this one: this document has it only through that frame. */
export function focusInEmbeddedFrame(): boolean {
  return focusedFrameElement() !== null;
}

/** The frame element the keyboard focus went into, when this document has it through an embedded frame. */
export function focusedFrameElement(): Element | null {
  if (!document.hasFocus()) return null;
  let active = document.activeElement;
  // Into shadow roots, closed ones too: a web component can hold the frame.
  for (let inner = active && anyShadowRoot(active); inner?.activeElement; inner = anyShadowRoot(active)) active = inner.activeElement;
  return active && isFrameElement(active) ? active : null;
}

/**
 * The frame elements of the shadow trees in `document` (web components', open
 * or closed), in reading order: `window.frames` leaves them out, so the
 * keyboard's walk numbers them after the frames it lists, in this order.
 * background/frame-paths.ts finds a frame's own number the same way: the two
 * must stay alike.
 */
export function framesInShadowTrees(document: Document, shadowRootOf: (element: Element) => ShadowRoot | null): Element[] {
  const found: Element[] = [];
  const look = (root: Document | ShadowRoot) => {
    for (const element of root.querySelectorAll('*')) {
      if (root !== document && FRAME_ELEMENTS.has(element.localName)) found.push(element);
      const shadow = shadowRootOf(element);
      if (shadow) look(shadow);
    }
  };
  look(document);
  return found;
}

/**
 * The elements that host Backstory's own UI in the page: the card's shadow
 * host, the overlay of marks. Told by identity, not by tag name: a page may
 * have elements of its own named backstory-card, which are its text like any
 * other, and a page that defined that name has ours named otherwise.
 *
 * The page script and the card script are bundled apart but share their
 * content-script world in a frame: the set is kept in it under a global
 * symbol, so each sees the hosts the other made.
 */
const KEY = Symbol.for('backstory.own-hosts');

type Holder = { [KEY]?: WeakSet<Node> };

const hosts: WeakSet<Node> = ((globalThis as Holder)[KEY] ??= new WeakSet());

export function markOwnHost(host: Element): void {
  hosts.add(host);
}

/** Whether `node` is a host of our UI made in this content-script world. */
export function isOwnHost(node: Node | null | undefined): boolean {
  return !!node && hosts.has(node);
}

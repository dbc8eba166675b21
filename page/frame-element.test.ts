// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { framesInShadowTrees } from './frame-element';

describe('the frames of shadow trees', () => {
  it('lists them in reading order, through closed shadow roots and shadow roots inside them, leaving out the document’s own', () => {
    document.body.innerHTML = '<object id="own"></object><div id="outer"><embed id="light"></div><div id="last"></div>';
    const closed = new Map<Element, ShadowRoot>();
    const attach = (host: Element, html: string) => {
      const root = host.attachShadow({ mode: 'closed' });
      root.innerHTML = html;
      closed.set(host, root);
      return root;
    };
    const outer = attach(document.getElementById('outer')!, '<embed id="a"><div id="inner"></div><object id="c"></object>');
    attach(outer.getElementById('inner')!, '<frame id="b"></frame>');
    attach(document.getElementById('last')!, '<frame id="d"></frame><p>no frame</p>');
    // Closed: only the extension’s world opens them. (No iframe: happy-dom complains it may not load one.)
    const found = framesInShadowTrees(document, (element) => closed.get(element) ?? null);
    expect(found.map((element) => element.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(framesInShadowTrees(document, () => null)).toEqual([]);
  });
});

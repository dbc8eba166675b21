// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PageMention } from './find-mentions';
import { MentionIndex, nodesOf } from './mention-index';

/** `Kim <b>Jong</b> Un` in a paragraph of its own: one name in three text nodes. */
function splitName(): { mention: PageMention; last: Text } {
  const paragraph = document.body.appendChild(document.createElement('p'));
  const first = document.createTextNode('Kim ');
  const bold = document.createElement('b');
  bold.textContent = 'Jong';
  const last = document.createTextNode(' Un');
  paragraph.append(first, bold, last);
  return { mention: { entityId: 'kim-jong-un', alias: 'Kim Jong Un', text: 'Kim Jong Un', startNode: first, startOffset: 0, endNode: last, endOffset: 3 }, last };
}

/** A paragraph naming Japan, as a mention of one text node. */
function japan(): PageMention {
  const paragraph = document.body.appendChild(document.createElement('p'));
  paragraph.textContent = 'Japan answered.';
  const node = paragraph.firstChild as Text;
  return { entityId: 'japan', alias: 'Japan', text: 'Japan', startNode: node, startOffset: 0, endNode: node, endOffset: 5 };
}

afterEach(() => document.body.replaceChildren());

describe('the index of the names a pointer can rest on', () => {
  it('files a name split by tags under each of its text nodes', () => {
    const { mention } = splitName();
    expect(nodesOf(mention).map((node) => node.data)).toEqual(['Kim ', 'Jong', ' Un']);
    const index = new MentionIndex([mention]);
    expect(index.at(mention.endNode, 1)).toBe(mention);
  });

  it('a split name whose end the page took out before its rescan is filed under its first node only: the names after it still answer a hover', () => {
    const { mention, last } = splitName();
    const later = Array.from({ length: 50 }, japan);
    last.remove();
    const index = new MentionIndex([mention, ...later]);
    expect(nodesOf(mention)).toEqual([mention.startNode]);
    for (const name of later) expect(index.at(name.startNode, 2)).toBe(name);
  });

  it('a split name whose end the page moved before its start is filed under its first node only', () => {
    const { mention, last } = splitName();
    const later = japan();
    document.body.prepend(last);
    const index = new MentionIndex([mention, later]);
    expect(nodesOf(mention)).toEqual([mention.startNode]);
    expect(index.at(later.startNode, 2)).toBe(later);
  });
});

// @vitest-environment happy-dom
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import { markOwnHost } from './own-hosts';
import { BlockReader, closestBlock, collectBlocks, isUnreadElement, mapSpanToNodes, UNFINISHED, type TextBlock } from './text-walk';

function texts(blocks: TextBlock[]): string[] {
  return blocks.map((block) => block.text);
}

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('collectBlocks: joining inline text', () => {
  it('joins text nodes across inline elements into one block', () => {
    const [block] = collectBlocks(page('<p>Kim <b>Jong</b> Un</p>'));
    expect(block!.text).toBe('Kim Jong Un');
    expect(block!.nodes.map((node) => node.data)).toEqual(['Kim ', 'Jong', ' Un']);
    expect(block!.starts).toEqual([0, 4, 8]);
  });

  it('joins across nested inline markup, comments and inline code elements', () => {
    const doc = page(
      '<p><a href="#"><i>North</i> <span>Ko<!-- c -->rea<script>var x = 1;</script></span></a>’s <em>leader</em></p>',
    );
    expect(texts(collectBlocks(doc))).toEqual(['North Korea’s leader']);
  });

  it('keeps a word split by <wbr> whole', () => {
    expect(texts(collectBlocks(page('<p>Pyong<wbr>yang</p>')))).toEqual(['Pyongyang']);
  });
});

describe('collectBlocks: block boundaries', () => {
  it('starts a new block where a block element begins and where it ends', () => {
    expect(texts(collectBlocks(page('<div>before<p>inside</p>after</div>')))).toEqual(['before', 'inside', 'after']);
  });

  it('splits at br, list items, headings and table cells', () => {
    const doc = page(
      '<h1>Title</h1><ul><li>one</li><li>two</li></ul>line<br>break<table><tr><td>a</td><td>b</td></tr></table>',
    );
    expect(texts(collectBlocks(doc))).toEqual(['Title', 'one', 'two', 'line', 'break', 'a', 'b']);
  });

  it('keeps superscript footnote marks off the word they follow', () => {
    expect(texts(collectBlocks(page('<p>Russia<sup>1</sup> said</p>')))).toEqual(['Russia', '1', ' said']);
  });

  it('reads each label of a chart or map (SVG <text>) as a block: labels placed by script run together otherwise', () => {
    const doc = page('<svg><text x="10" y="20">Kim Jong Un</text><text x="10" y="50">Vladimir <tspan>Putin</tspan></text></svg>');
    expect(texts(collectBlocks(doc))).toEqual(['Kim Jong Un', 'Vladimir Putin']);
  });

  it('reads a ruby base without its reading above it (<rt>): the reading is a pronunciation, not the text', () => {
    expect(texts(collectBlocks(page('<p><ruby>Kim Jong Un<rt>kim jong un</rt></ruby> met <ruby>Vladimir<rp>(</rp><rt>v</rt><rp>)</rp></ruby> Putin</p>')))).toEqual([
      'Kim Jong Un met Vladimir Putin',
    ]);
  });

  it('drops blocks of whitespace only', () => {
    expect(texts(collectBlocks(page('<div>\n  <p>text</p>\n  \n</div>')))).toEqual(['text']);
  });
});

describe('collectBlocks: regions never read', () => {
  it.each([
    ['script', '<script>var leader = "Kim Jong Un";</script>'],
    ['style', '<style>.Russia { color: red }</style>'],
    ['noscript', '<noscript>Enable JavaScript, Russia</noscript>'],
    ['template', '<template><p>Russia</p></template>'],
    ['textarea', '<textarea>Russia</textarea>'],
    ['select', '<select><option>Russia</option><optgroup label="x"><option>China</option></optgroup></select>'],
    ['contenteditable=""', '<div contenteditable="">Russia</div>'],
    ['contenteditable="true"', '<div contenteditable="true"><p>Russia</p></div>'],
    ['contenteditable="plaintext-only"', '<div contenteditable="plaintext-only">Russia</div>'],
    ['a CodeMirror 5 editor', '<div class="CodeMirror"><div><textarea></textarea></div><div class="CodeMirror-code"><pre><span>Russia</span></pre></div></div>'],
    ['an Ace editor', '<div class="ace_editor"><div class="ace_line">Kim Jong Un</div></div>'],
    ['a Monaco editor', '<div class="monaco-editor"><div class="view-line"><span>China</span></div></div>'],
    ['data-backstory-ui', '<div data-backstory-ui><p>Russia</p></div>'],
    ['hidden', '<p hidden>Russia</p>'],
    ['a site menu (<nav>)', '<nav><ul><li><a href="/world">World</a></li><li><a href="/asia">China</a></li><li><a href="/ru">Russia</a></li></ul></nav>'],
    ['breadcrumbs (role=navigation)', '<div role="navigation"><a href="/">Home</a> › <a href="/world">World</a> › <a href="/ru">Russia</a></div>'],
    ['a menu bar and its menus', '<ul role="menubar"><li role="menuitem">US<ul role="menu"><li>China</li></ul></li></ul>'],
    ['a drop-down menu', '<div><button>Sections</button><div role="menu"><a role="menuitem">Russia</a></div></div>'],
  ])('skips %s', (_label, html) => {
    const blocks = collectBlocks(page(`<p>start</p>${html}<p>end</p>`));
    expect(texts(blocks).join('|')).not.toMatch(/Russia|China|Kim/);
    expect(texts(blocks)[0]).toBe('start');
    expect(texts(blocks).at(-1)).toBe('end');
  });

  it('skips the hosts of our own UI, and reads the page’s own elements of the same names', () => {
    const doc = page('<p>start</p><backstory-card>Kim Jong Un</backstory-card><p><backstory-overlay>Russia</backstory-overlay></p><p>end</p>');
    expect(texts(collectBlocks(doc))).toEqual(['start', 'Kim Jong Un', 'Russia', 'end']);
    const ours = doc.createElement('backstory-card');
    ours.textContent = 'China';
    markOwnHost(ours);
    doc.body.insertBefore(ours, doc.body.lastChild);
    expect(texts(collectBlocks(doc))).toEqual(['start', 'Kim Jong Un', 'Russia', 'end']);
    expect(closestBlock(ours.firstChild!, doc.body)).toBeNull();
  });

  it('skips SVG <style> and <title> but reads SVG text', () => {
    // Built with the DOM API: happy-dom's parser lets an SVG <style> swallow the rest of the markup.
    const doc = page('<p>start</p><p>end</p>');
    const svgNs = 'http://www.w3.org/2000/svg';
    const svg = doc.createElementNS(svgNs, 'svg');
    for (const [tag, text] of [['style', '.Russia {}'], ['title', 'Russia'], ['text', 'map']] as const) {
      const el = doc.createElementNS(svgNs, tag);
      el.textContent = text;
      svg.append(el);
    }
    doc.body.insertBefore(svg, doc.body.lastChild);
    expect(texts(collectBlocks(doc))).toEqual(['start', 'map', 'end']);
  });

  it('reads a menu that holds stories or the page’s content: a ribbon of headlines, a wrapper with a stray role', () => {
    const ribbon = '<nav><ul><li><article><h2>Putin and Kim sign a pact</h2></article></li></ul><a href="/">Russia</a></nav>';
    expect(texts(collectBlocks(page(ribbon)))).toEqual(['Putin and Kim sign a pact', 'Russia']);
    const wrapper = '<div role="navigation"><main><p>Vladimir Putin landed in Pyongyang.</p></main></div>';
    expect(texts(collectBlocks(page(wrapper)))).toEqual(['Vladimir Putin landed in Pyongyang.']);
    // In linkedom, whose walk asks each element, as on a page too large for one query up front.
    const { document: linked } = parseHTML(`<html><body><nav>Russia</nav>${ribbon}${wrapper}<div role="menu">China</div></body></html>`);
    expect(texts(collectBlocks(linked as unknown as Document))).toEqual(['Putin and Kim sign a pact', 'Russia', 'Vladimir Putin landed in Pyongyang.']);
  });

  it('finds no block for a change inside a menu to be read again in: its text is never read', () => {
    const doc = page('<nav><p id="menu">Russia</p></nav><p id="text">Russia</p>');
    expect(closestBlock(doc.getElementById('menu')!.firstChild!, doc.body)).toBeNull();
    expect(isUnreadElement(doc.getElementById('menu')!)).toBe(true);
    expect(closestBlock(doc.getElementById('text')!.firstChild!, doc.body)).toBe(doc.getElementById('text'));
  });

  describe('the site’s header and footer', () => {
    // CNN's edition switcher and the New York Times' sections, as the saved pages mark them: no <nav>, no role.
    const cnn = '<header class="main-banner"><span class="editionizer"><a class="display">International <span>+</span></a> <a id="www">U.S.</a></span></header>';
    const nyt = '<header><ul><li><a href="/section/world">World</a></li><li><a href="/section/us">U.S.</a></li></ul></header>';
    const footer = '<footer><ul><li><a href="/ru">Russia</a></li><li><a href="/cn">China</a></li></ul></footer>';
    const article = '<main><article><p>The U.S. said Russia and North Korea signed a pact.</p></article></main>';

    it('skips the menus of their links, as words of the site, not of the page', () => {
      expect(texts(collectBlocks(page(`${cnn}${nyt}${article}${footer}`)))).toEqual(['The U.S. said Russia and North Korea signed a pact.']);
      // Banner and content info by role: a <div> the site marks as its header or footer.
      const byRole = `<div role="banner"><a href="/us">U.S.</a></div>${article}<div role="contentinfo"><a href="/cn">China</a></div>`;
      expect(texts(collectBlocks(page(byRole)))).toEqual(['The U.S. said Russia and North Korea signed a pact.']);
      // The same links anywhere else are read: the story's tags, a list of topics.
      expect(texts(collectBlocks(page(`${nyt}<ul><li><a href="/ru">Russia</a></li></ul>${footer}`)))).toEqual(['Russia']);
    });

    it('reads the headlines and sentences in them: a heading, an article, a link of more than two words, a link inside a sentence', () => {
      const headlines =
        '<header><h6><a href="/africa">Africa</a>|<a href="/us">United States</a> to Lift Sudan Sanctions</h6>' +
        '<nav><article><a href="/t">Russia</a></article></nav>' +
        '<div class="breaking"><a href="/live">Putin lands in Pyongyang</a></div>' +
        '<p>Breaking: <a href="/putin">Putin</a> lands in Pyongyang</p></header>';
      expect(texts(collectBlocks(page(headlines)))).toEqual([
        'Africa|United States to Lift Sudan Sanctions',
        'Russia',
        'Putin lands in Pyongyang',
        'Breaking: Putin lands in Pyongyang',
      ]);
    });

    it('tells a menu link from a headline by its words: "North Korea" alone is a section, "Kim Jong Un" names someone', () => {
      const header = '<header><ul><li><a href="/nk">North Korea</a></li><li><a href="/kim">Kim Jong Un</a></li></ul></header>';
      expect(texts(collectBlocks(page(`${header}${article}`)))).toEqual(['Kim Jong Un', 'The U.S. said Russia and North Korea signed a pact.']);
    });

    it('reads the headers and footers of an article, a section or the main part: their titles, bylines and tags', () => {
      const own =
        '<article><header><a href="/ru">Russia</a></header><footer><a href="/nk">North Korea</a></footer></article>' +
        '<section><header><a href="/us">U.S.</a></header></section><main><footer><a href="/cn">China</a></footer></main>';
      expect(texts(collectBlocks(page(own)))).toEqual(['Russia', 'North Korea', 'U.S.', 'China']);
    });

    it('skips them alike in linkedom, whose walk cannot jump over what it skips', () => {
      const { document: linked } = parseHTML(`<html><body>${cnn}${nyt}<div role="banner"><a>China</a></div>${article}${footer}</body></html>`);
      expect(texts(collectBlocks(linked as unknown as Document))).toEqual(['The U.S. said Russia and North Korea signed a pact.']);
    });

    it('finds no block for a change inside a menu link, and reads a part of the header again as the walk of the page does', () => {
      const doc = page(`${nyt}<header id="top"><div id="part"><a id="link">Russia</a> <a>China</a></div><h2 id="title"><a>Russia</a></h2></header>`);
      const link = doc.getElementById('link')!;
      expect(closestBlock(link.firstChild!, doc.body)).toBeNull();
      expect(isUnreadElement(link)).toBe(true);
      expect(isUnreadElement(doc.querySelector('#title a')!)).toBe(false);
      expect(texts(collectBlocks(doc.getElementById('part')!))).toEqual([]);
      expect(texts(collectBlocks(doc.getElementById('top')!))).toEqual(['Russia']);
    });

    it('reads on from a block in the header as the walk of the page does: past its menu, not into it', () => {
      const doc = page('<header><p id="first">Kim met <a>U.S.</a> envoys</p><p><a>U.S.</a> <a>World</a></p><p>Putin <b>left</b></p></header>');
      const reader = BlockReader.from(doc.body, doc.getElementById('first')!.firstChild as Text, 0)!;
      const rest: string[] = [];
      for (let block = reader.next(); block; block = reader.next()) rest.push(block.text);
      expect(rest).toEqual(['Kim met U.S. envoys', 'Putin left']);
      expect(texts(collectBlocks(doc))).toEqual(rest);
    });
  });

  it('reads contenteditable="false"', () => {
    expect(texts(collectBlocks(page('<div contenteditable="false">Russia</div>')))).toEqual(['Russia']);
  });

  it('skips the head, including the page title', () => {
    document.head.innerHTML = '<title>Russia news</title>';
    expect(texts(collectBlocks(page('<p>body text</p>')))).toEqual(['body text']);
  });

  it('reads nothing of a document in design mode', () => {
    const doc = document.implementation.createHTMLDocument('x');
    doc.body.innerHTML = '<p>Russia</p>';
    doc.designMode = 'on';
    expect(collectBlocks(doc)).toEqual([]);
  });

  it('continues after a skipped element that ends its parent', () => {
    const doc = page('<div><p>one<script>x</script></p><p>two<style>y</style></p></div><p>three</p>');
    expect(texts(collectBlocks(doc))).toEqual(['one', 'two', 'three']);
  });
});

describe('collectBlocks: shadow roots and frames', () => {
  it('reads an open shadow root as blocks of its own, where its host stands', () => {
    const doc = page('<p>before</p><div id="host"><span>light child</span></div><p>after</p>');
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow <b>Russia</b></p><slot></slot>';
    expect(texts(collectBlocks(doc))).toEqual(['before', 'Shadow Russia', 'light child', 'after']);
    expect(texts(collectBlocks(doc, { shadowRoots: false }))).toEqual(['before', 'light child', 'after']);
  });

  it('reads nested shadow roots', () => {
    const doc = page('<div id="outer"></div>');
    const outer = doc.getElementById('outer')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>outer</p><div id="inner"></div>';
    outer.getElementById('inner')!.attachShadow({ mode: 'open' }).innerHTML = '<p>inner</p>';
    expect(texts(collectBlocks(doc))).toEqual(['outer', 'inner']);
  });

  it('reads a shadow root passed as the root', () => {
    const host = page('<div id="host"></div>').getElementById('host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>one</p><p>two</p>';
    expect(texts(collectBlocks(shadow))).toEqual(['one', 'two']);
  });

  it('finds the block a change inside a shadow root is read again in: an element, or the shadow root itself', () => {
    const body = page('<div id="host"></div>').body;
    const shadow = body.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>in a <b>block</b></p><i>loose</i> text<div contenteditable><p>edited</p></div>';
    const [inBlock, loose, edited] = ['b', 'i', '[contenteditable] p'].map((selector) => shadow.querySelector(selector)!.firstChild!);
    expect(closestBlock(inBlock!, shadow)).toBe(shadow.querySelector('p'));
    expect(closestBlock(loose!, shadow)).toBe(shadow);
    expect(closestBlock(shadow, shadow)).toBe(shadow);
    expect(closestBlock(edited!, shadow)).toBeNull();
    // From the document's side, a node of the shadow tree is not inside the body.
    expect(closestBlock(loose!, body)).toBeNull();
  });

  it('reads the shadow root of the host it starts at first, as the walk of the page does', () => {
    const host = page('<div id="host">light <b>child</b></div>').getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>shadow</p>';
    const entered: ShadowRoot[] = [];
    const reader = new BlockReader(host, { onShadowRoot: (root) => entered.push(root) });
    const read: string[] = [];
    for (let block = reader.next(); block; block = reader.next()) read.push(block.text);
    expect(read).toEqual(['shadow', 'light child']);
    expect(entered).toEqual([host.shadowRoot]);
    expect(texts(collectBlocks(host, { shadowRoots: false }))).toEqual(['light child']);
  });

  it('tells of each shadow root it enters', () => {
    const doc = page('<div id="outer"></div>');
    const outer = doc.getElementById('outer')!.attachShadow({ mode: 'open' });
    outer.innerHTML = '<p>outer</p><div id="inner"></div>';
    const inner = outer.getElementById('inner')!.attachShadow({ mode: 'open' });
    const entered: ShadowRoot[] = [];
    const reader = new BlockReader(doc, { onShadowRoot: (root) => entered.push(root) });
    while (reader.next());
    expect(entered).toEqual([outer, inner]);
  });

  it('reads a same-origin iframe as blocks of its own (happy-dom loads srcdoc frames)', () => {
    const doc = page('<p>before</p><iframe srcdoc="<p>Inside <i>Moscow</i></p>"></iframe><p>after</p>');
    expect(texts(collectBlocks(doc))).toEqual(['before', 'Inside Moscow', 'after']);
    expect(texts(collectBlocks(doc, { frames: false }))).toEqual(['before', 'after']);
  });

  it('survives a frame whose document cannot be read', () => {
    const doc = page('<p>before</p><iframe srcdoc="<p>secret</p>"></iframe><p>after</p>');
    const frame = doc.querySelector('iframe')!;
    Object.defineProperty(frame, 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    });
    expect(texts(collectBlocks(doc))).toEqual(['before', 'after']);
  });
});

describe('collectBlocks: roots and engines', () => {
  it('accepts an element as the root', () => {
    const doc = page('<p>outside</p><article id="a"><p>one</p>two</article>');
    expect(texts(collectBlocks(doc.getElementById('a')!))).toEqual(['one', 'two']);
  });

  it('gives the same blocks in linkedom, whose TreeWalker has only nextNode()', () => {
    const html =
      '<html><head><title>t</title><style>p{}</style></head><body><div>a<p>Kim <b>Jong</b> Un<script>x</script></p>' +
      '<textarea>no</textarea>b<ul><li>one</li><li>two<div contenteditable><p>no</p></div></li></ul></div></body></html>';
    const { document: linked } = parseHTML(html);
    const expected = ['a', 'Kim Jong Un', 'b', 'one', 'two'];
    expect(texts(collectBlocks(linked as unknown as Document))).toEqual(expected);
    document.documentElement.innerHTML = html.replace(/^<html>|<\/html>$/g, '');
    expect(texts(collectBlocks(document))).toEqual(expected);
  });
});

describe('collectBlocks: texts of many lines in one block', () => {
  /** A `<pre>` holding `text` in one text node, as Chromium shows a plain-text file. */
  const book = (text: string) => {
    const pre = document.createElement('pre');
    pre.textContent = text;
    document.body.append(pre);
    return pre.firstChild as Text;
  };
  /** What the block's nodes hold from its first character to its last, as mapped (happy-dom's Range reads thousands of nodes too slowly). */
  const read = (block: TextBlock) => {
    const { startNode, startOffset, endNode, endOffset } = mapSpanToNodes(block, 0, block.text.length);
    if (startNode === endNode) return startNode.data.slice(startOffset, endOffset);
    const first = block.nodes.indexOf(startNode);
    const last = block.nodes.indexOf(endNode);
    const middle = block.nodes.slice(first + 1, last).map((node) => node.data);
    return [startNode.data.slice(startOffset), ...middle, endNode.data.slice(0, endOffset)].join('');
  };

  it('cuts a text of paragraphs in one node after blank lines, past 32 KiB, each block mapped into the node', () => {
    const paragraph = 'The talks went on through the night, and the delegations met again at dawn. '.repeat(12);
    const text = Array.from({ length: 300 }, (_, i) => `${i} ${paragraph}`).join('\n\n');
    const node = book(text);
    const blocks = collectBlocks(document.body);
    expect(blocks.length).toBeGreaterThan(5);
    expect(blocks.map((block) => block.text).join('')).toBe(text);
    for (const block of blocks.slice(0, -1)) {
      expect(block.text.length).toBeGreaterThan(32 * 1024);
      expect(block.text.endsWith('\n\n')).toBe(true);
    }
    for (const block of blocks) {
      expect(block.nodes.length === 1 && block.nodes[0] === node).toBe(true);
      expect(read(block)).toBe(block.text);
    }
  });

  it('cuts at a line break only past 64 KiB when no blank line comes, and a text of one line not below 256 KiB', () => {
    const lines = 'the prince said that he would go to the ball and the countess smiled\n'.repeat(4000);
    book(lines);
    const blocks = collectBlocks(document.body);
    expect(blocks.length).toBeGreaterThan(2);
    expect(blocks.map((block) => block.text).join('')).toBe(lines);
    for (const block of blocks.slice(0, -1)) {
      expect(block.text.length).toBeGreaterThan(64 * 1024);
      expect(block.text.endsWith('\n')).toBe(true);
    }
    document.body.innerHTML = '';
    const line = 'the prince said that he would go to the ball and the countess smiled. '.repeat(3500);
    book(line);
    expect(texts(collectBlocks(document.body))).toEqual([line]);
  });

  it('cuts a paragraph of one line after the end of a sentence past 256 KiB, never inside a name', () => {
    // Each sentence ends in a name's full stop or a lower-case word's: only the latter is a sentence's end to cut at.
    const sentences = ['The talks with Vladimir V. Putin went on. ', 'They flew to Washington, D.C. ', 'They met in Pyongyang at dawn. ', 'Was it worth it? '];
    const text = Array.from({ length: 30_000 }, (_, i) => sentences[i % 4]).join('');
    book(text);
    const blocks = collectBlocks(document.body);
    expect(blocks.length).toBeGreaterThan(3);
    expect(blocks.map((block) => block.text).join('')).toBe(text);
    for (const block of blocks.slice(0, -1)) {
      expect(block.text.length).toBeGreaterThan(256 * 1024);
      expect(block.text.length).toBeLessThan(257 * 1024);
      expect(block.text).toMatch(/(dawn\.|it\?)$/);
    }
  });

  it('cuts a paragraph of many nodes at a sentence’s end that a node of its own holds (a transcript, its words in elements)', () => {
    // Long sentences, so a few thousand elements make the 256 KiB: happy-dom takes seconds over tens of thousands.
    const sentence = '<span>Vladimir</span> <span>Putin</span> <span>spoke again of the summit in Pyongyang and of the sanctions on both countries</span>. ';
    document.body.innerHTML = `<p>${sentence.repeat(3_000)}</p>`;
    const blocks = collectBlocks(document.body);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.map((block) => block.text).join('')).toBe(document.body.textContent);
    for (const block of blocks.slice(0, -1)) {
      expect(block.text.length).toBeGreaterThan(256 * 1024);
      expect(block.text).toMatch(/countries\.$/);
      expect(read(block)).toBe(block.text);
    }
  });

  it('cuts a text without sentences after a space past 512 KiB, and one without spaces past 1 MiB, keeping characters whole', () => {
    const words = 'the the the the '.repeat(50_000);
    book(words);
    const cut = collectBlocks(document.body);
    // 800,000 characters with no line or sentence end: cut past 512 KiB, where only a space may end a block.
    expect(cut.length).toBeGreaterThan(1);
    for (const block of cut.slice(0, -1)) {
      expect(block.text.length).toBeGreaterThan(512 * 1024);
      expect(block.text.length).toBeLessThan(513 * 1024);
      expect(block.text).toMatch(/\s$/);
    }
    expect(cut.map((block) => block.text).join('')).toBe(words);
    document.body.innerHTML = '';
    // Characters of two halves each (U+20000) but one, so a cut at 1 MiB falls inside one.
    const wide = `x${'\u{20000}'.repeat(700_000)}`;
    book(wide);
    const blocks = collectBlocks(document.body);
    expect(blocks.length).toBe(2);
    expect(blocks[0]!.text.length).toBe(1024 * 1024 + 1);
    expect(blocks.every((block) => !/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(block.text))).toBe(true);
    expect(blocks.map((block) => block.text).join('')).toBe(wide);
  });

  it('cuts a text of one line after a character no name holds, past 128 KiB: a JSON file', () => {
    const json = JSON.stringify(Array.from({ length: 3000 }, (_, id) => ({ id, title: 'Vladimir Putin met Kim Jong Un', body: 'The talks went on.' })));
    book(json);
    const blocks = collectBlocks(document.body);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.map((block) => block.text).join('')).toBe(json);
    for (const block of blocks.slice(0, -1)) {
      expect(block.text.length).toBeGreaterThan(128 * 1024);
      expect(block.text.at(-1)).toMatch(/["{}[\]]/);
    }
  });

  it('cuts a <pre> of many elements (a highlighted log) the same way, inside the node that holds the blank line', () => {
    const entry = '<span class="t">12:00:01</span> <b>info</b> the talks went on through the night\n';
    // Each hour's log ends with a blank line and a heading in one text node.
    const html = `<pre>${Array.from({ length: 200 }, () => entry.repeat(20)).join('\nnext hour\n')}</pre>`;
    document.body.innerHTML = html;
    const whole = document.body.textContent!;
    const blocks = collectBlocks(document.body);
    expect(blocks.length).toBeGreaterThan(3);
    expect(blocks.map((block) => block.text).join('')).toBe(whole);
    for (const block of blocks) expect(read(block)).toBe(block.text);
    // The blank line stands in one text node: the next block begins in it, past the cut.
    expect(blocks.slice(1).every((block) => block.starts[0]! < 0)).toBe(true);
  });

  it('hands out the blocks of a long text one at a time', () => {
    book('A paragraph of the night’s talks.\n\n'.repeat(20_000));
    const reader = new BlockReader(document.body);
    const first = reader.next()!;
    expect(first.text.length).toBeLessThan(40 * 1024);
    let count = 1;
    while (reader.next()) count++;
    expect(count).toBeGreaterThan(15);
  });
});

describe('mapSpanToNodes', () => {
  const [block] = collectBlocks(page('<p>Kim <b>Jong</b> Un</p>'));

  it('maps a span inside one node', () => {
    const range = mapSpanToNodes(block!, 0, 3);
    expect([range.startNode.data, range.startOffset, range.endNode.data, range.endOffset]).toEqual(['Kim ', 0, 'Kim ', 3]);
  });

  it('maps a span across nodes', () => {
    const range = mapSpanToNodes(block!, 0, 11);
    expect([range.startNode.data, range.startOffset, range.endNode.data, range.endOffset]).toEqual(['Kim ', 0, ' Un', 3]);
  });

  it('puts a start on a node boundary in the next node and an end in the previous one', () => {
    const range = mapSpanToNodes(block!, 4, 8);
    expect([range.startNode.data, range.startOffset, range.endNode.data, range.endOffset]).toEqual(['Jong', 0, 'Jong', 4]);
  });
});

describe('BlockReader.from: reading on from where a block began', () => {
  /** Pieces of a long block: text with lines and blank lines, inline elements, a block element, a skipped one, a long run without a break. */
  const PIECES = [
    'the talks went on through the night\n',
    'Kim Jong Un met Vladimir Putin\n\n',
    '<b>Kim</b> Jong <i>Un</i>\n',
    '<span>a log line of the summit</span>\n',
    '<div>a block inside</div>',
    '<br>',
    '<script>var x = 1;</script>',
    '<span hidden>hidden text\n</span>',
    'x'.repeat(3000),
    '{"a": [1, 2]}',
  ];
  const shape = fc.array(fc.tuple(fc.nat(PIECES.length - 1), fc.integer({ min: 1, max: 200 })), { minLength: 1, maxLength: 12 });
  const same = (a: TextBlock, b: TextBlock) => a.text === b.text && a.nodes.length === b.nodes.length && a.nodes.every((node, i) => node === b.nodes[i]) && a.starts.join() === b.starts.join();

  it('reads, from the beginning of any block of a root, the very blocks the walk of the whole root reads from there', () => {
    fc.assert(
      fc.property(shape, (parts) => {
        document.body.innerHTML = `<pre id="log">${parts.map(([piece, times]) => PIECES[piece]!.repeat(times)).join('')}</pre>`;
        const root = document.getElementById('log')!;
        const whole: TextBlock[] = [];
        const reader = new BlockReader(root);
        for (let block = reader.next(); block; block = reader.next()) whole.push(block);
        // Every block's beginning in a short root; in a long one, a few spread over it (each read on to the end).
        const step = Math.max(1, Math.floor(whole.length / 6));
        whole.forEach((block, i) => {
          if (i % step !== 0 && i !== whole.length - 1) return;
          const resumed = BlockReader.from(root, block.nodes[0]!, -block.starts[0]!)!;
          expect(resumed).not.toBeNull();
          const rest: TextBlock[] = [];
          for (let next = resumed.next(); next; next = resumed.next()) rest.push(next);
          expect(rest.length).toBe(whole.length - i);
          expect(rest.every((next, j) => same(next, whole[i + j]!))).toBe(true);
        });
      }),
      { numRuns: 25 },
    );
  }, 30_000);

  it('stops inside a block after the nodes it was given, and reads on to the very blocks the walk reads without stopping', () => {
    fc.assert(
      fc.property(shape, fc.integer({ min: 1, max: 50 }), (parts, steps) => {
        document.body.innerHTML = `<pre id="log">${parts.map(([piece, times]) => PIECES[piece]!.repeat(times)).join('')}</pre>`;
        const root = document.getElementById('log')!;
        const whole: TextBlock[] = [];
        const reader = new BlockReader(root);
        for (let block = reader.next(); block; block = reader.next()) whole.push(block);
        const stepped: TextBlock[] = [];
        const stopping = new BlockReader(root);
        let stops = 0;
        for (let block = stopping.next(steps); block; block = stopping.next(steps)) {
          if (block === UNFINISHED) stops++;
          else stepped.push(block);
        }
        expect(stepped.length).toBe(whole.length);
        expect(stepped.every((block, i) => same(block, whole[i]!))).toBe(true);
        // A block of more nodes than that was stopped in.
        if (whole.some((block) => block.nodes.length > steps)) expect(stops).toBeGreaterThan(0);
      }),
      { numRuns: 25 },
    );
  }, 30_000);

  it('does not read on from a node outside the root or inside what the walk skips', () => {
    document.body.innerHTML = '<pre id="log">one<span hidden>two</span></pre><p>three</p>';
    const root = document.getElementById('log')!;
    const hidden = root.querySelector('span')!.firstChild as Text;
    const outside = document.querySelector('p')!.firstChild as Text;
    expect(BlockReader.from(root, hidden, 0)).toBeNull();
    expect(BlockReader.from(root, outside, 0)).toBeNull();
  });
});

describe('BlockReader.resume: the page changes what the walk is in while it is paused', () => {
  /** Reads `count` blocks of the page's body, lets `change` run as the page would between two slices, then reads the rest. */
  function readAcross(count: number, change: () => void): string[] {
    const reader = new BlockReader(document.body);
    const read: string[] = [];
    for (let i = 0; i < count; i++) read.push(reader.next()!.text);
    change();
    expect(reader.resume()).toBe(true);
    for (let block = reader.next(); block; block = reader.next()) read.push(block.text);
    return read;
  }
  const byId = (id: string) => document.getElementById(id)!;

  it('reads on past a section the page replaced, to the end of the page', () => {
    page('<div id="a"><p>One</p><p>Two</p></div><p>Three</p><p>Kim Jong Un at end</p>');
    const read = readAcross(1, () => {
      const fresh = document.createElement('div');
      fresh.innerHTML = '<p>New one</p><p>New two</p>';
      byId('a').replaceWith(fresh);
    });
    // What took its place is the caller's watch of the page to read: a region re-rendered at every pause would hold the walk.
    expect(read).toEqual(['One', 'Three', 'Kim Jong Un at end']);
  });

  it('reads on past the paragraphs of a section whose children the page replaced', () => {
    page('<div id="a"><p>One</p><p>Two</p><p>Three</p></div><p>Kim Jong Un at end</p>');
    const read = readAcross(2, () => (byId('a').innerHTML = '<p>New</p>'));
    expect(read).toEqual(['One', 'Two', 'Kim Jong Un at end']);
  });

  it('goes on after the text of a paragraph the page rewrote', () => {
    page('<p id="p">Kim <b>Jong</b> Un</p><p>Vladimir Putin</p>');
    const reader = new BlockReader(document.body);
    expect(reader.next(3)).toBe(UNFINISHED);
    byId('p').innerHTML = 'Xi <b>Jinping</b> spoke';
    expect(reader.resume()).toBe(true);
    const read: string[] = [];
    for (let block = reader.next(); block; block = reader.next()) read.push(block.text);
    expect(read.at(-1)).toBe('Vladimir Putin');
    expect(read.join(' ')).toContain('Jinping spoke');
  });

  it('reads each entry of a list once, in reading order, when the page moves the one the walk is in to the top', () => {
    page('<ul id="list"><li>Alpha</li><li>Bravo</li><li id="c">Charlie</li><li>Delta</li></ul>');
    const read = readAcross(2, () => byId('list').prepend(byId('c')));
    expect(read).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
  });

  it('reads each entry once when the page moves the entries read before the walk’s one below it (a keyed list’s other way)', () => {
    page('<ul id="list"><li id="a">Alpha</li><li id="b">Bravo</li><li id="c">Charlie</li><li>Delta</li></ul>');
    const read = readAcross(2, () => byId('c').after(byId('a'), byId('b')));
    expect(read).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
  });

  it('passes no entry by when the page moves the one the walk is in to the bottom, or puts one before it', () => {
    page('<ul id="list"><li>Alpha</li><li>Bravo</li><li id="c">Charlie</li><li>Delta</li><li>Echo</li></ul>');
    expect(readAcross(2, () => byId('list').append(byId('c')))).toEqual(['Alpha', 'Bravo', 'Delta', 'Echo', 'Charlie']);
    page('<ul id="list"><li>Alpha</li><li>Bravo</li><li id="c">Charlie</li><li>Delta</li></ul>');
    expect(readAcross(2, () => byId('c').before(Object.assign(document.createElement('li'), { textContent: 'New' })))).toEqual([
      'Alpha',
      'Bravo',
      'New',
      'Charlie',
      'Delta',
    ]);
  });

  it('reads nothing again when the page moves an entry already read to the top', () => {
    page('<ul id="list"><li>Alpha</li><li id="b">Bravo</li><li>Charlie</li><li>Delta</li></ul>');
    expect(readAcross(2, () => byId('list').prepend(byId('b')))).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
  });

  it('reads on past a list the page moved above what was read, with the entry the walk is in', () => {
    page('<p>Intro</p><ul id="list"><li>Alpha</li><li>Bravo</li><li>Charlie</li></ul><p>Outro</p>');
    expect(readAcross(2, () => document.body.prepend(byId('list')))).toEqual(['Intro', 'Alpha', 'Bravo', 'Charlie', 'Outro']);
  });

  it('reads on past a web component the page took out or moved while the walk was in its shadow root', () => {
    const withCard = () => {
      page('<p>One</p><div id="card"></div><p>Two</p>');
      byId('card').attachShadow({ mode: 'open' }).innerHTML = '<p>Card one</p><p>Card two</p>';
    };
    withCard();
    expect(readAcross(2, () => byId('card').remove())).toEqual(['One', 'Card one', 'Two']);
    withCard();
    // The rest of its shadow root is read first, where the walk was.
    expect(readAcross(2, () => document.body.prepend(byId('card')))).toEqual(['One', 'Card one', 'Card two', 'Two']);
  });

  it('fails once the page took out the root itself', () => {
    page('<div id="root"><p>One</p><p>Two</p></div>');
    const reader = new BlockReader(byId('root'));
    reader.next();
    byId('root').remove();
    expect(reader.resume()).toBe(false);
  });

  /** A tree of elements and text, each text node its own word. */
  type Shape = { tag: string; children: Shape[] } | string;
  const shape: fc.Arbitrary<Shape> = fc.letrec<{ node: Shape }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant('text'),
      fc.record({ tag: fc.constantFrom('div', 'p', 'span', 'b', 'li'), children: fc.array(tie('node'), { maxLength: 4 }) }),
    ),
  })).node;
  let words = 0;
  function build(node: Shape): Node {
    if (typeof node === 'string') return document.createTextNode(`w${words++} `);
    const el = document.createElement(node.tag);
    for (const child of node.children) el.append(build(child));
    return el;
  }
  /** The page's nodes under <body>, in document order. */
  const nodesOf = () => {
    const all: Node[] = [];
    const walker = document.createTreeWalker(document.body, 0x1 | 0x4);
    for (let at = walker.nextNode(); at; at = walker.nextNode()) all.push(at);
    return all;
  };
  const change = fc.record({ kind: fc.constantFrom('remove', 'move', 'insert', 'replace'), node: fc.nat(), place: fc.nat(), before: fc.nat() });
  type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

  /** Makes `change` to the page as it would; returns what it put in or moved, which the caller's watch of the page reads again. */
  function make({ kind, node, place, before }: Change): Node[] {
    const nodes = nodesOf();
    if (nodes.length === 0) return [];
    const target = nodes[node % nodes.length]!;
    const into = () => {
      const hosts = [document.body, ...nodes.filter((at) => at.nodeType === 1 && !target.contains(at))] as Element[];
      const host = hosts[place % hosts.length]!;
      return { host, ref: host.childNodes[before % (host.childNodes.length + 1)] ?? null };
    };
    if (kind === 'remove') {
      target.parentNode!.removeChild(target);
      return [];
    }
    if (kind === 'move') {
      const { host, ref } = into();
      if (ref !== target) host.insertBefore(target, ref);
      return [target];
    }
    const fresh = build({ tag: 'p', children: ['text'] });
    if (kind === 'replace') target.parentNode!.replaceChild(fresh, target);
    else {
      const { host, ref } = into();
      host.insertBefore(fresh, ref);
    }
    return [fresh];
  }

  it('reads every text the page left in place once, in reading order, whatever one change it made where the walk paused', () => {
    const trees = fc.array(shape, { minLength: 1, maxLength: 6 });
    const pauses = fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 12 });
    fc.assert(
      fc.property(trees, pauses, change, (top, stops, what) => {
        words = 0;
        document.body.innerHTML = '';
        for (const node of top) document.body.append(build(node));
        const reader = new BlockReader(document.body);
        const read: Node[] = [];
        const take = (block: TextBlock | null | typeof UNFINISHED) => {
          if (block && block !== UNFINISHED) read.push(...block.nodes);
          return block;
        };
        // Paused anywhere, inside a block too, with nothing changed: the walk is put nowhere else.
        for (const steps of stops) {
          if (take(reader.next(steps)) === null) break;
          expect(reader.resume()).toBe(true);
        }
        const changed = make(what);
        expect(reader.resume()).toBe(true);
        for (let block = take(reader.next(3)); block; block = take(reader.next(3))) expect(reader.resume()).toBe(true);
        const inPlace = (at: Node) => at.isConnected && !changed.some((moved) => moved.contains(at));
        const texts = nodesOf().filter((at) => at.nodeType === 3 && inPlace(at));
        expect(read.filter(inPlace).map((at) => at.textContent)).toEqual(texts.map((at) => at.textContent));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ARTICLE = resolve('data/summit/article.txt');

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The story's article rendered as a realistic news page: masthead, navigation,
 * byline, paragraphs, a sidebar and a footer, so the demo and the tests meet the
 * names among the usual clutter of a news site.
 */
export function renderDemoPage(articlePath = ARTICLE): string {
  const [headline = '', ...paragraphs] = readFileSync(articlePath, 'utf8').trim().split('\n');
  const body = paragraphs.map((p, i) => `<p data-paragraph="${i + 1}">${escape(p)}</p>`).join('\n        ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escape(headline)} | The Daily Ledger</title>
    <style>
      body { margin: 0; font: 18px/1.6 Georgia, 'Times New Roman', serif; color: #222; background: #fff; }
      header.masthead { position: sticky; top: 0; z-index: 10; background: #111; color: #fff; padding: 10px 24px; display: flex; gap: 24px; align-items: baseline; }
      header.masthead .logo { font: 700 22px/1 system-ui, sans-serif; letter-spacing: -0.02em; }
      header.masthead nav a { color: #ddd; margin-right: 14px; font: 14px system-ui, sans-serif; text-decoration: none; }
      .layout { display: grid; grid-template-columns: minmax(0, 680px) 260px; gap: 48px; max-width: 1000px; margin: 32px auto; padding: 0 24px; }
      h1 { font-size: 36px; line-height: 1.15; margin: 0 0 12px; }
      .byline { font: 14px system-ui, sans-serif; color: #666; margin-bottom: 24px; }
      aside { font: 15px/1.5 system-ui, sans-serif; border-top: 3px solid #111; padding-top: 8px; }
      aside li { margin-bottom: 10px; }
      footer { border-top: 1px solid #ddd; margin-top: 48px; padding: 24px; font: 13px system-ui, sans-serif; color: #777; text-align: center; }
      @media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
    </style>
  </head>
  <body>
    <header class="masthead">
      <span class="logo">The Daily Ledger</span>
      <nav><a href="#">World</a><a href="#">Politics</a><a href="#">Business</a><a href="#">Opinion</a></nav>
    </header>
    <div class="layout">
      <main>
        <article>
          <p class="kicker">World · Asia</p>
          <h1>${escape(headline)}</h1>
          <p class="byline">By Staff Reporters · Updated 6 min read</p>
        ${body}
        </article>
      </main>
      <aside>
        <h2>Most read</h2>
        <ol>
          <li>Markets steady as central banks hold rates</li>
          <li>Heatwave tests the power grid across the south</li>
          <li>Five books to read this winter</li>
        </ol>
      </aside>
    </div>
    <footer>© The Daily Ledger. A demo page for Backstory; the article is the story's source text.</footer>
  </body>
</html>
`;
}

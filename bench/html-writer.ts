const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/**
 * Builds HTML while counting the text nodes and characters a browser will
 * make of it, so the synthetic page's size is known without parsing it.
 * Adjacent text() calls land in one text node, as they do in the parser;
 * any tag between them starts a new one.
 */
export class HtmlWriter {
  private readonly parts: string[] = [];
  private inText = false;
  textNodes = 0;
  textChars = 0;

  open(tag: string, attributes = ''): this {
    this.parts.push(attributes ? `<${tag} ${attributes}>` : `<${tag}>`);
    this.inText = false;
    return this;
  }

  close(tag: string): this {
    this.parts.push(`</${tag}>`);
    this.inText = false;
    return this;
  }

  text(text: string): this {
    if (text.length === 0) return this;
    if (!this.inText) this.textNodes++;
    this.inText = true;
    this.textChars += text.length;
    this.parts.push(escapeHtml(text));
    return this;
  }

  /** An element holding only text. */
  element(tag: string, text: string, attributes = ''): this {
    return this.open(tag, attributes).text(text).close(tag);
  }

  /** Markup outside the body (doctype, head): counted as no text. */
  raw(html: string): this {
    this.parts.push(html);
    this.inText = false;
    return this;
  }

  toString(): string {
    return this.parts.join('');
  }
}

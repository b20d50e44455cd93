import sanitizeHtml from 'sanitize-html';

/** The longest signature we keep, in characters of sanitized HTML. */
export const SIGNATURE_MAX_LENGTH = 4000;

// The small editor's vocabulary: bold, italic, links and line breaks. Anything else is dropped.
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['b', 'strong', 'i', 'em', 'a', 'br'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/**
 * A signature as the editor sends it, made safe: only the allow-listed tags and link schemes stay;
 * paragraphs and blocks become line breaks; raw newlines go (HTML ignores them; the mail renderer
 * would turn them into paragraphs). Empty text gives null.
 */
export function sanitizeSignature(input: string): string | null {
  // Editors start each new line as a block (Chrome: "line<div>next</div>", others <p>): every block
  // start becomes a line break; a leading one is trimmed below.
  const blocks = input
    .replace(/\r?\n/g, ' ')
    // An empty line is a block holding only a break: the block's own start is its line break.
    .replace(/<\s*(p|div)(\s[^>]*)?>\s*<br\s*\/?>\s*<\s*\/\s*\1\s*>/gi, '<$1>')
    .replace(/<\s*\/\s*(p|div|ul|ol|li|h[1-6])\s*>/gi, '')
    .replace(/<\s*(p|div|li|h[1-6])(\s[^>]*)?>/gi, '<br>')
    .replace(/<\s*(ul|ol)(\s[^>]*)?>/gi, '');
  const clean = sanitizeHtml(blocks, OPTIONS)
    .replace(/\s+/g, ' ')
    .replace(/(\s*<br \/>\s*)+$/g, '')
    .replace(/^(\s*<br \/>\s*)+/g, '')
    .trim();
  return signatureText(clean) ? clean : null;
}

/** The plain-text form of a sanitized signature, for the text part of a mail: links keep their address. */
export function signatureText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<a href="([^"]*)">([\s\S]*?)<\/a>/gi, (_m, href: string, text: string) => {
      const label = text.replace(/<[^>]+>/g, '');
      const target = href.replace(/^mailto:/, '');
      return label.trim() === target.trim() ? label : `${label} (${target})`;
    })
    .replace(/<[^>]+>/g, '');
  return decodeEntities(withBreaks)
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&');
}

/** Rich text in a template context: HTML (already sanitized) for the HTML part, plain text for the text part. */
export class RichText {
  constructor(
    readonly html: string,
    readonly text: string,
  ) {}

  static fromSignature(html: string | null | undefined): RichText | null {
    return html ? new RichText(html, signatureText(html)) : null;
  }

  toString() {
    return this.text;
  }
}

import DOMPurify from 'dompurify';

const REMOTE = /^\s*(https?:)?\/\//i;
const URL_IN_CSS = /url\(\s*['"]?\s*(https?:)?\/\//i;

/**
 * An incoming mail's HTML made safe to show in the sandboxed frame: sanitised by DOMPurify (no
 * scripts, forms, frames or event handlers), inline (cid:) images shown from the mail, remote images and backgrounds removed until the user
 * allows them, and a Content-Security-Policy that lets nothing else load. Returns the document and
 * how many remote references were blocked.
 */
export function safeMailHtml(html: string, allowRemote: boolean, inline: ReadonlyMap<string, string> = new Map()): { html: string; blocked: number } {
  let blocked = 0;
  const purify = DOMPurify();
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Inline images (cid:) come with the mail, as data: URLs.
    const src = node.getAttribute('src');
    if (src && /^cid:/i.test(src)) {
      const data = inline.get(src.slice(4).replace(/^<|>$/g, ''));
      if (data) node.setAttribute('src', data);
      else node.removeAttribute('src');
    }
    for (const attr of ['src', 'srcset', 'background', 'poster']) {
      const value = node.getAttribute(attr);
      if (value && REMOTE.test(value)) {
        blocked++;
        if (!allowRemote) node.removeAttribute(attr);
      }
    }
    const style = node.getAttribute('style');
    if (style && URL_IN_CSS.test(style)) {
      blocked++;
      if (!allowRemote) node.setAttribute('style', style.replace(/url\([^)]*\)/gi, 'none'));
    }
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  const body = purify.sanitize(html, { FORBID_TAGS: ['form', 'input', 'button', 'textarea', 'select', 'base', 'link', 'meta'], WHOLE_DOCUMENT: false });
  const images = allowRemote ? 'data: https: http:' : 'data:';
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src ${images}; font-src data:`;
  return {
    html: `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><style>body{font-family:system-ui,sans-serif;font-size:14px;margin:12px;overflow-wrap:anywhere}img{max-width:100%;height:auto}</style></head><body>${body}</body></html>`,
    blocked,
  };
}

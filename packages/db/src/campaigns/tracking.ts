import type { DataSource, EntityManager } from 'typeorm';
import { signRecipientToken } from './token';

/**
 * Approximate open and click tracking, only for campaigns prepared while an admin had it on: a
 * 1x1 image per mail, and each http(s) address of the HTML part (linked, or written out as text)
 * sent through the app. A tracked link
 * names a row of campaign_links (by id, in a signed token bound to the recipient), so the redirect
 * can only lead to an address that was in that campaign's mail: no open redirect.
 */
export interface TrackingOptions {
  publicUrl: string;
  unsubscribeSecret: string;
  tokenTtlDays?: number;
}

const HREF = /(\bhref\s*=\s*)(["'])(https?:\/\/[^"'\s<>]+)\2/i;
// A bare address in the text (templates are plain text, so most links are written this way); trailing punctuation is not part of it.
const BARE = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;
// Handlebars writes = as &#x3D; and & as &amp;: an address is stored as a browser would read it.
const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d{1,7});/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const base = (o: TrackingOptions) => o.publicUrl.replace(/\/$/, '');
const expiry = (o: TrackingOptions, now: Date) => new Date(now.getTime() + (o.tokenTtlDays ?? 365) * 86_400_000);

/**
 * Walks the HTML's tags and text: `onHref` for each http(s) link of an <a>, `onBare` for each
 * address written as text outside a link. Returns the HTML with their replacements.
 */
function walk(html: string, onHref: (url: string) => string | null, onBare: (url: string, written: string) => string | null): string {
  let inLink = false;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<a\b/i.test(part)) {
          inLink = true;
          const m = HREF.exec(part);
          const to = m ? onHref(decode(m[3])) : null;
          return m && to ? part.replace(HREF, `$1$2${escapeAttr(to)}$2`) : part;
        }
        if (/^<\/a\s*>/i.test(part)) inLink = false;
        return part;
      }
      return inLink ? part : part.replace(BARE, (written) => onBare(decode(written), written) ?? written);
    })
    .join('');
}

/** The http(s) addresses of the HTML, linked or written out (decoded, as a browser would follow them), each once. */
export function linksOf(html: string): string[] {
  const found = new Set<string>();
  walk(html, (url) => (found.add(url), null), (url) => (found.add(url), null));
  return [...found];
}

export const openPixelUrl = (o: TrackingOptions, recipientId: string, now = new Date()) => `${base(o)}/t/o/${signRecipientToken(o.unsubscribeSecret, recipientId, expiry(o, now), 'open')}`;
export const clickUrl = (o: TrackingOptions, recipientId: string, linkId: string, now = new Date()) =>
  `${base(o)}/t/c/${linkId}/${signRecipientToken(o.unsubscribeSecret, recipientId, expiry(o, now), `click:${linkId}`)}`;

/**
 * The HTML with each http(s) link going through its tracked address (an address written as text
 * becomes a link showing it), and the open pixel at the end of the body. The text part is left
 * as it is.
 */
export function withTracking(html: string, linkIds: Map<string, string>, o: TrackingOptions, recipientId: string, now = new Date()): string {
  const tracked = (url: string) => {
    const id = linkIds.get(url);
    return id ? clickUrl(o, recipientId, id, now) : null;
  };
  const linked = walk(html, tracked, (url, written) => {
    const to = tracked(url);
    return to ? `<a href="${escapeAttr(to)}">${written}</a>` : null;
  });
  const pixel = `<img src="${escapeAttr(openPixelUrl(o, recipientId, now))}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`;
  return linked.includes('</body>') ? linked.replace('</body>', `${pixel}</body>`) : linked + pixel;
}

/** Stores a campaign's links (each address once) and returns their ids by address. */
export async function campaignLinkIds(em: EntityManager, campaignId: string, urls: string[]): Promise<Map<string, string>> {
  if (!urls.length) return new Map();
  const rows: Array<{ id: string; url: string }> = await em.query(
    `INSERT INTO campaign_links (campaign_id, url) SELECT $1, u FROM unnest($2::text[]) AS u
     ON CONFLICT (campaign_id, url) DO UPDATE SET url = EXCLUDED.url RETURNING id, url`,
    [campaignId, urls],
  );
  return new Map(rows.map((r) => [r.url, r.id]));
}

/** The open pixel was loaded: counted on the recipient (first time kept). */
export async function recordOpen(ds: DataSource, recipientId: string): Promise<boolean> {
  const [, n] = await ds.query(
    `UPDATE campaign_recipients r SET opens = r.opens + 1, opened_at = coalesce(r.opened_at, now()) FROM campaigns c WHERE r.id = $1 AND c.id = r.campaign_id AND c.tracking`,
    [recipientId],
  );
  return n > 0;
}

/**
 * A tracked link was followed: the address to send the browser to, when the link belongs to the
 * recipient's campaign (else null: nothing is redirected). `count` false (an expired token) only
 * looks the address up.
 */
export async function recordClick(ds: DataSource, recipientId: string, linkId: string, count = true): Promise<string | null> {
  return ds.transaction(async (em) => {
    const [link] = await em.query(
      `SELECT l.url FROM campaign_links l JOIN campaign_recipients r ON r.campaign_id = l.campaign_id WHERE l.id = $1 AND r.id = $2`,
      [linkId, recipientId],
    );
    if (!link) return null;
    if (count) {
      await em.query(`UPDATE campaign_links SET clicks = clicks + 1 WHERE id = $1`, [linkId]);
      await em.query(`UPDATE campaign_recipients SET clicks = clicks + 1, clicked_at = coalesce(clicked_at, now()) WHERE id = $1`, [recipientId]);
    }
    return link.url as string;
  });
}

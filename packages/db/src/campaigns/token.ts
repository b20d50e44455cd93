import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A signed token of one campaign recipient: `<recipient id>.<expiry, unix seconds>.<HMAC>`. The
 * HMAC (SHA-256 over id and expiry, keyed with the configured secret) makes it unforgeable; the
 * expiry is inside what is signed, so it cannot be stretched. `purpose` is signed too (the
 * unsubscribe link has none; the open pixel "open", a tracked link "click:<link id>"), so a token
 * made for one use cannot serve another.
 */
export function signRecipientToken(secret: string, recipientId: string, expiresAt: Date, purpose = ''): string {
  const exp = Math.floor(expiresAt.getTime() / 1000).toString(36);
  return `${recipientId}.${exp}.${mac(secret, signed(purpose, recipientId, exp))}`;
}

/** The unsubscribe token of one campaign recipient (see signRecipientToken). */
export function signUnsubscribeToken(secret: string, recipientId: string, expiresAt: Date): string {
  return signRecipientToken(secret, recipientId, expiresAt);
}

const signed = (purpose: string, id: string, exp: string) => (purpose ? `${purpose}|${id}.${exp}` : `${id}.${exp}`);

export type TokenCheck = { ok: true; recipientId: string } | { ok: false; reason: 'INVALID' | 'EXPIRED' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function verifyRecipientToken(secret: string, token: string, purpose = '', now = new Date()): TokenCheck {
  const [id, exp, sig, ...rest] = String(token).split('.');
  if (rest.length || !id || !exp || !sig || !UUID.test(id) || !/^[0-9a-z]{1,12}$/.test(exp)) return { ok: false, reason: 'INVALID' };
  const expected = Buffer.from(mac(secret, signed(purpose, id, exp)));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'INVALID' };
  if (parseInt(exp, 36) * 1000 < now.getTime()) return { ok: false, reason: 'EXPIRED' };
  return { ok: true, recipientId: id.toLowerCase() };
}

export function verifyUnsubscribeToken(secret: string, token: string, now = new Date()): TokenCheck {
  return verifyRecipientToken(secret, token, '', now);
}

function mac(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url').slice(0, 32);
}

/**
 * Without UNSUBSCRIBE_SECRET the key is derived from the database address (on a real install it
 * holds the database password, and API and worker share it), so links keep working across
 * restarts; set UNSUBSCRIBE_SECRET to keep it independent (and to rotate it).
 */
export function fallbackUnsubscribeSecret(databaseUrl: string): string {
  return createHash('sha256').update(`unsubscribe:${databaseUrl}`).digest('base64url');
}

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The unsubscribe token of one campaign recipient: `<recipient id>.<expiry, unix seconds>.<HMAC>`.
 * The HMAC (SHA-256 over id and expiry, keyed with the configured secret) makes it unforgeable;
 * the expiry is inside what is signed, so it cannot be stretched.
 */
export function signUnsubscribeToken(secret: string, recipientId: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000).toString(36);
  return `${recipientId}.${exp}.${mac(secret, `${recipientId}.${exp}`)}`;
}

export type TokenCheck = { ok: true; recipientId: string } | { ok: false; reason: 'INVALID' | 'EXPIRED' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function verifyUnsubscribeToken(secret: string, token: string, now = new Date()): TokenCheck {
  const [id, exp, sig, ...rest] = String(token).split('.');
  if (rest.length || !id || !exp || !sig || !UUID.test(id) || !/^[0-9a-z]{1,12}$/.test(exp)) return { ok: false, reason: 'INVALID' };
  const expected = Buffer.from(mac(secret, `${id}.${exp}`));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'INVALID' };
  if (parseInt(exp, 36) * 1000 < now.getTime()) return { ok: false, reason: 'EXPIRED' };
  return { ok: true, recipientId: id.toLowerCase() };
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

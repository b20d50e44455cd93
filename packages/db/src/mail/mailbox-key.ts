import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Mailbox passwords are stored encrypted with MAILBOX_KEY (AES-256-GCM): 32 bytes given as 64 hex
 * digits or as base64 (`openssl rand -base64 32`). Stored form: "v1:" + base64(iv 12 | tag 16 | data).
 */
export class MailboxKeyError extends Error {
  constructor(readonly code: 'MAILBOX_KEY_MISSING' | 'MAILBOX_KEY_INVALID' | 'MAILBOX_SECRET_UNREADABLE') {
    super(code);
  }
}

/** The key's 32 bytes, or null when MAILBOX_KEY is unset; throws MAILBOX_KEY_INVALID for a malformed one. */
export function parseMailboxKey(value: string | null | undefined): Buffer | null {
  const v = value?.trim();
  if (!v) return null;
  const key = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, 'hex') : /^[A-Za-z0-9+/_-]+={0,2}$/.test(v) ? Buffer.from(v, 'base64') : null;
  if (!key || key.length !== 32) throw new MailboxKeyError('MAILBOX_KEY_INVALID');
  return key;
}

export function encryptSecret(plain: string, key: Buffer | null): string {
  if (!key) throw new MailboxKeyError('MAILBOX_KEY_MISSING');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
}

export function decryptSecret(stored: string, key: Buffer | null): string {
  if (!key) throw new MailboxKeyError('MAILBOX_KEY_MISSING');
  if (!stored.startsWith('v1:')) throw new MailboxKeyError('MAILBOX_SECRET_UNREADABLE');
  const buf = Buffer.from(stored.slice(3), 'base64');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
    decipher.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    // Another key (MAILBOX_KEY changed) or a damaged value.
    throw new MailboxKeyError('MAILBOX_SECRET_UNREADABLE');
  }
}

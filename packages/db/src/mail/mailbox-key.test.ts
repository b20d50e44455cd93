import { randomBytes } from 'node:crypto';
import { decryptSecret, encryptSecret, MailboxKeyError, parseMailboxKey } from './mailbox-key';

describe('mailbox passwords (MAILBOX_KEY, AES-256-GCM)', () => {
  it('reads the key as 64 hex digits or base64 of 32 bytes; unset is null; anything else is refused', () => {
    const bytes = randomBytes(32);
    expect(parseMailboxKey(bytes.toString('hex'))).toEqual(bytes);
    expect(parseMailboxKey(bytes.toString('base64'))).toEqual(bytes);
    expect(parseMailboxKey(undefined)).toBeNull();
    expect(parseMailboxKey('  ')).toBeNull();
    expect(() => parseMailboxKey('too-short')).toThrow(new MailboxKeyError('MAILBOX_KEY_INVALID'));
  });

  it('encrypts with a fresh IV each time and decrypts only with the same key', () => {
    const key = randomBytes(32);
    const a = encryptSecret('pässwörd', key);
    const b = encryptSecret('pässwörd', key);
    expect(a).not.toBe(b);
    expect(a).not.toContain('pässwörd');
    expect(decryptSecret(a, key)).toBe('pässwörd');
    expect(() => decryptSecret(a, randomBytes(32))).toThrow(expect.objectContaining({ code: 'MAILBOX_SECRET_UNREADABLE' }));
    // A changed byte fails the authentication tag.
    const raw = Buffer.from(a.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => decryptSecret(`v1:${raw.toString('base64')}`, key)).toThrow(expect.objectContaining({ code: 'MAILBOX_SECRET_UNREADABLE' }));
  });

  it('refuses to encrypt or decrypt without a key', () => {
    expect(() => encryptSecret('x', null)).toThrow(expect.objectContaining({ code: 'MAILBOX_KEY_MISSING' }));
    expect(() => decryptSecret('v1:AAAA', null)).toThrow(expect.objectContaining({ code: 'MAILBOX_KEY_MISSING' }));
  });
});

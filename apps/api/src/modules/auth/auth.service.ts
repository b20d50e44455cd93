import { hashPassword, Session, User, verifyPassword } from '@crm/db';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { AppError } from '../../graphql/errors';
import { LoginLimiter } from './rate-limiter';

export interface LoginMeta {
  ip: string | null;
  userAgent: string | null;
}

export interface SessionInfo {
  user: User;
  tokenHash: string;
}

const DAY_MS = 24 * 3600 * 1000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// A real hash to compare against when the account does not exist, so both cases take as long.
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly limiter: LoginLimiter,
    private readonly sessionTtlDays: number,
  ) {}

  /** Checks the password and opens a session; the caller puts the token in a cookie. */
  async login(emailInput: string, password: string, meta: LoginMeta): Promise<{ user: User; token: string; expiresAt: Date }> {
    const email = emailInput.trim().toLowerCase();
    const ip = meta.ip ?? 'unknown';
    // Counted before the password is checked: parallel guesses cannot outrun the limit.
    const wait = await this.limiter.reserve(email, ip);
    if (wait > 0) {
      throw new AppError('TOO_MANY_REQUESTS', `Too many failed sign-in attempts. Try again in ${Math.ceil(wait / 60)} minutes.`, { retryAfterSeconds: wait });
    }

    const user = await this.ds.getRepository(User).findOne({
      where: { email, service: false },
      select: { id: true, email: true, name: true, role: true, active: true, locale: true, signature: true, createdAt: true, lastLoginAt: true, passwordHash: true },
    });
    const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
    if (!user || !ok || !user.active) {
      // One message for all three, so the form does not reveal which accounts exist.
      throw new AppError('UNAUTHENTICATED', 'Wrong email or password.', { reason: 'INVALID_CREDENTIALS' });
    }
    await this.limiter.release(email, ip);

    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.sessionTtlDays * DAY_MS);
    await this.ds.transaction(async (em) => {
      await em.getRepository(Session).insert({
        tokenHash: hashToken(token),
        userId: user.id,
        expiresAt,
        lastSeenAt: now,
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 400) ?? null,
      });
      await em.getRepository(User).update(user.id, { lastLoginAt: now });
    });
    const signedIn = await this.ds.getRepository(User).findOneOrFail({ where: { id: user.id }, relations: { departments: true } });
    return { user: signedIn, token, expiresAt };
  }

  /** The live session of a cookie token, renewed when it is more than a day old. */
  async session(token: string): Promise<SessionInfo | null> {
    const tokenHash = hashToken(token);
    const session = await this.ds.getRepository(Session).findOne({
      where: { tokenHash, expiresAt: MoreThan(new Date()), user: { active: true } },
      relations: { user: { departments: true } },
    });
    if (!session?.user) return null;
    const now = Date.now();
    if (now - session.lastSeenAt.getTime() > DAY_MS) {
      await this.ds
        .getRepository(Session)
        .update({ tokenHash }, { lastSeenAt: new Date(now), expiresAt: new Date(now + this.sessionTtlDays * DAY_MS) });
    }
    return { user: session.user, tokenHash };
  }

  async logout(tokenHash: string): Promise<void> {
    await this.ds.getRepository(Session).delete({ tokenHash });
  }

  /** Ends every session of a user but one (a password change keeps the session it was made in). */
  async revokeOthers(userId: string, keepTokenHash: string | null, em: EntityManager = this.ds.manager): Promise<void> {
    await em.query(`DELETE FROM sessions WHERE user_id = $1 AND token_hash IS DISTINCT FROM $2`, [userId, keepTokenHash]);
  }

  /** Ends every session of a user (deactivation, password reset). */
  async revokeAll(userId: string, em: EntityManager = this.ds.manager): Promise<void> {
    await em.getRepository(Session).delete({ userId });
  }
}

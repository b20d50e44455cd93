import { Department, hashPassword, poolQuery, Session, User, verifyPassword } from '@crm/db';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
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
    // Every request asks this: one plain statement (a TypeORM find with relations spends more time
    // building its SQL than PostgreSQL spends answering it).
    const [row] = await poolQuery(
      this.ds,
      `SELECT u.id, u.email, u.name, u.role, u.active, u.service, u.locale, u.signature, u.last_login_at, u.photo_key, u.photo_type, u.created_at, u.updated_at,
         s.last_seen_at,
         coalesce((SELECT json_agg(json_build_object('id', d.id, 'name', d.name, 'archivedAt', d.archived_at, 'createdAt', d.created_at) ORDER BY d.name)
                   FROM user_departments ud JOIN departments d ON d.id = ud.department_id WHERE ud.user_id = u.id), '[]') AS departments
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
      [tokenHash],
    );
    if (!row) return null;
    // The entities are filled in directly (TypeORM's create() cost more CPU than the statement).
    const user = Object.assign(new User(), {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      active: row.active,
      service: row.service,
      locale: row.locale,
      signature: row.signature,
      lastLoginAt: row.last_login_at,
      photoKey: row.photo_key,
      photoType: row.photo_type,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      departments: (row.departments as Array<{ id: string; name: string; archivedAt: string | null; createdAt: string }>).map((d) =>
        Object.assign(new Department(), { id: d.id, name: d.name, archivedAt: d.archivedAt ? new Date(d.archivedAt) : null, createdAt: new Date(d.createdAt) }),
      ),
    });
    const now = Date.now();
    if (now - (row.last_seen_at as Date).getTime() > DAY_MS) {
      await this.ds
        .getRepository(Session)
        .update({ tokenHash }, { lastSeenAt: new Date(now), expiresAt: new Date(now + this.sessionTtlDays * DAY_MS) });
    }
    return { user, tokenHash };
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

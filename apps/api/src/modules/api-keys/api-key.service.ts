import { ApiKey, User } from '@crm/db';
import { Role } from '@crm/shared';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { notFound } from '../../graphql/errors';
import { recordAudit } from '../audit/audit';
import type { ApiKeyScope } from './api-key.scopes';

/** Every key starts with this, so a leaked one is easy to spot (secret scanners, logs). */
export const API_KEY_PREFIX = 'crm_';
export const hashApiKey = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewApiKey {
  name: string;
  canWrite: boolean;
  modules: string[];
  expiresAt: Date | null;
}

export interface AuthenticatedKey {
  key: ApiKeyScope;
  user: User;
}

/** API keys: created by admins, shown once, stored as a hash; each acts as its own service user. */
export class ApiKeyService {
  constructor(private readonly ds: DataSource) {}

  list(): Promise<ApiKey[]> {
    return this.ds.getRepository(ApiKey).find({ order: { revokedAt: { direction: 'DESC', nulls: 'FIRST' }, createdAt: 'DESC' } });
  }

  /** Creates the key and its service user; returns the token, which is never shown again. */
  async create(actor: User, input: NewApiKey): Promise<{ key: ApiKey; token: string }> {
    const token = API_KEY_PREFIX + randomBytes(32).toString('base64url');
    const key = await this.ds.transaction(async (em) => {
      const [service] = await em
        .createQueryBuilder()
        .insert()
        .into(User)
        .values({
          email: `api-key-${randomBytes(8).toString('hex')}@service.invalid`,
          name: `API key: ${input.name}`.slice(0, 120),
          // Not a password hash: the service user can never sign in (login also refuses service users).
          passwordHash: '!',
          role: Role.Admin,
          service: true,
        })
        .returning('id')
        .execute()
        .then((r) => r.raw as Array<{ id: string }>);
      const saved = await em.getRepository(ApiKey).save({
        name: input.name,
        prefix: token.slice(0, 12),
        tokenHash: hashApiKey(token),
        canWrite: input.canWrite,
        modules: [...new Set(input.modules)],
        expiresAt: input.expiresAt,
        serviceUserId: service.id,
        createdById: actor.id,
      });
      await recordAudit(em, [
        { actorId: actor.id, action: 'create', entity: 'api_key', entityId: saved.id, changes: { name: [null, input.name], canWrite: [null, input.canWrite], modules: [null, saved.modules] } },
      ]);
      return saved;
    });
    return { key: await this.ds.getRepository(ApiKey).findOneByOrFail({ id: key.id }), token };
  }

  /** Revokes the key at once: its service user is deactivated with it. */
  async revoke(actor: User, id: string): Promise<ApiKey> {
    await this.ds.transaction(async (em) => {
      const key = await em.getRepository(ApiKey).findOneBy({ id });
      if (!key) throw notFound('API key');
      if (key.revokedAt) return;
      await em.getRepository(ApiKey).update(id, { revokedAt: new Date() });
      await em.getRepository(User).update(key.serviceUserId, { active: false });
      await recordAudit(em, [{ actorId: actor.id, action: 'revoke', entity: 'api_key', entityId: id }]);
    });
    return this.ds.getRepository(ApiKey).findOneByOrFail({ id });
  }

  /** The live key of a bearer token, with the service user it acts as; null when unknown, revoked or expired. */
  async authenticate(token: string): Promise<AuthenticatedKey | null> {
    if (!token.startsWith(API_KEY_PREFIX) || token.length > 200) return null;
    const key = await this.ds.getRepository(ApiKey).findOne({
      where: { tokenHash: hashApiKey(token), revokedAt: IsNull(), serviceUser: { active: true } },
      relations: { serviceUser: { departments: true } },
    });
    if (!key?.serviceUser || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) return null;
    // Last use, at most once a minute per key.
    await this.ds.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`, [key.id]);
    return { key: { id: key.id, name: key.name, canWrite: key.canWrite, modules: key.modules }, user: key.serviceUser };
  }
}

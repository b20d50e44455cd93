import { Department, type FileStorage, hashPassword, loadNameOrder, sanitizeSignature, SIGNATURE_MAX_LENGTH, User, verifyPassword } from '@crm/db';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Role } from '@crm/shared';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { badFields, fieldProblem, notFound, refused } from '../../graphql/errors';
import type { AuthService } from '../auth/auth.service';
import { diff, withAudit } from '../audit/audit';
import type { CreateUserInput, UpdateProfileInput, UpdateUserInput } from './user.inputs';

const emailTaken = () => badFields('A user with this email already exists.', { email: fieldProblem('EMAIL_TAKEN', 'A user with this email already exists.') }, 'CONFLICT');

function isUniqueViolation(err: unknown): boolean {
  return err instanceof QueryFailedError && (err.driverError as { code?: string })?.code === '23505';
}

/** Users of the organisation; admins manage them (the resolver enforces who calls). */
export class UserService {
  constructor(
    private readonly ds: DataSource,
    private readonly auth: AuthService,
    private readonly storage: FileStorage,
  ) {}

  private get repo() {
    return this.ds.getRepository(User);
  }

  /** Users, active first, each part in the organisation language's alphabetical order. */
  async list(): Promise<User[]> {
    const byName = await loadNameOrder(this.ds.manager);
    return this.repo
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.departments', 'd')
      .where('u.service = false')
      .orderBy('u.active', 'DESC')
      .addOrderBy(byName('lower(u.name)'), 'ASC')
      .addOrderBy('u.id', 'ASC')
      .getMany();
  }

  async assignable(): Promise<Array<Pick<User, 'id' | 'name'>>> {
    const byName = await loadNameOrder(this.ds.manager);
    return this.repo
      .createQueryBuilder('u')
      .select(['u.id', 'u.name'])
      .where('u.active AND NOT u.service')
      .orderBy(byName('lower(u.name)'), 'ASC')
      .addOrderBy('u.id', 'ASC')
      .getMany();
  }

  async setDepartments(actor: User, id: string, departmentIds: string[]): Promise<User> {
    const user = await this.get(id);
    const departments = departmentIds.length ? await this.ds.getRepository(Department).findBy({ id: In(departmentIds) }) : [];
    if (departments.length !== new Set(departmentIds).size) throw notFound('Department');
    const before = (user.departments ?? []).map((d) => d.id);
    await withAudit(this.ds, actor.id, 'user', 'update', async (em) => {
      await em.getRepository(User).save({ ...user, departments });
      return { id, changes: diff<{ departmentIds: string[] }>({ departmentIds: before }, { departmentIds: departments.map((d) => d.id) }, ['departmentIds']), result: undefined };
    });
    return this.get(id);
  }

  async get(id: string): Promise<User> {
    const user = await this.repo.findOne({ where: { id }, relations: { departments: true } });
    if (!user) throw notFound('User');
    return user;
  }

  async create(actor: User, input: CreateUserInput): Promise<User> {
    const values = { email: normalizeEmail(input.email), name: input.name.trim(), role: input.role, locale: input.locale };
    const passwordHash = await hashPassword(input.password);
    try {
      const id = await withAudit(this.ds, actor.id, 'user', 'create', async (em) => {
        const [row] = await em.createQueryBuilder().insert().into(User).values({ ...values, passwordHash }).returning('id').execute().then((r) => r.raw as Array<{ id: string }>);
        return { id: row.id, changes: { email: [null, values.email], role: [null, values.role] }, result: row.id };
      });
      return this.get(id);
    } catch (err) {
      if (isUniqueViolation(err)) throw emailTaken();
      throw err;
    }
  }

  async update(actor: User, id: string, input: UpdateUserInput): Promise<User> {
    const user = await this.get(id);
    if (actor.id === id && input.role && input.role !== Role.Admin) {
      throw badFields('You cannot remove your own admin role.', { role: { code: 'SELF_DEMOTE', text: 'You cannot remove your own admin role.' } });
    }
    const changes: Partial<User> = {};
    if (input.email !== undefined) changes.email = normalizeEmail(input.email);
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.role !== undefined) changes.role = input.role;
    if (input.locale !== undefined) changes.locale = input.locale;
    try {
      await withAudit(this.ds, actor.id, 'user', 'update', async (em) => {
        await em.getRepository(User).update(user.id, changes);
        return { id, changes: diff<User>(user, changes, ['email', 'name', 'role', 'locale']), result: undefined };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw emailTaken();
      throw err;
    }
    return this.get(id);
  }

  async setActive(actor: User, id: string, active: boolean): Promise<User> {
    const user = await this.get(id);
    if (actor.id === id && !active) throw refused('SELF_DEACTIVATE', 'You cannot deactivate yourself.');
    await withAudit(this.ds, actor.id, 'user', 'update', async (em) => {
      await em.getRepository(User).update(user.id, { active });
      if (!active) await this.auth.revokeAll(user.id, em);
      return { id, changes: diff<User>(user, { active }, ['active']), result: undefined };
    });
    return this.get(id);
  }

  async resetPassword(actor: User, id: string, password: string): Promise<void> {
    const user = await this.get(id);
    const passwordHash = await hashPassword(password);
    // The audit row says that the password changed, never what to.
    await withAudit(this.ds, actor.id, 'user', 'password_reset', async (em) => {
      await em.getRepository(User).update(user.id, { passwordHash });
      await this.auth.revokeAll(user.id, em);
      return { id, changes: {}, result: undefined };
    });
  }

  async updateProfile(actor: User, input: UpdateProfileInput): Promise<User> {
    const changes: Partial<User> = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.locale !== undefined) changes.locale = input.locale;
    if (input.signature !== undefined) {
      // Only the editor's allow-list (bold, italic, links, line breaks) is kept: it goes into mails as HTML.
      changes.signature = sanitizeSignature(input.signature);
      if ((changes.signature?.length ?? 0) > SIGNATURE_MAX_LENGTH) {
        throw badFields('The signature is too long.', { signature: fieldProblem('SIGNATURE_TOO_LONG', `Keep the signature under ${SIGNATURE_MAX_LENGTH} characters.`, { max: SIGNATURE_MAX_LENGTH }) });
      }
    }
    await withAudit(this.ds, actor.id, 'user', 'update', async (em) => {
      if (Object.keys(changes).length) await em.getRepository(User).update(actor.id, changes);
      return { id: actor.id, changes: diff<User>(actor, changes, ['name', 'locale', 'signature']), result: undefined };
    });
    return this.get(actor.id);
  }

  /**
   * Changes the signed-in user's password: the current one must be right; every other session of the
   * user ends (the one in use stays signed in).
   */
  async changeMyPassword(actor: User, keepTokenHash: string | null, currentPassword: string, newPassword: string): Promise<void> {
    const row = await this.repo.findOneOrFail({ where: { id: actor.id }, select: { id: true, passwordHash: true } });
    if (!(await verifyPassword(row.passwordHash, currentPassword))) {
      throw badFields('The current password is not right.', { currentPassword: fieldProblem('PASSWORD_WRONG', 'The current password is not right.') });
    }
    const passwordHash = await hashPassword(newPassword);
    await withAudit(this.ds, actor.id, 'user', 'password_change', async (em) => {
      await em.getRepository(User).update(actor.id, { passwordHash });
      await this.auth.revokeOthers(actor.id, keepTokenHash, em);
      return { id: actor.id, changes: {}, result: undefined };
    });
  }

  /**
   * Sets the signed-in user's photo from an image the browser has cropped to a square: PNG, JPEG or
   * WebP (recognised by its first bytes, not by what the client says), at most PHOTO_MAX_BYTES.
   */
  async setMyPhoto(actor: User, image: string): Promise<User> {
    const bytes = decodeImage(image);
    const type = imageType(bytes);
    if (!type) throw badFields('Choose a PNG, JPEG or WebP image.', { image: fieldProblem('PHOTO_TYPE', 'Choose a PNG, JPEG or WebP image.') });
    if (bytes.length > PHOTO_MAX_BYTES) throw badFields('The photo is too large.', { image: fieldProblem('PHOTO_TOO_LARGE', `Use an image under ${PHOTO_MAX_BYTES / 1024} KB.`, { maxKb: PHOTO_MAX_BYTES / 1024 }) });
    const key = `avatars/${actor.id}/${randomUUID()}`;
    await this.storage.put(key, Readable.from([bytes]));
    const before = await this.repo.findOneOrFail({ where: { id: actor.id }, select: { id: true, photoKey: true } });
    try {
      await withAudit(this.ds, actor.id, 'user', 'update', async (em) => {
        await em.getRepository(User).update(actor.id, { photoKey: key, photoType: type });
        return { id: actor.id, changes: { photo: [before.photoKey ? 'set' : null, 'set'] }, result: undefined };
      });
    } catch (err) {
      await this.storage.delete(key);
      throw err;
    }
    if (before.photoKey) await this.storage.delete(before.photoKey);
    return this.get(actor.id);
  }

  async removeMyPhoto(actor: User): Promise<User> {
    const before = await this.repo.findOneOrFail({ where: { id: actor.id }, select: { id: true, photoKey: true } });
    if (before.photoKey) {
      await withAudit(this.ds, actor.id, 'user', 'update', async (em) => {
        await em.getRepository(User).update(actor.id, { photoKey: null, photoType: null });
        return { id: actor.id, changes: { photo: ['set', null] }, result: undefined };
      });
      await this.storage.delete(before.photoKey);
    }
    return this.get(actor.id);
  }

  /** A user's photo for the signed-in: its type and bytes, or null when there is none. */
  async photo(userId: string): Promise<{ type: string; body: Readable } | null> {
    const user = await this.repo.findOne({ where: { id: userId }, select: { id: true, photoKey: true, photoType: true } });
    if (!user?.photoKey || !user.photoType) return null;
    return { type: user.photoType, body: await this.storage.get(user.photoKey) };
  }
}

/** The largest profile photo we keep (the browser sends a cropped square of a few hundred pixels). */
export const PHOTO_MAX_BYTES = 512 * 1024;

/** The bytes of a data URL or bare base64 string. */
function decodeImage(image: string): Buffer {
  const base64 = image.startsWith('data:') ? image.slice(image.indexOf(',') + 1) : image;
  if (!/^[A-Za-z0-9+/=\s]*$/.test(base64)) throw badFields('Send the photo as base64.', { image: fieldProblem('PHOTO_NOT_BASE64', 'Send the photo as base64.') });
  return Buffer.from(base64, 'base64');
}

function imageType(bytes: Buffer): string | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return null;
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

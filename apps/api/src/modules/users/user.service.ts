import { Department, hashPassword, User } from '@crm/db';
import { Role } from '@crm/shared';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { AppError, badInput, notFound } from '../../graphql/errors';
import type { AuthService } from '../auth/auth.service';
import { diff, withAudit } from '../audit/audit';
import type { CreateUserInput, UpdateProfileInput, UpdateUserInput } from './user.inputs';

const emailTaken = () => new AppError('CONFLICT', 'A user with this email already exists.', { fields: { email: 'A user with this email already exists.' } });

function isUniqueViolation(err: unknown): boolean {
  return err instanceof QueryFailedError && (err.driverError as { code?: string })?.code === '23505';
}

/** Users of the organisation; admins manage them (the resolver enforces who calls). */
export class UserService {
  constructor(
    private readonly ds: DataSource,
    private readonly auth: AuthService,
  ) {}

  private get repo() {
    return this.ds.getRepository(User);
  }

  list(): Promise<User[]> {
    return this.repo.find({ relations: { departments: true }, order: { active: 'DESC', name: 'ASC' } });
  }

  assignable(): Promise<Array<Pick<User, 'id' | 'name'>>> {
    return this.repo.find({ select: { id: true, name: true }, where: { active: true }, order: { name: 'ASC' } });
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
      throw badInput('You cannot remove your own admin role.', { role: 'You cannot remove your own admin role.' });
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
    if (actor.id === id && !active) throw badInput('You cannot deactivate yourself.');
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
    if (input.signature !== undefined) changes.signature = input.signature;
    await withAudit(this.ds, actor.id, 'user', 'update', async (em) => {
      if (Object.keys(changes).length) await em.getRepository(User).update(actor.id, changes);
      return { id: actor.id, changes: diff<User>(actor, changes, ['name', 'locale', 'signature']), result: undefined };
    });
    return this.get(actor.id);
  }
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

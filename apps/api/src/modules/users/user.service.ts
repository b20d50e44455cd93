import { Department, hashPassword, User } from '@crm/db';
import { Role } from '@crm/shared';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { AppError, badInput, notFound } from '../../graphql/errors';
import type { AuthService } from '../auth/auth.service';
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

  async setDepartments(id: string, departmentIds: string[]): Promise<User> {
    const user = await this.get(id);
    const departments = departmentIds.length ? await this.ds.getRepository(Department).findBy({ id: In(departmentIds) }) : [];
    if (departments.length !== new Set(departmentIds).size) throw notFound('Department');
    user.departments = departments;
    await this.repo.save(user);
    return this.get(id);
  }

  async get(id: string): Promise<User> {
    const user = await this.repo.findOne({ where: { id }, relations: { departments: true } });
    if (!user) throw notFound('User');
    return user;
  }

  async create(input: CreateUserInput): Promise<User> {
    try {
      const [row] = await this.repo
        .createQueryBuilder()
        .insert()
        .values({ email: normalizeEmail(input.email), name: input.name.trim(), role: input.role, locale: input.locale, passwordHash: await hashPassword(input.password) })
        .returning('id')
        .execute()
        .then((r) => r.raw as Array<{ id: string }>);
      return this.get(row.id);
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
      await this.repo.update(user.id, changes);
    } catch (err) {
      if (isUniqueViolation(err)) throw emailTaken();
      throw err;
    }
    return this.get(id);
  }

  async setActive(actor: User, id: string, active: boolean): Promise<User> {
    const user = await this.get(id);
    if (actor.id === id && !active) throw badInput('You cannot deactivate yourself.');
    await this.ds.transaction(async (em) => {
      await em.getRepository(User).update(user.id, { active });
      if (!active) await this.auth.revokeAll(user.id, em);
    });
    return this.get(id);
  }

  async resetPassword(id: string, password: string): Promise<void> {
    const user = await this.get(id);
    const passwordHash = await hashPassword(password);
    await this.ds.transaction(async (em) => {
      await em.getRepository(User).update(user.id, { passwordHash });
      await this.auth.revokeAll(user.id, em);
    });
  }

  async updateProfile(actor: User, input: UpdateProfileInput): Promise<User> {
    const changes: Partial<User> = {};
    if (input.name !== undefined) changes.name = input.name.trim();
    if (input.locale !== undefined) changes.locale = input.locale;
    if (input.signature !== undefined) changes.signature = input.signature;
    if (Object.keys(changes).length) await this.repo.update(actor.id, changes);
    return this.get(actor.id);
  }
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

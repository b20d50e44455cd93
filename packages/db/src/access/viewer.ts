import type { EntityManager } from 'typeorm';
import { User } from '../entities';
import { Role } from '@crm/shared';

/** Who is asking, with what limits their reads: role and departments. */
export interface Viewer {
  id: string;
  role: Role;
  /** Empty for admins and for users in no department: they see every department. */
  departmentIds: string[];
}

export function viewerOf(user: User): Viewer {
  // Departments limit everyone but admins (a country team's manager reads that team's numbers).
  const limited = user.role !== Role.Admin;
  return { id: user.id, role: user.role, departmentIds: limited ? (user.departments ?? []).map((d) => d.id) : [] };
}

/** The viewer of a user by id (the worker acts with the scope of the person behind an automation); null when gone or inactive. */
export async function loadViewer(em: EntityManager, userId: string): Promise<Viewer | null> {
  const user = await em.getRepository(User).findOne({ where: { id: userId, active: true }, relations: { departments: true } });
  return user ? viewerOf(user) : null;
}

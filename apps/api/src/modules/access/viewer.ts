import type { User } from '@crm/db';
import { isAtLeast, Role } from '@crm/shared';

/** Who is asking, with what limits their reads: role and departments. */
export interface Viewer {
  id: string;
  role: Role;
  /** Empty for admins and managers, and for users in no department: they see every department. */
  departmentIds: string[];
}

export function viewerOf(user: User): Viewer {
  const limited = !isAtLeast(user.role, Role.Manager);
  return { id: user.id, role: user.role, departmentIds: limited ? (user.departments ?? []).map((d) => d.id) : [] };
}

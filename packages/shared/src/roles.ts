/** User roles, from most to least powerful (PRODUCT.md 7). */
export enum Role {
  Admin = 'ADMIN',
  Manager = 'MANAGER',
  Normal = 'NORMAL',
  Restricted = 'RESTRICTED',
}

export const ROLES_BY_RANK: readonly Role[] = [Role.Admin, Role.Manager, Role.Normal, Role.Restricted];

/** The roles that are at least as powerful as `min` (for `@Authorized(...atLeast(Role.Manager))`). */
export function atLeast(min: Role): Role[] {
  return ROLES_BY_RANK.slice(0, ROLES_BY_RANK.indexOf(min) + 1);
}

export function isAtLeast(role: Role, min: Role): boolean {
  return ROLES_BY_RANK.indexOf(role) <= ROLES_BY_RANK.indexOf(min);
}

import { atLeast, isAtLeast, Role } from './roles';

describe('roles', () => {
  it('lists the roles at least as powerful as a given one', () => {
    expect(atLeast(Role.Admin)).toEqual([Role.Admin]);
    expect(atLeast(Role.Manager)).toEqual([Role.Admin, Role.Manager]);
    expect(atLeast(Role.Restricted)).toHaveLength(4);
  });

  it('compares roles by rank', () => {
    expect(isAtLeast(Role.Admin, Role.Manager)).toBe(true);
    expect(isAtLeast(Role.Normal, Role.Manager)).toBe(false);
    expect(isAtLeast(Role.Restricted, Role.Restricted)).toBe(true);
  });
});

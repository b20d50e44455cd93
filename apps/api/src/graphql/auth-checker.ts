import { Role } from '@crm/shared';
import { AuthCheckerInterface, ResolverData } from 'type-graphql';
import type { Context } from './context';
import { forbidden, notAuthenticated } from './errors';

/**
 * The one authorisation gate: `@Authorized()` needs a signed-in active user,
 * `@Authorized(atLeast(Role.Manager))` one of the listed roles.
 */
export class AuthChecker implements AuthCheckerInterface<Context, Role> {
  check({ context }: ResolverData<Context>, roles: Role[]): boolean {
    const user = context.user;
    if (!user || !user.active) throw notAuthenticated();
    if (roles.length > 0 && !roles.includes(user.role)) throw forbidden();
    return true;
  }
}

import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { HistoryEntry } from '../history/history.types';
import { AuditFilterInput } from './audit.types';

@Resolver(() => HistoryEntry)
export class AuditResolver {
  @Authorized(atLeast(Role.Admin))
  @Query(() => [HistoryEntry], { description: 'The audit log, newest first; `before` is the last id of the previous page' })
  auditLog(
    @Arg('filter', () => AuditFilterInput, { nullable: true }) filter: AuditFilterInput | null,
    @Arg('before', () => ID, { nullable: true }) before: string | null,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.history.auditLog(filter ?? {}, before, Math.min(Math.max(limit, 1), 500));
  }
}

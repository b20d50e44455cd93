import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { MassUndoResult, MassUpdateType } from './mass-undo.types';

// The roles that may run mass actions may undo their own; admins may undo anyone's (from the audit log).
const WORKERS = atLeast(Role.Restricted);

@Resolver(() => MassUpdateType)
export class MassUndoResolver {
  @Authorized(WORKERS)
  @Query(() => [MassUpdateType], { description: "Recent mass actions, newest first: an admin's view has everyone's, others see their own" })
  massUpdates(@Arg('limit', () => Int, { defaultValue: 20 }) limit: number, @Ctx() ctx: Context) {
    return ctx.services.massUndo.recent(currentViewer(ctx), Math.min(Math.max(limit, 1), 100));
  }

  @Authorized(WORKERS)
  @Mutation(() => MassUndoResult, { description: 'Undoes a mass action (its author or an admin, within 10 minutes) where the values are still as it left them' })
  undoMassUpdate(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.massUndo.undo(currentViewer(ctx), id);
  }
}

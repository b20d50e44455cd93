import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentUser, currentViewer } from '../../graphql/context';
import { TrashItem, TrashKind } from './trash.types';

const ADMIN = atLeast(Role.Admin);

@Resolver(() => TrashItem)
export class TrashResolver {
  @Authorized()
  @Mutation(() => Boolean, { description: 'Moves a client and its cards to the trash' })
  deleteClient(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.trash.deleteClient(currentViewer(ctx), id);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Moves a card to the trash' })
  deleteCard(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.trash.deleteCard(currentViewer(ctx), id);
  }

  @Authorized(ADMIN)
  @Query(() => [TrashItem], { description: 'Deleted items, newest first' })
  trash(@Arg('kind', () => TrashKind, { nullable: true }) kind: TrashKind | null, @Arg('limit', () => Int, { defaultValue: 200 }) limit: number, @Ctx() ctx: Context) {
    return ctx.services.trash.list(kind, Math.min(Math.max(limit, 1), 1000));
  }

  @Authorized(ADMIN)
  @Mutation(() => Boolean, { description: 'Restores an item (a client with the cards deleted with it)' })
  restoreFromTrash(@Arg('kind', () => TrashKind) kind: TrashKind, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.trash.restore(currentUser(ctx).id, kind, id);
  }

  @Authorized(ADMIN)
  @Mutation(() => Boolean, { description: 'Deletes an item in the trash for good' })
  purgeFromTrash(@Arg('kind', () => TrashKind) kind: TrashKind, @Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.trash.purge(currentUser(ctx).id, kind, id);
  }
}

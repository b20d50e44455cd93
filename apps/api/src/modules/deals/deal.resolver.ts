import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { DealInput, DealType } from './deal.types';

@Resolver(() => DealType)
export class DealResolver {
  @Authorized()
  @Query(() => [DealType], { description: 'Deals and payments of a client, newest first' })
  deals(@Arg('clientId', () => ID) clientId: string, @Ctx() ctx: Context) {
    return ctx.services.deals.list(currentViewer(ctx), clientId);
  }

  @Authorized()
  @Mutation(() => DealType)
  createDeal(@Arg('clientId', () => ID) clientId: string, @Arg('input') input: DealInput, @Ctx() ctx: Context) {
    return ctx.services.deals.create(currentViewer(ctx), clientId, input);
  }

  @Authorized()
  @Mutation(() => DealType)
  updateDeal(@Arg('id', () => ID) id: string, @Arg('input') input: DealInput, @Ctx() ctx: Context) {
    return ctx.services.deals.update(currentViewer(ctx), id, input);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Moves the deal to the trash' })
  deleteDeal(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.deals.delete(currentViewer(ctx), id);
  }
}

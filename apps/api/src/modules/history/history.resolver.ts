import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { HistoryEntry, HistoryKind } from './history.types';

@Resolver(() => HistoryEntry)
export class HistoryResolver {
  @Authorized()
  @Query(() => [HistoryEntry], { description: "A card's History, newest first, optionally of some kinds" })
  cardHistory(
    @Arg('cardId', () => ID) cardId: string,
    @Arg('kinds', () => [HistoryKind], { nullable: true }) kinds: HistoryKind[] | null,
    @Arg('limit', () => Int, { defaultValue: 200 }) limit: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.history.forCard(currentViewer(ctx), cardId, kinds?.length ? kinds : null, Math.min(Math.max(limit, 1), 500));
  }
}

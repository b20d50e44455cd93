import { Max, Min } from 'class-validator';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { selectedFields } from '../../graphql/selection';
import {
  AddClientToPipelineInput,
  BoardColumn,
  CardChanges,
  CardFilter,
  CardList,
  CardPage,
  CardSort,
  CardType,
  CreateCardInput,
  MassUpdateCardsInput,
  MassUpdateResult,
  MoveCardInput,
  PageInput,
  UpdateCardInput,
} from './card.types';

@ArgsType()
class ColumnPageArgs {
  @Field(() => ID)
  statusId: string;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => Int, { defaultValue: 50 })
  @Min(1)
  @Max(200)
  first: number;

  @Field(() => CardFilter, { nullable: true })
  filter?: CardFilter;
}

@Resolver(() => CardType)
export class CardResolver {
  @Authorized()
  @Query(() => [BoardColumn], { description: "A pipeline's open columns with counts, sums and the first page of cards" })
  board(
    @Arg('pipelineId', () => ID) pipelineId: string,
    @Arg('filter', () => CardFilter, { nullable: true }) filter: CardFilter | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Only the card fields asked for are read (the board's cards are most of what it reads and sends).
    return ctx.services.cards.board(currentViewer(ctx), pipelineId, filter, selectedFields(info, 'cards'));
  }

  @Authorized()
  @Query(() => CardPage, { description: 'The next cards of one column' })
  columnCards(@Args() { statusId, after, first, filter }: ColumnPageArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.services.cards.columnPage(currentViewer(ctx), statusId, after ?? null, first, filter, selectedFields(info, 'cards'));
  }

  @Authorized()
  @Query(() => CardChanges, { description: "Cards changed on a pipeline's board since a server time" })
  cardChanges(
    @Arg('pipelineId', () => ID) pipelineId: string,
    @Arg('since') since: Date,
    @Arg('filter', () => CardFilter, { nullable: true }) filter: CardFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.cards.changes(currentViewer(ctx), pipelineId, since, filter);
  }

  @Authorized()
  @Query(() => CardList, { description: 'A page of cards of a pipeline, filtered and sorted, with the total' })
  cards(
    @Arg('pipelineId', () => ID) pipelineId: string,
    @Arg('filter', () => CardFilter, { nullable: true }) filter: CardFilter | null,
    @Arg('sort', () => CardSort, { nullable: true }) sort: CardSort | null,
    @Arg('page', () => PageInput, { nullable: true }) page: PageInput | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.services.cards.list(currentViewer(ctx), pipelineId, filter, sort, page ?? { offset: 0, limit: 50 }, selectedFields(info, 'items'));
  }

  @Authorized()
  @Query(() => CardType)
  card(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.services.cards.get(currentViewer(ctx), id, undefined, selectedFields(info));
  }

  @Authorized()
  @Mutation(() => CardType)
  moveCard(@Arg('input') input: MoveCardInput, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.services.cards.move(currentViewer(ctx), input, selectedFields(info));
  }

  @Authorized()
  @Mutation(() => CardType, { description: "Sets a card's status, owner and/or value from the client card (with a History entry)" })
  updateCard(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateCardInput, @Ctx() ctx: Context) {
    return ctx.services.cards.update(currentViewer(ctx), id, input);
  }

  @Authorized()
  @Mutation(() => CardType, { description: 'Creates a client and its card at the top of a column' })
  createCard(@Arg('input') input: CreateCardInput, @Ctx() ctx: Context) {
    return ctx.services.cards.create(currentViewer(ctx), input);
  }

  @Authorized()
  @Mutation(() => CardType, { description: 'Gives an existing client a card in another pipeline' })
  addClientToPipeline(@Arg('input') input: AddClientToPipelineInput, @Ctx() ctx: Context) {
    return ctx.services.cards.addToPipeline(currentViewer(ctx), input);
  }

  @Authorized()
  @Mutation(() => MassUpdateResult)
  massUpdateCards(@Arg('input') input: MassUpdateCardsInput, @Ctx() ctx: Context) {
    return ctx.services.cards.massUpdate(currentViewer(ctx), input);
  }
}

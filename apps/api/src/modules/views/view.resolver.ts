import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { ViewInput, ViewKind, ViewType } from './view.types';

@Resolver(() => ViewType)
export class ViewResolver {
  @Authorized()
  @Query(() => [ViewType], { description: 'Your views and the shared ones' })
  views(
    @Arg('kind', () => ViewKind, { nullable: true }) kind: ViewKind | null,
    @Arg('pipelineId', () => ID, { nullable: true }) pipelineId: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.views.list(currentViewer(ctx), kind, pipelineId);
  }

  @Authorized()
  @Query(() => ViewType)
  view(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.views.get(currentViewer(ctx), id);
  }

  @Authorized()
  @Mutation(() => ViewType)
  createView(@Arg('input') input: ViewInput, @Ctx() ctx: Context) {
    return ctx.services.views.create(currentViewer(ctx), input);
  }

  @Authorized()
  @Mutation(() => ViewType)
  updateView(@Arg('id', () => ID) id: string, @Arg('input') input: ViewInput, @Ctx() ctx: Context) {
    return ctx.services.views.update(currentViewer(ctx), id, input);
  }

  @Authorized()
  @Mutation(() => Boolean)
  deleteView(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.views.delete(currentViewer(ctx), id);
  }
}

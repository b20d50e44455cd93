import { atLeast, Role } from '@crm/shared';
import { Length } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentUser } from '../../graphql/context';
import { CreateStatusInput, PipelineType, StatusType, UpdateStatusInput } from './pipeline.types';

const ADMIN = atLeast(Role.Admin);

@ArgsType()
class PipelineNameArgs {
  @Field()
  @Length(1, 120, { message: 'Enter a name of at most 120 characters.' })
  name: string;
}

@Resolver(() => PipelineType)
export class PipelineResolver {
  @Authorized()
  @Query(() => [PipelineType], { description: 'Active pipelines in order (all of them with includeArchived).' })
  pipelines(@Arg('includeArchived', { defaultValue: false }) includeArchived: boolean, @Ctx() ctx: Context) {
    return ctx.services.pipelines.list(includeArchived);
  }

  @Authorized()
  @Query(() => PipelineType)
  pipeline(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.pipelines.get(id);
  }

  @Authorized(ADMIN)
  @Mutation(() => PipelineType)
  createPipeline(@Args() { name }: PipelineNameArgs, @Ctx() ctx: Context) {
    return ctx.services.pipelines.create(currentUser(ctx).id, name);
  }

  @Authorized(ADMIN)
  @Mutation(() => PipelineType)
  renamePipeline(@Arg('id', () => ID) id: string, @Args() { name }: PipelineNameArgs, @Ctx() ctx: Context) {
    return ctx.services.pipelines.rename(currentUser(ctx).id, id, name);
  }

  @Authorized(ADMIN)
  @Mutation(() => PipelineType)
  setPipelineArchived(@Arg('id', () => ID) id: string, @Arg('archived') archived: boolean, @Ctx() ctx: Context) {
    return ctx.services.pipelines.setArchived(currentUser(ctx).id, id, archived);
  }

  @Authorized(ADMIN)
  @Mutation(() => StatusType)
  createStatus(@Arg('input') input: CreateStatusInput, @Ctx() ctx: Context) {
    return ctx.services.pipelines.createStatus(currentUser(ctx).id, input);
  }

  @Authorized(ADMIN)
  @Mutation(() => StatusType)
  updateStatus(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateStatusInput, @Ctx() ctx: Context) {
    return ctx.services.pipelines.updateStatus(currentUser(ctx).id, id, input);
  }

  @Authorized(ADMIN)
  @Mutation(() => PipelineType)
  reorderStatuses(@Arg('pipelineId', () => ID) pipelineId: string, @Arg('statusIds', () => [ID]) statusIds: string[], @Ctx() ctx: Context) {
    return ctx.services.pipelines.reorderStatuses(currentUser(ctx).id, pipelineId, statusIds);
  }

  @Authorized(ADMIN)
  @Mutation(() => StatusType)
  setStatusArchived(@Arg('id', () => ID) id: string, @Arg('archived') archived: boolean, @Ctx() ctx: Context) {
    return ctx.services.pipelines.setStatusArchived(currentUser(ctx).id, id, archived);
  }
}

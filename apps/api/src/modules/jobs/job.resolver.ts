import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { BackgroundJobType } from './job.types';

@Resolver(() => BackgroundJobType)
export class BackgroundJobResolver {
  @Authorized()
  @Query(() => BackgroundJobType, { description: 'Progress of long work; only its creator and admins see it' })
  backgroundJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.jobs.get(currentViewer(ctx), id);
  }

  @Authorized()
  @Mutation(() => BackgroundJobType, { description: 'Asks long work to stop before its next batch (what it committed stays)' })
  cancelBackgroundJob(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.jobs.cancel(currentViewer(ctx), id);
  }
}

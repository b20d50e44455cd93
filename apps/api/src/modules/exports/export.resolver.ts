import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { BackgroundJobType } from '../jobs/job.types';
import { exportRequestOf } from './export-job.service';
import { ExportInput, PastExportType } from './export.types';

const MANAGER = atLeast(Role.Manager);

// The file is fetched over plain HTTP when done: GET /exports/jobs/:id/file (export.routes.ts).
@Resolver()
export class ExportResolver {
  @Authorized(MANAGER)
  @Mutation(() => BackgroundJobType, { description: 'Prepares an export in the worker (the same request as POST /exports); follow it with backgroundJob' })
  startExport(@Arg('input', () => ExportInput) input: ExportInput, @Ctx() ctx: Context) {
    return ctx.services.exports.start(currentViewer(ctx), exportRequestOf(input), ctx.user?.locale);
  }

  @Authorized(MANAGER)
  @Query(() => [PastExportType], { description: 'Your latest exports prepared in the worker, newest first, with their files (an admin’s: everyone’s)' })
  pastExports(@Arg('limit', () => Int, { defaultValue: 20 }) limit: number, @Ctx() ctx: Context) {
    return ctx.services.exports.list(currentViewer(ctx), Math.min(Math.max(limit, 1), 100));
  }
}

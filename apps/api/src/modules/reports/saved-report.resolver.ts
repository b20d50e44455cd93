import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { RenameSavedReportInput, SavedReportInput, SavedReportType } from './saved-report.types';

// Whoever reads reports saves them; sharing and the weekly mail are for Managers and Admins.
const READERS = atLeast(Role.Normal);
const MANAGERS = atLeast(Role.Manager);

@Resolver(() => SavedReportType)
export class SavedReportResolver {
  @Authorized(READERS)
  @Query(() => [SavedReportType], { description: 'Your saved reports and the shared ones' })
  savedReports(@Ctx() ctx: Context) {
    return ctx.services.savedReports.list(currentViewer(ctx));
  }

  @Authorized(READERS)
  @Mutation(() => SavedReportType, { description: 'Saves the filter bar and widgets under a name' })
  createSavedReport(@Arg('input', () => SavedReportInput) input: SavedReportInput, @Ctx() ctx: Context) {
    return ctx.services.savedReports.create(currentViewer(ctx), input);
  }

  @Authorized(READERS)
  @Mutation(() => SavedReportType, { description: 'Renames a saved report (and shares it or not: Managers and Admins)' })
  renameSavedReport(@Arg('id', () => ID) id: string, @Arg('input', () => RenameSavedReportInput) input: RenameSavedReportInput, @Ctx() ctx: Context) {
    return ctx.services.savedReports.rename(currentViewer(ctx), id, input);
  }

  @Authorized(READERS)
  @Mutation(() => Boolean)
  deleteSavedReport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.savedReports.delete(currentViewer(ctx), id);
  }

  @Authorized(MANAGERS)
  @Mutation(() => SavedReportType, { description: 'The weekly summary mail of a saved report (Monday 07:00, organisation time), on or off' })
  subscribeSavedReport(@Arg('id', () => ID) id: string, @Arg('subscribed') subscribed: boolean, @Ctx() ctx: Context) {
    return ctx.services.savedReports.subscribe(currentViewer(ctx), id, subscribed);
  }
}

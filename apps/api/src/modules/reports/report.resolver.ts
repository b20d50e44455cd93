import { atLeast, Role } from '@crm/shared';
import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Context, currentViewer } from '../../graphql/context';
import { AutomationFigures, ForecastMonth, FunnelStep, TimeInStatus, OpenStatusValue, ReportFilterInput, ReportOutcomes, ReportType, SalespersonActivity, WeekCount } from './report.types';

// Managers and admins read everyone they may see; a Normal user reads their own numbers; Restricted none.
const READERS = atLeast(Role.Normal);

@Resolver(() => ReportType)
export class ReportResolver {
  @Authorized(READERS)
  @Query(() => ReportType, { description: 'The Reports page for one filter; ask only for the widgets you draw' })
  report(@Arg('filter', () => ReportFilterInput) filter: ReportFilterInput, @Ctx() ctx: Context) {
    return ctx.services.reports.report(currentViewer(ctx), filter);
  }

  @Authorized(READERS)
  @FieldResolver(() => [FunnelStep])
  funnel(@Root() report: ReportType, @Ctx() ctx: Context) {
    return ctx.services.reports.funnel(report.scope);
  }

  @Authorized(READERS)
  @FieldResolver(() => ReportOutcomes)
  outcomes(@Root() report: ReportType, @Ctx() ctx: Context) {
    return ctx.services.reports.outcomes(report.scope);
  }

  @Authorized(READERS)
  @FieldResolver(() => [OpenStatusValue])
  openPipeline(@Root() report: ReportType, @Ctx() ctx: Context) {
    return ctx.services.reports.openPipeline(report.scope);
  }

  @Authorized(READERS)
  @FieldResolver(() => [ForecastMonth], { description: 'Weighted forecast by expected close month' })
  forecast(@Root() report: ReportType, @Ctx() ctx: Context) {
    return ctx.services.reports.forecast(report.scope);
  }

  @Authorized(READERS)
  @FieldResolver(() => [SalespersonActivity])
  activity(@Root() report: ReportType, @Ctx() ctx: Context) {
    return ctx.services.reports.activity(report.scope);
  }

  @Authorized(READERS)
  @FieldResolver(() => [TimeInStatus])
  timeInStatus(@Root() report: ReportType, @Ctx() ctx: Context) {
    return ctx.services.reports.timeInStatus(report.scope);
  }

  @Authorized(READERS)
  @FieldResolver(() => [AutomationFigures])
  automations(@Root() report: ReportType, @Ctx() ctx: Context) {
    return ctx.services.reports.automations(report.scope);
  }

  @Authorized(READERS)
  @FieldResolver(() => [WeekCount])
  weekly(@Root() report: ReportType, @Ctx() ctx: Context) {
    return ctx.services.reports.weekly(report.scope);
  }
}

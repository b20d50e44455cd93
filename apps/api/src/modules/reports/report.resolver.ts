import { atLeast, Role } from '@crm/shared';
import { xlsxTable } from '@crm/db';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badFields, fieldProblem } from '../../graphql/errors';
import { Context, currentViewer } from '../../graphql/context';
import { AutomationFigures, ForecastMonth, FunnelStep, TimeInStatus, OpenStatusValue, ReportFilterInput, ReportOutcomes, ReportTableInput, ReportType, SalespersonActivity, WeekCount } from './report.types';

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
  @Mutation(() => String, { description: 'A widget or the leaderboard (its table as the page shows it) as an XLSX file, base64-encoded' })
  async reportXlsx(@Arg('input', () => ReportTableInput) input: ReportTableInput): Promise<string> {
    const width = input.header.length;
    const cellOk = (v: unknown) => v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
    const rows = input.rows as unknown[][];
    if (!rows.every((r) => Array.isArray(r) && r.length === width && r.every(cellOk))) {
      throw badFields('Each row needs one cell per column: text, a number or nothing.', { rows: fieldProblem('REPORT_ROWS', 'Give each row one cell per column.') });
    }
    return (await xlsxTable(input.title, input.header, rows as Array<Array<string | number | null>>)).toString('base64');
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

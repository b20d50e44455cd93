import { useQuery } from '@apollo/client/react';
import { memo } from 'react';
import { useTranslation } from '../../../app/i18n';
import { useSearchParams } from 'react-router-dom';
import type { ReportQuery } from '../../../graphql/generated/graphql';
import { EmptyState } from '../../../ui/EmptyState';
import { InlineLoading } from '../../../ui/FullPageLoading';
import { ReportsIcon } from '../../../ui/icons';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { NoAccess } from '../../auth/components/RequireAuth';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { useLabels } from '../../labels/hooks/useLabels';
import { useOrganisation } from '../../organisation/hooks/useOrganisation';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { useAssignableUsers } from '../../users/hooks/useAssignableUsers';
import { REPORT_QUERY } from '../graphql/reports';
import { formatDay } from '../../../ui/datetime';
import { useReportFormat, type ReportFormat } from '../utils/format';
import { isComplete, readReportFilter, shows as showsWidget, toReportInput, writeReportFilter, type ReportFilter } from '../utils/filter';
import { ActivityWidget, AutomationsWidget, ForecastWidget, FunnelWidget, OpenPipelineWidget, OutcomesWidget, TimeInStatusWidget, WeeklyWidget } from './widgets';
import { ReportFilterBar } from './ReportFilterBar';
import { loadReportChart } from './ReportWidget';
import { SavedReports } from './SavedReports';

export type Report = ReportQuery['report'];

// The charts' code comes with the page's, while its data is asked for (not after the data is here).
void loadReportChart();

/**
 * Every widget of the report. Drawn again only when the report, its widgets or the language change,
 * not as the filter bar's own lists (people, labels, pipelines) arrive.
 */
const ReportGrid = memo(function ReportGrid({ report, compare, widgets, format, loading }: { report: Report; compare: boolean; widgets: string; format: ReportFormat; loading: boolean }) {
  const chosen = { widgets: widgets ? (widgets.split(',') as ReportFilter['widgets']) : [] };
  const shows = (widget: ReportFilter['widgets'][number]) => showsWidget(chosen, widget);
  return (
    <div className={`report-grid${loading ? ' report-grid--stale' : ''}`} aria-busy={loading}>
      {shows('FUNNEL') && <FunnelWidget report={report} compare={compare} format={format} />}
      {shows('OUTCOMES') && <OutcomesWidget report={report} compare={compare} format={format} />}
      {shows('OPEN_PIPELINE') && <OpenPipelineWidget report={report} format={format} />}
      {shows('FORECAST') && <ForecastWidget report={report} format={format} />}
      {shows('WEEKLY') && <WeeklyWidget report={report} format={format} />}
      {shows('ACTIVITY') && <ActivityWidget report={report} format={format} />}
      {shows('TIME_IN_STATUS') && <TimeInStatusWidget report={report} format={format} />}
      {shows('AUTOMATIONS') && <AutomationsWidget report={report} format={format} />}
    </div>
  );
});

/** /reports: the manager dashboards, one filter in the URL for every widget. */
export function ReportsPage() {
  const user = useCurrentUser();
  if (user.role === 'RESTRICTED') return <NoAccess />;
  return <Reports chooseOwners={user.role !== 'NORMAL'} />;
}

function Reports({ chooseOwners }: { chooseOwners: boolean }) {
  const { t, i18n } = useTranslation();
  const { pipelines, loading: pipelinesLoading } = usePipelines();
  const users = useAssignableUsers();
  const departments = useLabels('DEPARTMENT').labels;
  const categories = useLabels('CATEGORY').labels;
  const tags = useLabels('TAG').labels;
  const baseCurrency = useOrganisation().organisation?.baseCurrency ?? null;
  const [params, setParams] = useSearchParams();
  const filter = readReportFilter(params, pipelines[0]?.id ?? '');
  const setFilter = (next: ReportFilter) => setParams(writeReportFilter(next));
  const complete = isComplete(filter);
  const { data, previousData, loading, error, refetch } = useQuery(REPORT_QUERY, {
    variables: { filter: toReportInput(filter) },
    skip: !complete,
  });
  const report = (data ?? previousData)?.report;
  const format = useReportFormat();

  const period = report?.period;
  const description = period
    ? t(filter.compare ? 'reports.periodLineCompare' : 'reports.periodLine', {
        from: formatDay(period.fromDay, i18n.language),
        to: formatDay(period.toDay, i18n.language),
        previousFrom: formatDay(period.previousFromDay, i18n.language),
        previousTo: formatDay(period.previousToDay, i18n.language),
        zone: period.timeZone,
      })
    : t('pages.reports.description');

  return (
    <div className="page page--wide reports">
      <PageHeader
        title={t('pages.reports.title')}
        description={description}
        actions={
          <button type="button" className="button button--secondary report-print" onClick={() => window.print()}>
            {t('reports.print')}
          </button>
        }
      />
      {!pipelinesLoading && pipelines.length === 0 ? (
        <EmptyState icon={<ReportsIcon />} title={t('pages.reports.emptyTitle')} body={t('pages.reports.emptyBody')} />
      ) : (
        <>
          <SavedReports filter={filter} onOpen={setFilter} />
          <ReportFilterBar
            filter={filter}
            onChange={setFilter}
            pipelines={pipelines}
            users={users}
            departments={departments}
            categories={categories}
            tags={tags}
            chooseOwners={chooseOwners}
            baseCurrency={baseCurrency}
          />
          {!complete && filter.pipelineId && <p className="report-hint">{t('reports.filter.chooseDays')}</p>}
          {error && !report ? (
            <LoadError title={t('reports.loadError')} error={error} onRetry={() => void refetch()} />
          ) : !report ? (
            <InlineLoading />
          ) : (
            <ReportGrid report={report} compare={filter.compare} widgets={filter.widgets.join()} format={format} loading={loading} />
          )}
          {!chooseOwners && <p className="report-hint">{t('reports.ownNumbers')}</p>}
        </>
      )}
    </div>
  );
}

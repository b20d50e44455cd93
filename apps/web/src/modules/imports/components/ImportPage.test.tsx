import { screen } from '@testing-library/react';
import { buildMe, meMock, renderApp } from '../../../../test/render';
import { navViewsMock } from '../../../../test/factories';
import { BACKGROUND_JOB_QUERY, IMPORT_RUN_QUERY, IMPORT_RUNS_QUERY } from '../graphql/imports';

const job = (id: string, kind: string, state: string, rowsDone: number, rowsTotal: number) => ({
  __typename: 'BackgroundJobType' as const,
  id,
  kind,
  state,
  rowsDone,
  rowsTotal,
  rowsPerSecond: null,
  secondsLeft: null,
  errorCode: null,
  errorParams: null,
  finishedAt: '2026-12-03T08:00:00.000Z',
});

const run = (over: Record<string, unknown> = {}) => ({
  __typename: 'ImportRunType' as const,
  id: 'imp-1',
  fileName: 'ügyfelek.csv',
  createdAt: '2026-12-01T08:00:00.000Z',
  undoneAt: null,
  undoUntil: '2099-12-31T08:00:00.000Z',
  rejectsPath: '/imports/imp-1/rejects',
  counts: { __typename: 'ImportCountsType' as const, created: 3, updated: 0, skipped: 0, rejected: 0 },
  job: job('imp-1', 'IMPORT', 'DONE', 3, 3),
  undoJob: null as ReturnType<typeof job> | null,
  ...over,
});

const jobMock = (j: ReturnType<typeof job>) => ({ request: { query: BACKGROUND_JOB_QUERY, variables: { id: j.id } }, result: { data: { backgroundJob: j } }, maxUsageCount: Number.POSITIVE_INFINITY });

describe('the import page and its undo', () => {
  it('shows where a stopped undo stopped and offers to undo again', async () => {
    const stopped = run({ undoJob: job('undo-1', 'IMPORT_UNDO', 'CANCELLED', 1, 3) });
    renderApp('/imports/imp-1', [
      meMock(buildMe({ role: 'MANAGER' })),
      navViewsMock(),
      { request: { query: IMPORT_RUN_QUERY, variables: { id: 'imp-1' } }, result: { data: { importRun: stopped } }, maxUsageCount: Number.POSITIVE_INFINITY },
      jobMock(stopped.job),
      jobMock(stopped.undoJob!),
    ]);
    expect(await screen.findByText('The undo stopped after 1 of 3 rows; undo again to go on.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Undoing the import' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Undoing the import' })).toHaveTextContent('Cancelled · 1 of 3 rows (33%)');
    expect(screen.getByRole('button', { name: 'Undo this import' })).toBeInTheDocument();
  });

  it('lists an import being undone and one undone as such', async () => {
    const undoing = run({ id: 'imp-2', fileName: 'folyamatban.csv', undoJob: job('undo-2', 'IMPORT_UNDO', 'RUNNING', 1, 3) });
    const undone = run({ id: 'imp-3', fileName: 'visszavonva.csv', undoneAt: '2026-12-02T08:00:00.000Z', undoJob: job('undo-3', 'IMPORT_UNDO', 'DONE', 3, 3) });
    renderApp('/imports', [meMock(buildMe({ role: 'MANAGER' })), navViewsMock(), { request: { query: IMPORT_RUNS_QUERY }, result: { data: { importRuns: [undoing, undone, run()] } } }]);
    const recent = await screen.findByRole('region', { name: 'Recent imports' });
    expect(await screen.findByText('folyamatban.csv')).toBeInTheDocument();
    const items = Array.from(recent.querySelectorAll('li')).map((li) => li.textContent);
    expect(items).toEqual([expect.stringMatching(/folyamatban\.csv .* · Being undone$/), expect.stringMatching(/visszavonva\.csv .* · Undone$/), expect.stringMatching(/ügyfelek\.csv .* · Done$/)]);
  });
});

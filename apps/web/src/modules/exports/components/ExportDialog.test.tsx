import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { CurrentUserContext } from '../../auth/hooks/useCurrentUser';
import { buildMe, graphQLError } from '../../../../test/render';
import { BACKGROUND_JOB_QUERY, CANCEL_BACKGROUND_JOB_MUTATION } from '../../imports/graphql/imports';
import { PAST_EXPORTS_QUERY, START_EXPORT_MUTATION } from '../graphql/exports';
import { fileNameOf } from '../hooks/useExportDownload';
import { ExportButton } from './ExportButton';

const source = { kind: 'clients' as const, filter: { text: 'kft' } };

/** A streamed answer in two chunks, as the server's export route sends it. */
function streamedResponse(chunks: string[], fileName: string) {
  const encoded = chunks.map((c) => new TextEncoder().encode(c));
  let i = 0;
  return {
    ok: true,
    status: 200,
    headers: new Map([
      ['content-disposition', `attachment; filename="x.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`],
      ['content-type', 'text/csv; charset=utf-8'],
    ]),
    body: { getReader: () => ({ read: async () => (i < encoded.length ? { done: false, value: encoded[i++] } : { done: true, value: undefined }) }) },
    json: async () => ({}),
  };
}

type Mock = MockLink.MockedResponse<Record<string, unknown>, Record<string, unknown>>;

type PastExport = { id: string; state: string; format: string | null; fileName: string | null; rows: number; createdAt: string };
const past = (id: string, state: string, fileName: string | null, rows: number): PastExport & { __typename: 'PastExportType' } => ({
  __typename: 'PastExportType',
  id,
  state,
  format: 'XLSX',
  fileName,
  rows,
  createdAt: '2026-11-29T09:00:00.000Z',
});

/** The past exports list: each read answers the next list (the last one repeats). */
function pastMock(lists: PastExport[][]): Mock {
  let call = 0;
  return {
    request: { query: PAST_EXPORTS_QUERY },
    result: () => ({ data: { pastExports: lists[Math.min(call++, lists.length - 1)] } }),
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

function renderButton(role: 'ADMIN' | 'MANAGER' | 'NORMAL' | 'RESTRICTED', total = 1234, mocks: Mock[] = []) {
  const withPast = mocks.some((m) => m.request.query === PAST_EXPORTS_QUERY) ? mocks : [...mocks, pastMock([[]])];
  return render(
    <MockedProvider mocks={withPast} mockLinkDefaultOptions={{ delay: 0 }}>
      <CurrentUserContext.Provider value={buildMe({ role })}>
        <ExportButton source={source} total={total} />
      </CurrentUserContext.Provider>
    </MockedProvider>,
  );
}

const job = (state: string, rowsDone: number, extra: Record<string, unknown> = {}) => ({
  __typename: 'BackgroundJobType' as const,
  id: 'job-1',
  kind: 'EXPORT',
  state,
  rowsDone,
  rowsTotal: null,
  rowsPerSecond: rowsDone ? 61_000 : null,
  secondsLeft: null,
  errorCode: null,
  errorParams: null,
  finishedAt: null,
  ...extra,
});

/** startExport for the client list as the dialog sends it, typed (not a loose JSON object). */
const startMock: Mock = {
  request: { query: START_EXPORT_MUTATION, variables: { input: { format: 'CSV', kind: 'CLIENTS', clientFilter: { text: 'kft' }, clientSort: null } } },
  result: { data: { startExport: job('QUEUED', 0) } },
};

/** The job as the worker moves it on: each poll answers the next state (the last one repeats). */
function jobMock(states: Array<ReturnType<typeof job>>): Mock {
  let call = 0;
  return {
    request: { query: BACKGROUND_JOB_QUERY, variables: { id: 'job-1' } },
    result: () => ({ data: { backgroundJob: states[Math.min(call++, states.length - 1)] } }),
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
}

describe('Export', () => {
  const originalFetch = global.fetch;
  afterEach(() => {
    global.fetch = originalFetch;
    sessionStorage.clear();
  });

  it('is offered to admins and managers only', () => {
    renderButton('NORMAL');
    expect(screen.queryByRole('button', { name: 'Export' })).toBeNull();
    renderButton('MANAGER');
    expect(screen.getByRole('button', { name: 'Export' })).toBeTruthy();
  });

  it('posts the list and the chosen format, and saves the streamed file', async () => {
    const fetchMock = jest.fn().mockResolvedValue(streamedResponse(['Name,Type\r\n', 'Győri Kft.,COMPANY\r\n'], 'Ügyfelek-2026-11-30.csv'));
    global.fetch = fetchMock as unknown as typeof fetch;
    const createObjectURL = jest.fn(() => 'blob:export');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const user = userEvent.setup();
    renderButton('ADMIN');

    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    expect(within(dialog).getByText('Download 1,234 rows with this list’s filters and visible columns.')).toBeTruthy();
    await user.click(within(dialog).getByRole('radio', { name: /CSV \(UTF-8\)/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));

    await waitFor(() => expect(within(dialog).getByRole('status').textContent).toContain('Ügyfelek-2026-11-30.csv is downloaded (1 KB).'));
    expect(fetchMock).toHaveBeenCalledWith('/exports', expect.objectContaining({ method: 'POST' }));
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ source, format: 'csv' });
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(clicked).toHaveBeenCalledTimes(1);
    clicked.mockRestore();
  });

  it('shows the server’s refusal as a translated message', async () => {
    global.fetch = jest.fn().mockResolvedValue({ ok: false, status: 403, body: null, headers: new Map(), json: async () => ({ error: { code: 'FORBIDDEN' } }) }) as unknown as typeof fetch;
    const user = userEvent.setup();
    renderButton('MANAGER');
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('button', { name: 'Download' }));
    expect((await screen.findByRole('alert')).textContent).toContain("You don't have permission to do that.");
  });

  it('prepares a large list in the background: progress, then a link to the file', async () => {
    const fetchMock = jest.fn();
    global.fetch = fetchMock as unknown as typeof fetch;
    const user = userEvent.setup();
    renderButton('MANAGER', 120_000, [startMock, jobMock([job('RUNNING', 40_000), job('DONE', 120_000, { finishedAt: '2026-11-30T10:00:00.000Z' })])]);

    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = screen.getByRole('dialog', { name: 'Export' });
    const background = within(dialog).getByRole('checkbox', { name: /Prepare the file in the background/ }) as HTMLInputElement;
    expect(background.checked).toBe(true); // 120,000 rows: the background is the default
    await user.click(within(dialog).getByRole('radio', { name: /CSV \(UTF-8\)/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Prepare the file' }));

    const progress = await within(dialog).findByRole('region', { name: 'Preparing the export' });
    await waitFor(() => expect(within(progress).getByRole('status').textContent).toContain('Running · 40,000 rows · 61,000 rows/s'));
    expect(within(progress).getByRole('button', { name: 'Cancel' })).toBeTruthy();

    const link = await within(dialog).findByRole('link', { name: 'Download the file' }, { timeout: 3000 });
    expect(link.getAttribute('href')).toBe('/exports/jobs/job-1/file');
    expect(within(progress).queryByRole('button', { name: 'Cancel' })).toBeNull();
    const bar = within(progress).getByRole('progressbar') as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([1, 1]); // full, not the busy animation, though the total was never known
    expect(fetchMock).not.toHaveBeenCalled(); // nothing streamed through the browser
  });

  it('lists the user’s past exports with links to the finished files, and shows a new one when its job is done', async () => {
    const older = [past('old-1', 'DONE', 'Ügyfelek-2026-11-29.xlsx', 1_250_000), past('old-2', 'FAILED', null, 0)];
    const user = userEvent.setup();
    renderButton('MANAGER', 120_000, [
      startMock,
      jobMock([job('RUNNING', 40_000), job('DONE', 120_000, { finishedAt: '2026-11-30T10:00:00.000Z' })]),
      pastMock([older, [past('job-1', 'DONE', 'Ügyfelek-2026-11-30.csv', 120_000), ...older]]),
    ]);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const list = await screen.findByRole('region', { name: 'Your recent exports' });
    const link = within(list).getByRole('link', { name: 'Ügyfelek-2026-11-29.xlsx' });
    expect(link.getAttribute('href')).toBe('/exports/jobs/old-1/file');
    expect(list.textContent).toContain('1,250,000 rows');
    // A failed one has no file: its format names it, without a link.
    expect(within(list).getByText('Excel workbook (.xlsx)').closest('a')).toBeNull();
    expect(within(list).getAllByRole('link')).toHaveLength(1);

    await user.click(screen.getByRole('radio', { name: /CSV \(UTF-8\)/ }));
    await user.click(screen.getByRole('button', { name: 'Prepare the file' }));
    const fresh = await within(list).findByRole('link', { name: 'Ügyfelek-2026-11-30.csv' }, { timeout: 3000 });
    expect(fresh.getAttribute('href')).toBe('/exports/jobs/job-1/file');
  });

  it('follows the same job after the dialog is closed and opened again', async () => {
    const user = userEvent.setup();
    renderButton('MANAGER', 120_000, [startMock, jobMock([job('RUNNING', 1_000)])]);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('radio', { name: /CSV \(UTF-8\)/ }));
    await user.click(screen.getByRole('button', { name: 'Prepare the file' }));
    await screen.findByRole('region', { name: 'Preparing the export' });
    await user.click(screen.getAllByRole('button', { name: 'Close' }).at(-1)!);
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Preparing the export' })).getByRole('status').textContent).toContain('1,000 rows'));
  });

  it('cancels a background export; no file is offered', async () => {
    let cancelled = false;
    const cancelMock: Mock = {
      request: { query: CANCEL_BACKGROUND_JOB_MUTATION, variables: { id: 'job-1' } },
      result: () => {
        cancelled = true;
        return { data: { cancelBackgroundJob: job('CANCELLING', 2_000) } };
      },
    };
    const polled: Mock = {
      request: { query: BACKGROUND_JOB_QUERY, variables: { id: 'job-1' } },
      result: () => ({ data: { backgroundJob: cancelled ? job('CANCELLED', 2_000, { finishedAt: '2026-11-30T10:00:00.000Z' }) : job('RUNNING', 2_000) } }),
      maxUsageCount: Number.POSITIVE_INFINITY,
    };
    const user = userEvent.setup();
    renderButton('ADMIN', 120_000, [startMock, cancelMock, polled]);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('radio', { name: /CSV \(UTF-8\)/ }));
    await user.click(screen.getByRole('button', { name: 'Prepare the file' }));
    const progress = await screen.findByRole('region', { name: 'Preparing the export' });
    await user.click(await within(progress).findByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('The export was cancelled; no file was kept.', undefined, { timeout: 3000 })).toBeTruthy();
    expect(cancelled).toBe(true);
    expect(screen.queryByRole('link', { name: 'Download the file' })).toBeNull();
  });

  it('shows a failed job and a refused start as translated messages', async () => {
    const failed = job('FAILED', 0, { errorCode: 'EXPORT_FAILED', errorParams: { reason: 'NOT_FOUND' }, finishedAt: '2026-11-30T10:00:00.000Z' });
    const user = userEvent.setup();
    const first = renderButton('MANAGER', 120_000, [startMock, jobMock([failed])]);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('radio', { name: /CSV \(UTF-8\)/ }));
    await user.click(screen.getByRole('button', { name: 'Prepare the file' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The list or view no longer exists, or you can no longer see it.');
    first.unmount();
    sessionStorage.clear();

    renderButton('MANAGER', 120_000, [{ request: startMock.request, result: { errors: [graphQLError('You may not do this.', { code: 'FORBIDDEN' })] } }]);
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('radio', { name: /CSV \(UTF-8\)/ }));
    await user.click(screen.getByRole('button', { name: 'Prepare the file' }));
    expect((await screen.findByRole('alert')).textContent).toContain("You don't have permission to do that.");
  });

  it('reads the UTF-8 file name of Content-Disposition', () => {
    expect(fileNameOf(`attachment; filename="_gyfelek.csv"; filename*=UTF-8''%C3%9Cgyfelek.csv`, 'x')).toBe('Ügyfelek.csv');
    expect(fileNameOf('attachment; filename="a.csv"', 'x')).toBe('a.csv');
    expect(fileNameOf(null, 'export.csv')).toBe('export.csv');
  });
});

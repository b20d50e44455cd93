import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CurrentUserContext } from '../../auth/hooks/useCurrentUser';
import { buildMe } from '../../../../test/render';
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

function renderButton(role: 'ADMIN' | 'MANAGER' | 'NORMAL' | 'RESTRICTED') {
  return render(
    <CurrentUserContext.Provider value={buildMe({ role })}>
      <ExportButton source={source} total={1234} />
    </CurrentUserContext.Provider>,
  );
}

describe('Export', () => {
  const originalFetch = global.fetch;
  afterEach(() => {
    global.fetch = originalFetch;
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

  it('reads the UTF-8 file name of Content-Disposition', () => {
    expect(fileNameOf(`attachment; filename="_gyfelek.csv"; filename*=UTF-8''%C3%9Cgyfelek.csv`, 'x')).toBe('Ügyfelek.csv');
    expect(fileNameOf('attachment; filename="a.csv"', 'x')).toBe('a.csv');
    expect(fileNameOf(null, 'export.csv')).toBe('export.csv');
  });
});

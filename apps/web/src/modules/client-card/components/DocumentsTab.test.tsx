import { screen, within } from '@testing-library/react';
import { renderApp } from '../../../../test/render';
import { DELETE_DOCUMENT_FOLDER_MUTATION, DOCUMENT_FOLDERS_QUERY, DOCUMENTS_QUERY } from '../graphql/documents';
import { DocumentsTab } from './DocumentsTab';

/** A stand-in for XMLHttpRequest that answers the upload with a fixed status and body. */
function fakeXhr(status: number, body: unknown, requests: string[]) {
  return class FakeXhr {
    status = 0;
    responseText = '';
    withCredentials = false;
    upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    open(method: string, url: string) {
      requests.push(`${method} ${url}`);
    }
    send(form: FormData) {
      expect(form.get('file')).toBeInstanceOf(File);
      setTimeout(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 } as ProgressEvent);
        this.status = status;
        this.responseText = JSON.stringify(body);
        this.onload?.();
      }, 0);
    }
  };
}

describe('Documents tab', () => {
  const original = window.XMLHttpRequest;
  afterEach(() => {
    window.XMLHttpRequest = original;
  });

  it('uploads a picked file to the card’s pipeline and shows why it was refused', async () => {
    const requests: string[] = [];
    window.XMLHttpRequest = fakeXhr(
      413,
      { error: { code: 'BAD_USER_INPUT', message: 'The file is larger than 25 MB.', reason: 'FILE_TOO_LARGE' } },
      requests,
    ) as unknown as typeof XMLHttpRequest;
    const { user } = renderApp(
      '/',
      [
        {
          request: { query: DOCUMENTS_QUERY, variables: { clientId: 'cl-1', pipelineId: 'p1' } },
          result: { data: { documents: [] } },
        },
      ],
      <DocumentsTab clientId="cl-1" pipelineId="p1" />,
    );

    await screen.findByRole('button', { name: /Drop files here/ });
    const file = new File(['%PDF-1.4'], 'offer.pdf', { type: 'application/pdf' });
    await user.upload(screen.getByLabelText('Choose files to upload'), file);

    expect(await screen.findByRole('alert')).toHaveTextContent('The file is larger than 25 MB.');
    expect(requests).toEqual(['POST /files?clientId=cl-1&pipelineId=p1&folder=']);
    expect(screen.getByText('offer.pdf')).toBeInTheDocument();
  });

  it('lists an empty folder the server keeps, and deletes it only when asked', async () => {
    const { user } = renderApp(
      '/',
      [
        { request: { query: DOCUMENTS_QUERY, variables: { clientId: 'cl-1', pipelineId: 'p1' } }, result: { data: { documents: [] } } },
        { request: { query: DOCUMENT_FOLDERS_QUERY, variables: { clientId: 'cl-1', pipelineId: 'p1' } }, result: { data: { documentFolders: ['', 'Szerződések'] } } },
        {
          request: { query: DELETE_DOCUMENT_FOLDER_MUTATION, variables: { clientId: 'cl-1', pipelineId: 'p1', name: 'Szerződések' } },
          result: { data: { deleteDocumentFolder: [''] } },
        },
      ],
      <DocumentsTab clientId="cl-1" pipelineId="p1" />,
    );
    const folders = await screen.findByRole('navigation', { name: 'Folders' });
    await user.click(await within(folders).findByRole('button', { name: /Szerződések/ }));
    expect(screen.getByText('“Szerződések” is empty. It stays until you delete it.')).toBeInTheDocument();
    expect(screen.getByText('They go into Szerződések.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete folder “Szerződések”' }));
    expect(await screen.findByText('Folder “Szerződések” deleted.')).toBeInTheDocument();
    expect(within(folders).queryByRole('button', { name: /Szerződések/ })).not.toBeInTheDocument();
    expect(screen.getByText('They go into Documents.')).toBeInTheDocument();
  });
});

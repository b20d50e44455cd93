import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import { INBOUND_MAIL_QUERY, INBOUND_MAIL_TEXT_QUERY } from '../graphql/mail';
import { InboundMailViewer } from './InboundMailViewer';

const mail = (overrides: Record<string, unknown>) => ({
  __typename: 'InboundMail' as const,
  id: 'i1',
  fromAddress: 'peter@kovacs.hu',
  fromName: 'Péter',
  toAddresses: ['sales@crm.example'],
  subject: 'Ajánlat',
  text: '',
  html: null,
  kind: 'CLIENT',
  clientId: 'c1',
  sentAt: null,
  receivedAt: '2026-03-01T09:00:00.000Z',
  detectedCharset: null,
  documentIds: [],
  candidateClientIds: [],
  attachments: [],
  inlineImages: [],
  calendarEvents: [],
  ...overrides,
});

function renderViewer(data: ReturnType<typeof mail>) {
  render(
    <MockedProvider mocks={[{ request: { query: INBOUND_MAIL_QUERY, variables: { id: 'i1' } }, result: { data: { inboundMail: data } } }]}>
      <InboundMailViewer mailId="i1" />
    </MockedProvider>,
  );
}

describe('InboundMailViewer', () => {
  it('shows an HTML-only mail sanitised in the sandboxed frame, remote images blocked until allowed', async () => {
    renderViewer(mail({ html: '<p onclick="steal()">Szia</p><script>alert(1)</script><img src="https://tracker.example/p.gif">' }));
    const frame = await screen.findByTitle('Received email: Ajánlat');
    expect(frame).toHaveAttribute('sandbox', '');
    const doc = frame.getAttribute('srcdoc')!;
    expect(doc).toContain('Szia');
    expect(doc).not.toContain('<script');
    expect(doc).not.toContain('onclick');
    expect(doc).not.toContain('tracker.example');
    expect(doc).toContain("img-src data:;");
    expect(screen.queryByText('This email has no plain-text part.')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Show 1 remote image' }));
    expect(screen.getByTitle('Received email: Ajánlat').getAttribute('srcdoc')).toContain('https://tracker.example/p.gif');
  });

  it('switches to the text alternative, and lists attachments with links to their documents', async () => {
    renderViewer(
      mail({
        html: '<p>Formázott</p>',
        text: 'Egyszerű',
        documentIds: ['d1'],
        attachments: [{ __typename: 'InboundAttachment', name: 'Árajánlat.pdf', mimeType: 'application/pdf', size: 2048, inline: false }],
      }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Plain text' }));
    expect(screen.getByLabelText('Message text')).toHaveTextContent('Egyszerű');
    expect(screen.getByRole('link', { name: 'Árajánlat.pdf' })).toHaveAttribute('href', '/files/d1');
  });

  it('names an unknown sender and wraps a long unbroken subject', async () => {
    renderViewer(mail({ fromAddress: null, fromName: null, subject: 'x'.repeat(300), text: 'body' }));
    expect(await screen.findByText('Unknown sender')).toBeInTheDocument();
    expect(screen.getByText('x'.repeat(300))).toHaveClass('mail-viewer__subject');
  });

  it('reads 8-bit text without a declared charset again in the charset the user picks', async () => {
    render(
      <MockedProvider
        mocks={[
          { request: { query: INBOUND_MAIL_QUERY, variables: { id: 'i1' } }, result: { data: { inboundMail: mail({ text: 'Árvíztűrő', detectedCharset: 'windows-1250' }) } } },
          { request: { query: INBOUND_MAIL_TEXT_QUERY, variables: { id: 'i1', charset: 'windows-1252' } }, result: { data: { inboundMailText: { __typename: 'InboundMailText', text: 'Árvíztûrõ', html: null } } } },
        ]}
      >
        <InboundMailViewer mailId="i1" />
      </MockedProvider>,
    );
    expect(await screen.findByLabelText('Message text')).toHaveTextContent('Árvíztűrő');
    await userEvent.selectOptions(screen.getByLabelText('Read as'), 'windows-1252');
    expect(await screen.findByText('Árvíztûrõ')).toBeInTheDocument();
  });

  it('shows inline (cid:) images from the mail itself', async () => {
    const dataUrl = 'data:image/png;base64,iVBORw0KGgo=';
    renderViewer(mail({ html: '<p>Logo:</p><img src="cid:logo@x" alt="logo">', inlineImages: [{ __typename: 'InboundInlineImage', contentId: 'logo@x', dataUrl }] }));
    const frame = await screen.findByTitle('Received email: Ajánlat');
    expect(frame.getAttribute('srcdoc')).toContain(`src="${dataUrl}"`);
    expect(screen.queryByRole('button', { name: /remote image/ })).not.toBeInTheDocument();
  });

  it('shows a calendar invite as an event summary', async () => {
    renderViewer(
      mail({
        text: 'See you',
        calendarEvents: [{ __typename: 'CalendarEvent', summary: 'Tárgyalás', start: '2026-12-03T09:00:00Z', end: '2026-12-03T10:00:00Z', location: 'Budapest', organizer: 'tim@apple.com', method: 'REQUEST' }],
      }),
    );
    const event = await screen.findByRole('region', { name: 'Event' });
    expect(event).toHaveTextContent('Event: Tárgyalás');
    expect(event).toHaveTextContent('Budapest');
    expect(event).toHaveTextContent('Organiser: tim@apple.com');
  });
});

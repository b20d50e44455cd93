import { screen, waitFor, within } from '@testing-library/react';
import { assignableUsersMock, buildBoardCard, buildStatus } from '../../../../test/factories';
import { buildOrganisation, organisationMock, renderApp } from '../../../../test/render';
import { LOOKUP_COMPANY_QUERY } from '../../company-lookup/graphql/company-lookup';
import { POSSIBLE_DUPLICATES_QUERY } from '../../duplicates/graphql/duplicates';
import { CREATE_CARD_MUTATION } from '../graphql/board';
import { NewCardDialog } from './NewCardDialog';

describe('New card dialog', () => {
  it('warns, with a link, that a client with the typed email exists, and still creates the card', async () => {
    const onCreated = jest.fn();
    const created = buildBoardCard({ id: 'c-new', clientName: 'Kovács Trade' });
    const { user } = renderApp(
      '/',
      [
        assignableUsersMock(),
        {
          request: { query: POSSIBLE_DUPLICATES_QUERY, variables: { input: { email: 'info@kovacs.hu' } } },
          result: { data: { possibleDuplicates: [{ __typename: 'Client', id: 'cl-7', name: 'Kovács Kft.' }] } },
        },
        {
          request: {
            query: CREATE_CARD_MUTATION,
            variables: {
              input: { statusId: 's1', client: { name: 'Kovács Trade', type: 'COMPANY', email: 'info@kovacs.hu' }, value: null, currency: 'EUR' },
            },
          },
          result: { data: { createCard: created } },
        },
      ],
      <NewCardDialog status={buildStatus()} onClose={() => undefined} onCreated={onCreated} />,
    );

    await user.type(screen.getByLabelText('Client name'), 'Kovács Trade');
    await user.type(screen.getByLabelText('Email'), 'info@kovacs.hu');

    const warning = await screen.findByText('A client with this email already exists:', {}, { timeout: 2000 });
    expect(within(warning).getByRole('link', { name: 'Kovács Kft.' })).toHaveAttribute('href', '/clients/cl-7');

    await user.click(screen.getByRole('button', { name: 'Add client' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'c-new' })));
  });

  it('takes the value as Hungarians type it ("1 250 000,50" is 1250000.50, never 1,250,001) and asks about an ambiguous one', async () => {
    const onCreated = jest.fn();
    const { user } = renderApp(
      '/',
      [
        assignableUsersMock(),
        {
          request: {
            query: CREATE_CARD_MUTATION,
            variables: { input: { statusId: 's1', client: { name: 'Tóth Bt.', type: 'COMPANY' }, value: 1250000.5, currency: 'HUF' } },
          },
          result: { data: { createCard: buildBoardCard({ id: 'c-2', clientName: 'Tóth Bt.' }) } },
        },
      ],
      <NewCardDialog status={buildStatus()} onClose={() => undefined} onCreated={onCreated} />,
    );
    await user.type(screen.getByLabelText('Client name'), 'Tóth Bt.');
    await user.type(screen.getByLabelText('Value'), '1.250');
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    expect(screen.getByText(/“1\.250” could be read two ways/)).toBeInTheDocument();
    expect(onCreated).not.toHaveBeenCalled();

    await user.clear(screen.getByLabelText('Value'));
    await user.type(screen.getByLabelText('Value'), '1 250 000,50');
    await user.selectOptions(screen.getByLabelText('Currency'), 'HUF');
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'c-2' })));
  });

  it('fills a new client from the registry by a valid tax number, and the card is created with it', async () => {
    const onCreated = jest.fn();
    const company = {
      __typename: 'CompanyLookup' as const,
      code: 'FOUND' as const,
      taxIdError: null,
      country: 'PL',
      taxId: '526-104-08-28',
      name: 'Główny Urząd Statystyczny',
      address: 'al. Niepodległości 208, 00-925 Warszawa',
      vatStatus: 'ACTIVE' as const,
      regon: '000331501',
      sources: ['GUS', 'VIES'],
    };
    const { user } = renderApp(
      '/',
      [
        assignableUsersMock(),
        organisationMock(buildOrganisation({ defaultCountry: 'PL', companyLookupCountries: ['PL', 'HU', 'SK', 'CZ'] })),
        { request: { query: LOOKUP_COMPANY_QUERY, variables: { taxId: '5261040828', country: 'PL' } }, result: { data: { lookupCompany: company } } },
        {
          request: {
            query: CREATE_CARD_MUTATION,
            variables: {
              input: {
                statusId: 's1',
                client: { name: 'Główny Urząd Statystyczny', type: 'COMPANY', taxId: '526-104-08-28', address: 'al. Niepodległości 208, 00-925 Warszawa' },
                value: null,
                currency: 'EUR',
              },
            },
          },
          result: { data: { createCard: buildBoardCard({ id: 'c-3', clientName: 'Główny Urząd Statystyczny' }) } },
        },
      ],
      <NewCardDialog status={buildStatus()} onClose={() => undefined} onCreated={onCreated} />,
    );
    // An invalid check digit is flagged, and offers nothing to fill.
    await user.type(screen.getByLabelText('Tax ID'), '5261040827');
    expect(screen.queryByRole('button', { name: 'Fill from registry' })).toBeNull();
    await user.clear(screen.getByLabelText('Tax ID'));
    // Ten digits read as the organisation's country (Poland), checked: the registry is offered.
    await user.type(screen.getByLabelText('Tax ID'), '5261040828');
    await user.click(await screen.findByRole('button', { name: 'Fill from registry' }));
    expect(await screen.findByText('Filled in from GUS, VIES. Registered for EU VAT.')).toBeInTheDocument();
    expect(screen.getByLabelText('Client name')).toHaveValue('Główny Urząd Statystyczny');
    expect(screen.getByLabelText('Address')).toHaveValue('al. Niepodległości 208, 00-925 Warszawa');
    expect(screen.getByLabelText('Tax ID')).toHaveValue('526-104-08-28');
    await user.click(screen.getByRole('button', { name: 'Add client' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ id: 'c-3' })));
  });

  it('says clearly when no registry is connected for the number’s country', async () => {
    const { user } = renderApp(
      '/',
      [assignableUsersMock(), organisationMock(buildOrganisation({ companyLookupCountries: [] }))],
      <NewCardDialog status={buildStatus()} onClose={() => undefined} onCreated={() => undefined} />,
    );
    await user.type(screen.getByLabelText('Tax ID'), '12345676-2-41');
    expect(await screen.findByText(/No company registry is connected for Hungarian tax numbers/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Fill from registry' })).toBeNull();
  });
});

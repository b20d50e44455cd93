import { screen, within } from '@testing-library/react';
import { useQuery } from '@apollo/client/react';
import { buildClientDetail, buildLabel, labelsMock } from '../../../../test/factories';
import { renderApp } from '../../../../test/render';
import { CLIENT_DETAIL_QUERY } from '../../clients/graphql/clients';
import { UPDATE_CLIENT_MUTATION } from '../graphql/client';
import { LabelsTab } from './LabelsTab';

const ref = (id: string, name: string) => ({ __typename: 'LabelRef' as const, id, name });
const vip = ref('cls-vip', 'VIP');
const hot = ref('t-hot', 'Hot');
const fleet = ref('t-fleet', 'Fleet');
const client = buildClientDetail({ classification: vip, tags: [hot, fleet] });

function answer(overrides: Parameters<typeof buildClientDetail>[0]) {
  const { contacts: _c, cards: _k, createdAt: _d, ...rest } = buildClientDetail({ ...client, ...overrides });
  return { data: { updateClient: { __typename: 'ClientUpdate', client: rest, possibleDuplicates: [] } } };
}

function CachedLabelsTab() {
  const { data } = useQuery(CLIENT_DETAIL_QUERY, { variables: { id: 'cl-1' } });
  return data ? <LabelsTab client={data.client} /> : null;
}

describe('Labels tab', () => {
  it('removes a tag (the full set without it) and clears the classification', async () => {
    const { user } = renderApp(
      '/',
      [
        { request: { query: CLIENT_DETAIL_QUERY, variables: { id: 'cl-1' } }, result: { data: { client } } },
        labelsMock('CATEGORY'),
        labelsMock('CLASSIFICATION', [buildLabel({ id: 'cls-vip', kind: 'CLASSIFICATION', name: 'VIP' })]),
        labelsMock('TAG', [buildLabel({ id: 't-hot', name: 'Hot' }), buildLabel({ id: 't-fleet', name: 'Fleet' })]),
        { request: { query: UPDATE_CLIENT_MUTATION, variables: { id: 'cl-1', input: { tagIds: ['t-fleet'] } } }, result: answer({ tags: [fleet] }) },
        { request: { query: UPDATE_CLIENT_MUTATION, variables: { id: 'cl-1', input: { classificationId: null } } }, result: answer({ tags: [fleet], classification: null }) },
      ],
      <CachedLabelsTab />,
    );

    const tags = await screen.findByRole('region', { name: 'Tags' });
    await user.click(within(tags).getByRole('button', { name: 'Remove “Hot”' }));
    expect(await screen.findByText('“Hot” removed.')).toBeInTheDocument();
    expect(within(tags).queryByText('Hot')).not.toBeInTheDocument();
    expect(within(tags).getByText('Fleet')).toBeInTheDocument();

    const classification = screen.getByRole('combobox', { name: 'Classification' });
    expect(classification).toHaveValue('cls-vip');
    await user.selectOptions(classification, 'Not classified');
    expect(await screen.findByText('Classification removed.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Classification' })).toHaveValue('');
  });
});

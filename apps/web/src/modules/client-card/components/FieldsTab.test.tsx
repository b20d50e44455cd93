import { screen, within } from '@testing-library/react';
import { graphQLError, renderApp } from '../../../../test/render';
import { assignableUsersMock, buildClientDetail, labelsMock } from '../../../../test/factories';
import { CARD_FIELDS_QUERY, SET_CARD_FIELD_VALUES_MUTATION } from '../graphql/fields';
import { FieldsTab } from './FieldsTab';

const field = (id: string, label: string, kind: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'CustomField' as const,
  id,
  label,
  kind,
  options: [],
  required: false,
  position: 0,
  ...extra,
});

describe('Fields tab', () => {
  it('saves changed values and shows the API error on the field it belongs to', async () => {
    const { user } = renderApp(
      '/',
      [
        assignableUsersMock(),
        labelsMock('DEPARTMENT'),
        {
          request: { query: CARD_FIELDS_QUERY, variables: { cardId: 'card-1', pipelineId: 'p1' } },
          result: {
            data: {
              card: { __typename: 'Card', id: 'card-1', customValues: { f2: 'Gold' } },
              customFields: [
                field('f1', 'VAT number', 'TEXT'),
                field('f2', 'Tier', 'SELECT', { options: ['Gold', 'Silver'] }),
                field('f3', 'Budget', 'MONEY'),
              ],
            },
          },
        },
        {
          request: {
            query: SET_CARD_FIELD_VALUES_MUTATION,
            variables: { cardId: 'card-1', values: [{ fieldId: 'f1', value: 'HU-12345678-2-41-extra' }] },
          },
          result: {
            errors: [graphQLError('Some values are not valid.', { code: 'BAD_USER_INPUT', fields: { f1: 'Use at most 20 characters.' } })],
          },
        },
      ],
      <FieldsTab client={buildClientDetail()} card={{ id: 'card-1', pipelineId: 'p1' }} />,
    );

    expect(await screen.findByLabelText('Tier')).toHaveValue('Gold');
    expect(screen.getByLabelText('Amount of Budget')).toBeInTheDocument();
    await user.type(screen.getByLabelText('VAT number'), 'HU-12345678-2-41-extra');
    const customForm = screen.getByRole('form', { name: 'Custom fields' });
    await user.click(within(customForm).getByRole('button', { name: 'Save changes' }));

    const input = screen.getByLabelText('VAT number');
    expect(await screen.findByText('Use at most 20 characters.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Use at most 20 characters.');
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import type { CustomFieldSettingsFragment } from '../../../graphql/generated/graphql';
import { buildMe, graphQLError, meMock, renderApp } from '../../../../test/render';
import { navViewsMock, pipelinesMock } from '../../../../test/factories';
import {
  CREATE_CUSTOM_FIELD_MUTATION,
  CUSTOM_FIELDS_SETTINGS_QUERY,
  REORDER_CUSTOM_FIELDS_MUTATION,
  SET_CUSTOM_FIELD_ARCHIVED_MUTATION,
  UPDATE_CUSTOM_FIELD_MUTATION,
} from '../graphql/fields';

type Vars = Record<string, unknown>;

function buildField(overrides: Partial<CustomFieldSettingsFragment> = {}) {
  return {
    __typename: 'CustomField' as const,
    id: 'f1',
    pipelineId: 'p1',
    label: 'Fleet size',
    kind: 'NUMBER' as const,
    options: [] as string[],
    required: false,
    position: 0,
    archivedAt: null as string | null,
    ...overrides,
  };
}

const salesFields = () => [
  buildField(),
  buildField({ id: 'f2', label: 'Lead source', kind: 'SELECT', options: ['Web', 'Fair'], position: 1 }),
  buildField({ id: 'f3', label: 'Contract end', kind: 'DATE', position: 2, required: true }),
];

const fieldsMock = (customFields: unknown[], includeArchived = false) => ({
  request: { query: CUSTOM_FIELDS_SETTINGS_QUERY, variables: { pipelineId: 'p1', includeArchived } },
  result: { data: { customFields } },
});

const baseMocks = () => [meMock(buildMe()), navViewsMock(), pipelinesMock()];

const fieldLabels = () =>
  within(screen.getByRole('list', { name: 'Fields of Sales' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.status-row__name')?.firstChild?.textContent);

describe('Settings › Custom fields', () => {
  it('creates a single-choice field with the choices in the order set in the dialog', async () => {
    let sent: Vars | null = null;
    const created = buildField({ id: 'f9', label: 'Fleet type', kind: 'SELECT', options: ['Truck', 'Car'], required: true, position: 0 });
    const { user } = renderApp('/settings/fields', [
      ...baseMocks(),
      fieldsMock([]),
      {
        request: {
          query: CREATE_CUSTOM_FIELD_MUTATION,
          variables: (variables: Vars) => {
            sent = variables;
            return true;
          },
        },
        result: { data: { createCustomField: created } },
      },
      fieldsMock([created]),
    ]);

    const empty = await screen.findByRole('region', { name: 'No fields yet' });
    expect(screen.getByRole('navigation', { name: 'Settings sections' })).toHaveTextContent('Custom fields');
    await user.click(within(empty).getByRole('button', { name: 'New field' }));
    const dialog = screen.getByRole('dialog', { name: 'New field' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Label' }), 'Fleet type');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Type' }), 'SELECT');

    const choices = within(dialog).getByRole('group', { name: 'Choices' });
    const newChoice = within(choices).getByRole('textbox', { name: 'New choice' });
    await user.type(newChoice, 'Car{Enter}');
    await user.type(newChoice, 'Van{Enter}');
    await user.type(newChoice, 'car{Enter}');
    expect(choices).toHaveTextContent('This choice is already in the list.');
    await user.clear(newChoice);
    await user.type(newChoice, 'Truck');
    await user.click(within(choices).getByRole('button', { name: 'Add choice' }));
    await user.click(within(choices).getByRole('button', { name: 'Remove choice Van' }));
    await user.click(within(choices).getByRole('button', { name: 'Move choice Truck up' }));
    expect(within(choices).getAllByRole('textbox', { name: /^Choice \d$/ }).map((input) => (input as HTMLInputElement).value)).toEqual(['Truck', 'Car']);
    await user.click(within(dialog).getByRole('checkbox', { name: /Required/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('Field "Fleet type" added to Sales.')).toBeInTheDocument();
    expect(sent).toEqual({ pipelineId: 'p1', input: { label: 'Fleet type', kind: 'SELECT', options: ['Truck', 'Car'], required: true } });
    expect(await screen.findByRole('list', { name: 'Fields of Sales' })).toHaveTextContent('Single choice · Truck, Car');
  });

  it('shows the API’s error about the choices on the choices, with the type read-only', async () => {
    let sent: Vars | null = null;
    const { user } = renderApp('/settings/fields', [
      ...baseMocks(),
      fieldsMock(salesFields()),
      {
        request: {
          query: UPDATE_CUSTOM_FIELD_MUTATION,
          variables: (variables: Vars) => {
            sent = variables;
            return true;
          },
        },
        result: { errors: [graphQLError('Some values are not valid.', { code: 'BAD_USER_INPUT', fields: { options: 'Each choice needs 1 to 120 characters.' } })] },
      },
    ]);

    await user.click(await screen.findByRole('button', { name: 'Edit Lead source' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Lead source' });
    const kind = within(dialog).getByRole('textbox', { name: 'Type' });
    expect(kind).toHaveValue('Single choice');
    expect(kind).toHaveAttribute('readonly');
    expect(within(dialog).queryByRole('combobox', { name: 'Type' })).not.toBeInTheDocument();

    const choices = within(dialog).getByRole('group', { name: 'Choices' });
    await user.type(within(choices).getByRole('textbox', { name: 'Choice 2' }), ' 2025');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(choices).toHaveAccessibleDescription('Each choice needs 1 to 120 characters.'));
    expect(choices).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toEqual({ id: 'f2', input: { label: 'Lead source', kind: 'SELECT', options: ['Web', 'Fair 2025'], required: false } });
    // The message sits on the choices only, not repeated as a general alert; the dialog stays open.
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Edit Lead source' })).toBeInTheDocument();
  });

  it('reorders with the keyboard by dragging the handle and sends the new order', async () => {
    let sent: Vars | null = null;
    const [fleet, source, contract] = salesFields();
    const { user } = renderApp('/settings/fields', [
      ...baseMocks(),
      fieldsMock(salesFields()),
      {
        request: {
          query: REORDER_CUSTOM_FIELDS_MUTATION,
          variables: (variables: Vars) => {
            sent = variables;
            return true;
          },
        },
        result: {
          data: {
            reorderCustomFields: [{ ...source, position: 0 }, { ...fleet, position: 1 }, { ...contract, position: 2 }],
          },
        },
      },
    ]);

    const handle = await screen.findByRole('button', { name: 'Drag to reorder Fleet size' });
    expect(fieldLabels()).toEqual(['Fleet size', 'Lead source', 'Contract end']);
    expect(screen.getByRole('button', { name: 'Move Fleet size up' })).toBeDisabled();
    // jsdom has no layout: give each row its own place so the keyboard sensor can find the next one.
    within(screen.getByRole('list', { name: 'Fields of Sales' }))
      .getAllByRole('listitem')
      .forEach((row, index) => {
        row.getBoundingClientRect = () =>
          ({ x: 0, y: index * 56, left: 0, top: index * 56, width: 400, height: 54, right: 400, bottom: index * 56 + 54, toJSON: () => ({}) }) as DOMRect;
      });
    handle.focus();
    await user.keyboard(' ');
    await user.keyboard('{ArrowDown}');
    await user.keyboard(' ');

    await waitFor(() => expect(sent).toEqual({ pipelineId: 'p1', fieldIds: ['f2', 'f1', 'f3'] }));
    expect(fieldLabels()).toEqual(['Lead source', 'Fleet size', 'Contract end']);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows archived fields under the switch and restores one', async () => {
    let sent: Vars | null = null;
    const archived = buildField({ id: 'f7', label: 'Old budget', kind: 'MONEY', position: 3, archivedAt: '2025-01-02T10:00:00.000Z' });
    const { user } = renderApp('/settings/fields', [
      ...baseMocks(),
      fieldsMock(salesFields()),
      fieldsMock([...salesFields(), archived], true),
      {
        request: {
          query: SET_CUSTOM_FIELD_ARCHIVED_MUTATION,
          variables: (variables: Vars) => {
            sent = variables;
            return true;
          },
        },
        result: { data: { setCustomFieldArchived: { ...archived, archivedAt: null } } },
      },
      fieldsMock([...salesFields(), { ...archived, archivedAt: null }], true),
    ]);

    await screen.findByRole('list', { name: 'Fields of Sales' });
    expect(screen.queryByText('Old budget')).not.toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Show archived' }));
    const archivedList = await screen.findByRole('list', { name: 'Archived fields' });
    expect(archivedList).toHaveTextContent('Old budget');

    await user.click(within(archivedList).getByRole('button', { name: 'Restore Old budget' }));
    expect(await screen.findByText('"Old budget" restored.')).toBeInTheDocument();
    expect(sent).toEqual({ id: 'f7', archived: false });
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../../test/render';
import { assignableUsersMock, buildPipeline, labelsMock, pipelinesMock } from '../../../../test/factories';
import { CREATE_LIST_MUTATION, LIST_CUSTOM_FIELDS_QUERY, UPDATE_LIST_MUTATION } from '../graphql/campaigns';
import { ListDialog } from './ListDialog';

const field = (id: string, pipelineId: string, label: string, kind: string, options: string[] = []) => ({ __typename: 'CustomField' as const, id, pipelineId, label, kind, options, position: 0 });
const fields = [
  field('f-region', 'p1', 'Region', 'SELECT', ['North', 'South']),
  field('f-staff', 'p1', 'Staff', 'NUMBER'),
  field('f-renewal', 'p2', 'Renewal', 'DATE'),
  field('f-owner', 'p2', 'Account manager', 'USER'), // not a kind lists filter on
];
const filter = (custom: Array<{ fieldId: string; value?: unknown; min?: unknown; max?: unknown }>) => ({
  __typename: 'ListFilter' as const,
  text: null,
  type: null,
  categoryIds: [],
  classificationIds: [],
  tagIds: [],
  departmentIds: [],
  ownerIds: [],
  pipelineIds: [],
  statusIds: ['s2'],
  custom: custom.map((c) => ({ __typename: 'ListCustomCondition' as const, value: null, min: null, max: null, ...c })),
});
const savedList = (custom: Parameters<typeof filter>[0]) => ({
  __typename: 'DistributionList' as const,
  id: 'list-1',
  name: 'North mid',
  kind: 'DYNAMIC',
  channel: 'EMAIL',
  recipients: 'PRIMARY',
  role: null,
  clientCount: 2,
  updatedAt: '2026-12-01T10:00:00.000Z',
  filter: filter(custom),
});
const baseMocks = () => [
  ...['CATEGORY', 'CLASSIFICATION', 'TAG', 'DEPARTMENT'].map((kind) => labelsMock(kind)),
  pipelinesMock([buildPipeline(), buildPipeline({ id: 'p2', name: 'Support', statuses: [] })]),
  assignableUsersMock(),
  { request: { query: LIST_CUSTOM_FIELDS_QUERY }, result: { data: { customFields: fields } }, maxUsageCount: Number.POSITIVE_INFINITY },
];

/** The dialog for a new list (or `list`), with what it sends on Save. */
function renderDialog(list?: ReturnType<typeof savedList>) {
  let input: any = null;
  const onSaved = jest.fn();
  const [query, field] = list ? [UPDATE_LIST_MUTATION, 'updateDistributionList'] : [CREATE_LIST_MUTATION, 'createDistributionList'];
  const save = {
    request: { query, variables: () => true },
    result: (variables: any) => {
      input = variables.input;
      return { data: { [field]: savedList([]) } };
    },
  };
  const { user } = renderApp('/', [...baseMocks(), save], <ListDialog list={list} onClose={() => undefined} onSaved={onSaved} />);
  return { user, onSaved, sent: () => input };
}

describe('Campaigns › list editor › dynamic filter', () => {
  it('adds a number range and a choice to a dynamic list and saves them typed for the API', async () => {
    const { user, onSaved, sent } = renderDialog();
    await user.type(await screen.findByLabelText('Name'), 'North mid');
    await user.selectOptions(screen.getByLabelText('Type'), 'DYNAMIC');
    await user.click(await screen.findByRole('button', { name: 'Add a custom field condition' }));
    const first = screen.getByRole('group', { name: 'Custom field condition 1' });
    // Fields grouped by pipeline; kinds a list cannot filter on are not offered.
    const picker = within(first).getByLabelText('Field of condition 1');
    expect(within(picker).getByRole('group', { name: 'Support' })).toBeInTheDocument();
    expect(within(picker).queryByRole('option', { name: 'Account manager' })).toBeNull();
    await user.selectOptions(picker, 'Staff');
    await user.type(within(first).getByLabelText('Staff from'), '10');
    await user.type(within(first).getByLabelText('Staff to'), '80');
    await user.click(screen.getByRole('button', { name: 'Add a custom field condition' }));
    const second = screen.getByRole('group', { name: 'Custom field condition 2' });
    await user.selectOptions(within(second).getByLabelText('Field of condition 2'), 'Region');
    await user.selectOptions(within(second).getByLabelText('Region is'), 'North');
    // A third, left without a field, is not sent.
    await user.click(screen.getByRole('button', { name: 'Add a custom field condition' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent().filter.custom).toEqual([
      { fieldId: 'f-staff', min: 10, max: 80 },
      { fieldId: 'f-region', value: 'North' },
    ]);
  });

  it('filters a dynamic list by pipeline, status and owner; statuses follow the chosen pipelines', async () => {
    const { user, onSaved, sent } = renderDialog();
    await user.type(await screen.findByLabelText('Name'), 'Contacted in Sales');
    await user.selectOptions(screen.getByLabelText('Type'), 'DYNAMIC');
    await user.click(await screen.findByRole('button', { name: /^Status/ }));
    // Every pipeline's statuses, named with their pipeline, until a pipeline is chosen.
    expect(await screen.findByRole('checkbox', { name: 'Sales › Contacted' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: /^Pipeline/ }));
    await user.click(await screen.findByRole('checkbox', { name: 'Sales' }));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: /^Status/ }));
    await user.click(await screen.findByRole('checkbox', { name: 'Sales › Contacted' }));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: /^Owner/ }));
    await user.click(await screen.findByRole('checkbox', { name: 'Cecília Tóth' }));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent().filter).toMatchObject({ pipelineIds: ['p1'], statusIds: ['s2'], ownerIds: ['u-2'] });
  });

  it("shows a list's saved conditions, removes one, and keeps its status filter", async () => {
    const { user, onSaved, sent } = renderDialog(savedList([{ fieldId: 'f-region', value: 'South' }, { fieldId: 'f-renewal', min: '2027-02-01', max: '2027-02-28' }]));
    expect(await screen.findByLabelText('Region is')).toHaveValue('South');
    expect(screen.getByLabelText('Renewal from')).toHaveValue('2027-02-01');
    expect(screen.getByLabelText('Renewal to')).toHaveValue('2027-02-28');
    await user.click(screen.getByRole('button', { name: 'Remove condition 1' }));
    expect(screen.queryByLabelText('Region is')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(sent().filter).toMatchObject({ statusIds: ['s2'], custom: [{ fieldId: 'f-renewal', min: '2027-02-01', max: '2027-02-28' }] });
  });
});

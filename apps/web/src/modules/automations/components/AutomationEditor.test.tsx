import { screen, waitFor, within } from '@testing-library/react';
import { buildMe, meMock, renderApp } from '../../../../test/render';
import { navViewsMock, pipelinesMock } from '../../../../test/factories';
import type { AutomationFieldsFragment, AutomationInput } from '../../../graphql/generated/graphql';
import {
  ACTIVATE_AUTOMATION_MUTATION,
  AUTOMATION_EDITOR_OPTIONS_QUERY,
  AUTOMATION_QUERY,
  STOP_AUTOMATION_MUTATION,
  UPDATE_AUTOMATION_MUTATION,
} from '../graphql/automations';

type Vars = Record<string, unknown>;

function buildStep(overrides: Partial<AutomationFieldsFragment['steps'][number]> = {}) {
  return {
    __typename: 'AutomationStep' as const,
    id: 'st-1',
    kind: 'EMAIL_TO_CONTACT' as const,
    delayDays: 0,
    weekday: null,
    hour: 9,
    emailTemplateId: 'et-1',
    todoTemplateId: null,
    recipient: 'PRIMARY_CONTACT',
    recipientUserId: null,
    sender: 'OWNER',
    senderUserId: null,
    ...overrides,
  };
}

function buildAutomation(overrides: Partial<AutomationFieldsFragment> = {}) {
  return {
    __typename: 'Automation' as const,
    id: 'a1',
    pipelineId: 'p1',
    name: 'Follow up after the offer',
    state: 'DRAFT',
    triggerKind: 'STATUS' as const,
    triggerStatusId: 's2',
    triggerViewId: null,
    mode: 'CONTINUOUS' as const,
    onlyNew: false,
    reEnrol: false,
    stopOnReply: false,
    activatedAt: null,
    createdById: 'u1',
    pausedReason: null,
    updatedAt: '2026-03-01T09:00:00.000Z',
    stats: { __typename: 'AutomationStats' as const, enrolled: 0, stepsDone: 0, stepsPending: 0, failures: 0, skipped: 0 },
    problems: [],
    steps: [
      buildStep(),
      buildStep({ id: 'st-2', kind: 'TODO_FOR_USER', delayDays: 2, emailTemplateId: null, todoTemplateId: 'tt-1', recipient: 'OWNER' }),
    ],
    ...overrides,
  };
}

const optionsMock = () => ({
  request: { query: AUTOMATION_EDITOR_OPTIONS_QUERY, variables: { pipelineId: 'p1' } },
  result: {
    data: {
      views: [],
      emailTemplates: [{ __typename: 'EmailTemplate' as const, id: 'et-1', name: 'Offer follow-up', category: null }],
      todoTemplates: [{ __typename: 'TodoTemplate' as const, id: 'tt-1', title: 'Call after the offer' }],
      assignableUsers: [{ __typename: 'UserRef' as const, id: 'u-1', name: 'Béla Nagy' }],
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

/** The update mutation: records what was sent and answers with the saved automation. */
function updateMock(onSend: (input: AutomationInput) => void) {
  return {
    request: {
      query: UPDATE_AUTOMATION_MUTATION,
      variables: (variables: Vars) => {
        onSend(variables.input as AutomationInput);
        return true;
      },
    },
    result: (variables: Vars) => {
      const input = variables.input as AutomationInput;
      return {
        data: {
          updateAutomation: buildAutomation({
            name: input.name,
            steps: input.steps.map((step, index) =>
              buildStep({
                id: step.id ?? `st-new-${index}`,
                kind: step.kind,
                delayDays: step.delayDays,
                weekday: step.weekday ?? null,
                hour: step.hour ?? null,
                emailTemplateId: step.emailTemplateId ?? null,
                todoTemplateId: step.todoTemplateId ?? null,
                recipient: step.recipient,
                sender: step.sender,
              }),
            ),
          }),
        },
      };
    },
  };
}

function renderEditor(automation = buildAutomation(), extra: Parameters<typeof renderApp>[1] = [], me = buildMe()) {
  return renderApp('/automations/p1/a1', [
    meMock(me),
    navViewsMock(),
    pipelinesMock(),
    optionsMock(),
    { request: { query: AUTOMATION_QUERY, variables: { id: 'a1' } }, result: { data: { automation } }, maxUsageCount: Number.POSITIVE_INFINITY },
    ...extra,
  ]);
}

const stepList = () => screen.findByRole('list', { name: 'Steps, in order' }, { timeout: 5000 });
const stepSummaries = () =>
  within(screen.getByRole('list', { name: 'Steps, in order' }))
    .getAllByRole('button', { pressed: false })
    .concat()
    .map((button) => button.getAttribute('aria-label'))
    .filter((label): label is string => !!label && label.startsWith('Step '));

describe('Automation editor', () => {
  it('shows the sequence as a timeline with each step’s day, hour, action and template', async () => {
    renderEditor();
    await stepList();
    expect(stepSummaries()).toEqual([
      'Step 1: Day 0 · 09:00 · Email to the primary contact: Offer follow-up',
      'Step 2: Day 2 · 09:00 · Todo for the owner: Call after the offer',
    ]);
    expect(screen.getByText('Cards in status Contacted')).toBeInTheDocument();
  });

  it('adds a step from the palette with the Add button and by keyboard drag, at the right place', async () => {
    let sent: AutomationInput | null = null;
    const { user } = renderEditor(buildAutomation(), [updateMock((input) => (sent = input))]);
    await stepList();

    await user.click(screen.getByRole('button', { name: 'Add Email to a user at the end' }));
    // A new step is selected at once, with its settings open.
    expect(screen.getByRole('heading', { name: 'Step 3: Email to a user' })).toBeInTheDocument();

    // Keyboard: pick up "Todo for a user", it enters at the end; two places up; drop.
    screen.getByRole('button', { name: 'Drag Todo for a user into the sequence' }).focus();
    await user.keyboard(' ');
    expect(screen.getByTestId('drop-indicator')).toHaveTextContent('Drop to add: Todo for a user');
    await user.keyboard('{ArrowUp}');
    await user.keyboard('{ArrowUp}');
    await user.keyboard(' ');
    expect(screen.queryByTestId('drop-indicator')).not.toBeInTheDocument();

    const summaries = within(await stepList())
      .getAllByRole('button')
      .map((button) => button.getAttribute('aria-label') ?? '')
      .filter((label) => label.startsWith('Step '));
    expect(summaries.map((label) => label.split(' · ').slice(-1)[0])).toEqual([
      'Email to the primary contact: Offer follow-up',
      'Todo for the owner: no template yet',
      'Todo for the owner: Call after the offer',
      'Email to the owner: no template yet',
    ]);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).not.toBeNull());
    expect(sent!.steps.map((step) => [step.id ?? null, step.kind])).toEqual([
      ['st-1', 'EMAIL_TO_CONTACT'],
      [null, 'TODO_FOR_USER'],
      ['st-2', 'TODO_FOR_USER'],
      [null, 'EMAIL_TO_USER'],
    ]);
  });

  it('brings the settings of a step dropped into the sequence into view', async () => {
    const scrolled: Element[] = [];
    const original = Element.prototype.scrollIntoView;
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    try {
      const { user } = renderEditor();
      await stepList();
      screen.getByRole('button', { name: 'Drag Todo for a user into the sequence' }).focus();
      await user.keyboard(' ');
      await user.keyboard(' ');
      const heading = await screen.findByRole('heading', { name: 'Step 3: Todo for a user' });
      expect(scrolled).toContain(heading.closest('section'));
      // Focus stays with the sequence for the next keyboard move.
      expect(heading.closest('section')).not.toContainElement(document.activeElement as HTMLElement);
    } finally {
      Element.prototype.scrollIntoView = original;
    }
  });

  it('reorders steps by keyboard drag and saves the new order with the steps’ ids', async () => {
    let sent: AutomationInput | null = null;
    const { user } = renderEditor(buildAutomation(), [updateMock((input) => (sent = input))]);
    await stepList();

    screen.getByRole('button', { name: 'Drag to reorder step 1 (Email to the primary contact)' }).focus();
    await user.keyboard(' ');
    await user.keyboard('{ArrowDown}');
    await user.keyboard(' ');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent).not.toBeNull());
    expect(sent!.steps.map((step) => step.id)).toEqual(['st-2', 'st-1']);
    expect(sent!.steps[1]).toMatchObject({ kind: 'EMAIL_TO_CONTACT', emailTemplateId: 'et-1', recipient: 'PRIMARY_CONTACT', sender: 'OWNER' });
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
  });

  it('shows a step’s problems on it and blocks Activate with the list of what to fix', async () => {
    let activateCalled = false;
    const automation = buildAutomation({
      steps: [buildStep(), buildStep({ id: 'st-2', kind: 'TODO_FOR_USER', emailTemplateId: null, todoTemplateId: null, recipient: 'USER' })],
    });
    const { user } = renderEditor(automation, [
      {
        request: {
          query: ACTIVATE_AUTOMATION_MUTATION,
          variables: () => {
            activateCalled = true;
            return true;
          },
        },
        result: { data: { activateAutomation: automation } },
      },
    ]);
    await stepList();
    const problems = screen.getByRole('list', { name: 'Problems of step 2 (Todo for a user (not chosen))' });
    expect(within(problems).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Choose a todo template.',
      'Choose an active user.',
    ]);

    await user.click(screen.getByRole('button', { name: 'Activate' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Fix these 2 things before activating:');
    expect(alert).toHaveTextContent('Step 2: Choose a todo template.');
    expect(alert).toHaveTextContent('Step 2: Choose an active user.');
    expect(activateCalled).toBe(false);

    // Fixing it in the step's settings clears the problems.
    await user.click(within(alert).getByRole('button', { name: 'Step 2: Choose a todo template.' }));
    const settings = screen.getByRole('region', { name: 'Step 2: Todo for a user' });
    await user.selectOptions(within(settings).getByLabelText('Todo template'), 'tt-1');
    await user.selectOptions(within(settings).getByLabelText('User'), 'u-1');
    expect(screen.queryByRole('list', { name: /Problems of step 2/ })).not.toBeInTheDocument();

    // A delay that is not a whole number is flagged in the settings and on the step.
    await user.clear(within(settings).getByLabelText('Delay in days'));
    await user.type(within(settings).getByLabelText('Delay in days'), '-1');
    expect(within(settings).getByText('Enter a whole number of days from 0 to 3650.')).toBeInTheDocument();
  });
  it('stops an active automation for good after asking, and shows Normal users no controls for others’ automations', async () => {
    const active = buildAutomation({ state: 'ACTIVE', activatedAt: '2026-03-01T09:00:00.000Z' });
    const { user } = renderEditor(active, [
      { request: { query: STOP_AUTOMATION_MUTATION, variables: { id: 'a1' } }, result: { data: { stopAutomation: { ...active, state: 'DONE' } } } },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Stop for good' }));
    const dialog = screen.getByRole('dialog', { name: 'Stop “Follow up after the offer” for good?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stop for good' }));
    expect(await screen.findByText('Stopped: no more steps will run.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pause' })).not.toBeInTheDocument();
  });

  it('a Normal user (automations are for managers) gets the no-access page, with no pause or stop', async () => {
    renderEditor(buildAutomation({ state: 'ACTIVE', createdById: 'u-manager' }), [], buildMe({ id: 'u-sales', role: 'NORMAL' }));
    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Steps, in order' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pause' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Stop for good' })).not.toBeInTheDocument();
  });
});

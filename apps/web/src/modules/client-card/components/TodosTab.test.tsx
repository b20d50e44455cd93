import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderApp } from '../../../../test/render';
import { assignableUsersMock, buildPipeline, pipelinesMock } from '../../../../test/factories';
import { CARD_HISTORY_QUERY, CREATE_TODO_MUTATION, SET_TODO_DONE_MUTATION, TODOS_QUERY } from '../graphql/todos';
import { fromDateTimeInputs, setOrgTimeZone, toDateTimeInputs, todayInput } from '../../../ui/datetime';
import { TODO_TEMPLATES_QUERY } from '../../templates/graphql/templates';
import { templateDeadline } from './TodoForm';
import { TodosTab } from './TodosTab';
import { useClientLive } from '../hooks/useClientLive';

function LiveTodos() {
  useClientLive('client-1');
  return <TodosTab cardId="card-1" ownerId={null} />;
}

function buildTodo(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Todo' as const,
    id: 't1',
    cardId: 'card-1',
    title: 'Call back',
    text: null,
    deadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    doneAt: null,
    createdAt: '2026-01-01T08:00:00.000Z',
    assignee: { __typename: 'UserRef' as const, id: 'u-1', name: 'Béla Nagy' },
    ...overrides,
  };
}

const todosMock = (todos: unknown[]) => ({
  request: { query: TODOS_QUERY, variables: { cardId: 'card-1', done: false } },
  result: { data: { todos } },
});

const historyMock = (entries: unknown[] = []) => ({
  request: { query: CARD_HISTORY_QUERY, variables: { cardId: 'card-1', kinds: null } },
  result: { data: { cardHistory: entries } },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

describe('Todos & History tab', () => {
  it('shows a todo someone else (or an automation) added, when the server says the client changed', async () => {
    const { live } = renderApp('/', [todosMock([]), todosMock([buildTodo({ title: 'Automation: follow up' })]), historyMock(), assignableUsersMock(), pipelinesMock([buildPipeline()], true)], <LiveTodos />);
    await screen.findByText('No open todos');
    await waitFor(() => expect(live.count('ClientChangedLive')).toBe(1));
    const event = (initial: boolean) => ({ clientChanged: { __typename: 'ClientChange', clientId: 'client-1', initial } });
    // The first event only says the subscription is live: nothing is read again.
    act(() => live.emit('ClientChangedLive', event(true)));
    act(() => live.emit('ClientChangedLive', event(false)));
    const list = await screen.findByRole('list', { name: 'Open todos' });
    expect(within(list).getByText('Automation: follow up')).toBeInTheDocument();
  });

  it("reads a deadline at 23:30 organisation time as today, whatever the browser's zone", async () => {
    // Kiritimati (UTC+14) is a calendar day ahead of UTC and Budapest for most of the day.
    const zone = 'Pacific/Kiritimati';
    setOrgTimeZone(zone);
    // A fixed moment (only Date is faked): 10:00 on 25 November in Kiritimati, still the 24th in UTC and Budapest.
    jest.useFakeTimers({ now: new Date('2026-11-24T20:00:00Z'), doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
    try {
      const deadline = fromDateTimeInputs(todayInput(new Date(), zone), '23:30', zone)!;
      expect(deadline).toBe('2026-11-25T09:30:00.000Z');
      renderApp(
        '/',
        [todosMock([buildTodo({ id: 't9', title: 'Late call', deadline })]), historyMock(), assignableUsersMock(), pipelinesMock([buildPipeline()], true)],
        <TodosTab cardId="card-1" ownerId={null} />,
      );
      const list = await screen.findByRole('list', { name: 'Open todos' });
      expect(within(list).getByText('Late call').closest('li')).toHaveClass('deadline--today');
    } finally {
      jest.useRealTimers();
      setOrgTimeZone('Europe/Budapest');
    }
  });


  it('adds a todo with its assignee, date and time, and shows it with its deadline class', async () => {
    const yesterday = toDateTimeInputs(new Date(Date.now() - 86_400_000).toISOString()).date;
    const deadline = fromDateTimeInputs(yesterday, '10:30')!;
    const created = buildTodo({ id: 't2', title: 'Send the offer', deadline });
    const { user } = renderApp(
      '/',
      [
        todosMock([]),
        historyMock(),
        assignableUsersMock(),
        pipelinesMock([buildPipeline()], true),
        {
          request: {
            query: CREATE_TODO_MUTATION,
            variables: { cardId: 'card-1', input: { title: 'Send the offer', deadline, assigneeId: 'u-1' } },
          },
          result: { data: { createTodo: created } },
        },
      ],
      <TodosTab cardId="card-1" ownerId={null} />,
    );

    expect(await screen.findByText('No open todos')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add todo' }));
    const form = screen.getByRole('form', { name: 'New todo' });
    await user.type(within(form).getByLabelText('What to do'), 'Send the offer');
    await user.selectOptions(within(form).getByLabelText('Assignee'), 'Béla Nagy');
    fireEvent.change(within(form).getByLabelText('Date'), { target: { value: yesterday } });
    fireEvent.change(within(form).getByLabelText('Time'), { target: { value: '10:30' } });
    await user.click(within(form).getByRole('button', { name: 'Add todo' }));

    const list = await screen.findByRole('list', { name: 'Open todos' });
    const item = within(list).getByText('Send the offer').closest('li')!;
    expect(item).toHaveClass('deadline--overdue');
    expect(within(item).getByText('Overdue')).toBeInTheDocument();
    expect(within(item).getByText('Béla Nagy')).toBeInTheDocument();
  });

  it('offers the next todo, focused, as soon as one is marked done', async () => {
    const todo = buildTodo();
    const { user } = renderApp(
      '/',
      [
        todosMock([todo]),
        historyMock(),
        assignableUsersMock(),
        pipelinesMock([buildPipeline()], true),
        {
          request: { query: SET_TODO_DONE_MUTATION, variables: { id: 't1', done: true } },
          result: { data: { setTodoDone: { ...todo, doneAt: new Date().toISOString() } } },
        },
      ],
      <TodosTab cardId="card-1" ownerId="u-2" />,
    );

    await user.click(await screen.findByRole('button', { name: 'Mark done: Call back' }));

    const next = await screen.findByRole('form', { name: 'Next todo' });
    expect(screen.getByText('“Call back” is done. What is the next step?')).toBeInTheDocument();
    await waitFor(() => expect(within(next).getByLabelText('What to do')).toHaveFocus());
    // Prefilled: the same assignee as the todo that was done.
    expect(within(next).getByLabelText('Assignee')).toHaveValue('u-1');
    expect(screen.queryByRole('button', { name: 'Mark done: Call back' })).not.toBeInTheDocument();
  });

  it('starts a todo from a todo template: its title, text and deadline (days ahead at its time)', async () => {
    const template = { __typename: 'TodoTemplate' as const, id: 'tt1', pipelineId: 'p-1', title: 'Call after the offer', text: 'Ask about the budget.', deadlineOffsetDays: 2, deadlineTime: '14:30' };
    const when = templateDeadline(template);
    const deadline = fromDateTimeInputs(when.date, when.time)!;
    const created = buildTodo({ id: 't3', title: 'Call after the offer', text: 'Ask about the budget.', deadline });
    const { user } = renderApp(
      '/',
      [
        todosMock([]),
        historyMock(),
        assignableUsersMock(),
        pipelinesMock([buildPipeline()], true),
        { request: { query: TODO_TEMPLATES_QUERY, variables: { pipelineId: 'p-1' } }, result: { data: { todoTemplates: [template] } } },
        {
          request: { query: CREATE_TODO_MUTATION, variables: { cardId: 'card-1', input: { title: 'Call after the offer', deadline, text: 'Ask about the budget.' } } },
          result: { data: { createTodo: created } },
        },
      ],
      <TodosTab cardId="card-1" pipelineId="p-1" ownerId={null} />,
    );
    await user.click(await screen.findByRole('button', { name: 'Add todo' }));
    const form = screen.getByRole('form', { name: 'New todo' });
    await user.selectOptions(await within(form).findByLabelText('Template'), 'Call after the offer');
    expect(within(form).getByLabelText('What to do')).toHaveValue('Call after the offer');
    expect(within(form).getByLabelText('Date')).toHaveValue(when.date);
    expect(within(form).getByLabelText('Time')).toHaveValue('14:30');
    await user.click(within(form).getByRole('button', { name: 'Add todo' }));
    expect(await within(await screen.findByRole('list', { name: 'Open todos' })).findByText('Call after the offer')).toBeInTheDocument();
  });
});

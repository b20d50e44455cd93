import { screen, within } from '@testing-library/react';
import { buildMe, graphQLError, meMock, renderApp } from '../../../../test/render';
import { navViewsMock, pipelinesMock } from '../../../../test/factories';
import {
  CREATE_EMAIL_TEMPLATE_MUTATION,
  EMAIL_TEMPLATES_QUERY,
  TEMPLATE_CUSTOM_FIELDS_QUERY,
  TEMPLATE_PREVIEW_CARDS_QUERY,
} from '../graphql/templates';

const forever = Number.POSITIVE_INFINITY;

function pageMocks(role: 'ADMIN' | 'MANAGER' | 'NORMAL' = 'ADMIN') {
  return [
    meMock(buildMe({ role })),
    navViewsMock(),
    pipelinesMock(),
    {
      request: { query: EMAIL_TEMPLATES_QUERY, variables: { pipelineId: 'p1' } },
      result: { data: { emailTemplates: [] } },
      maxUsageCount: forever,
    },
    {
      request: { query: TEMPLATE_CUSTOM_FIELDS_QUERY, variables: { pipelineId: 'p1' } },
      result: {
        data: { customFields: [{ __typename: 'CustomField' as const, id: 'f1', label: 'Flotta méret', kind: 'NUMBER' as const }] },
      },
      maxUsageCount: forever,
    },
    {
      request: { query: TEMPLATE_PREVIEW_CARDS_QUERY, variables: { pipelineId: 'p1', text: null } },
      result: { data: { cards: { __typename: 'CardList' as const, items: [], total: 0 } } },
      maxUsageCount: forever,
    },
  ];
}

async function openNewTemplate(mocks = pageMocks()) {
  const rendered = renderApp('/settings/templates?pipeline=p1', mocks);
  expect(await screen.findByRole('heading', { name: 'No email templates in this pipeline' })).toBeInTheDocument();
  await rendered.user.click(screen.getAllByRole('button', { name: 'New email template' })[0]);
  expect(await screen.findByRole('heading', { level: 1, name: 'New email template' })).toBeInTheDocument();
  return rendered;
}

describe('Settings › Templates', () => {
  it('inserts a variable at the cursor of the field that was focused last', async () => {
    const { user } = await openNewTemplate();
    const subject = screen.getByRole('textbox', { name: 'Subject' });
    const body = screen.getByRole('textbox', { name: 'Body' });

    await user.type(subject, 'Offer for  today');
    (subject as HTMLInputElement).setSelectionRange(10, 10);
    await user.click(screen.getByRole('button', { name: /^Name \{\{client\.name\}\}/ }));
    expect(subject).toHaveValue('Offer for {{client.name}} today');
    expect(subject).toHaveFocus();
    expect((subject as HTMLInputElement).selectionStart).toBe(25);

    // The body next; a custom field of the pipeline, chosen with the keyboard.
    await user.type(body, 'Fleet: ');
    expect(screen.getByText('Inserts into: Body')).toBeInTheDocument();
    screen.getByRole('button', { name: /Flotta méret/ }).focus();
    await user.keyboard('{Enter}');
    expect(body).toHaveValue('Fleet: {{card.fields.flotta_meret}}');
    expect(subject).toHaveValue('Offer for {{client.name}} today');
  });

  it('shows the API problems on the field they belong to when saving', async () => {
    const input = { pipelineId: 'p1', name: 'Offer', category: 'Offers', subject: 'Offer', body: 'Hi {{contact.nme}}' };
    const mocks = [
      ...pageMocks(),
      {
        request: { query: CREATE_EMAIL_TEMPLATE_MUTATION, variables: { input } },
        result: {
          errors: [
            graphQLError('The template has problems.', {
              code: 'BAD_USER_INPUT',
              fields: { body: 'Unknown variables: {{contact.nme}}.' },
            }),
          ],
        },
      },
    ];
    const { user } = await openNewTemplate(mocks);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Offer');
    await user.type(screen.getByRole('combobox', { name: 'Category' }), 'Offers');
    await user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Offer');
    // user-event reads "{" as a key descriptor: "{{" types one brace.
    await user.type(screen.getByRole('textbox', { name: 'Body' }), 'Hi {{{{contact.nme}}');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const body = screen.getByRole('textbox', { name: 'Body' });
    expect(await screen.findByText('Unknown variables: {{contact.nme}}.')).toBeInTheDocument();
    expect(body).toHaveAttribute('aria-invalid', 'true');
    expect(body).toHaveAccessibleDescription('Unknown variables: {{contact.nme}}.');
    expect(screen.getByRole('textbox', { name: 'Subject' })).not.toHaveAttribute('aria-invalid');
    // Still editing: nothing was saved.
    expect(screen.getByRole('heading', { level: 1, name: 'New email template' })).toBeInTheDocument();
  });

  it('is open to managers and closed to normal users', async () => {
    renderApp('/settings/templates?pipeline=p1', pageMocks('MANAGER'));
    const nav = await screen.findByRole('navigation', { name: 'Settings sections' });
    expect(within(nav).getByRole('link', { name: 'Templates' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'No email templates in this pipeline' })).toBeInTheDocument();
  });

  it('shows the no-access page to normal users', async () => {
    renderApp('/settings/templates?pipeline=p1', pageMocks('NORMAL'));
    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeInTheDocument();
  });
});

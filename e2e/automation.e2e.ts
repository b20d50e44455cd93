// An automation built in the editor by dragging from the palette runs for a card that enters its
// status: the first step's todo shows on the client card. The worker is not running here, so the
// test runs the engine's functions itself (enrolment, then the due steps), as the worker's jobs do.
import type { Page } from 'playwright-core';
import { evaluateAutomation, runDueSteps } from '../packages/db/src';
import { signIn as signInAs, startApp, withPage, type E2eApp } from './support';

jest.setTimeout(120_000);

const ADMIN = { email: 'admin@example.com' };
const ENGINE = { timeZone: 'Europe/Budapest', messageDomain: 'crm.local' };

let app: E2eApp;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

async function gql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const body = await page.evaluate(
    async ([q, v]) => {
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, variables: v }) });
      return response.json();
    },
    [query, variables] as const,
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

/** A real mouse drag (dnd-kit's mouse sensor starts after 5px), ending over the target's centre. */
async function dragTo(page: Page, from: ReturnType<Page['locator']>, to: ReturnType<Page['locator']>) {
  await to.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 - 20, a.y + a.height / 2, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  // The page may have moved the target while the drag started (the palette and canvas redraw under
  // the drag): end over the target where it is now.
  const c = (await to.boundingBox())!;
  await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2, { steps: 2 });
  await page.getByTestId('drop-indicator').waitFor();
  await page.mouse.up();
  // The drop is done when its placeholder is gone (under load that can take a moment).
  await page.getByTestId('drop-indicator').waitFor({ state: 'detached' });
}

test('builds a two-step automation by dragging, activates it, and a card entering its status gets the first todo', () =>
  withPage(app, 'automation', async (page) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await signInAs(page, ADMIN.email, '/automations');
    await page.waitForURL(/\/automations\/[^/]+$/);
    const pipelineId = page.url().split('/').pop()!;

    const { pipelines } = await gql<{ pipelines: Array<{ id: string; statuses: Array<{ id: string; name: string }> }> }>(
      page,
      '{ pipelines { id statuses { id name } } }',
      {},
    );
    const [from, into] = pipelines.find((p) => p.id === pipelineId)!.statuses;
    await gql(page, 'mutation($i: TodoTemplateInput!) { saveTodoTemplate(input: $i) { id } }', {
      i: { title: 'Call after the offer', pipelineId, deadlineOffsetDays: 1 },
    });

    // A new automation for cards entering the second status; only cards that enter after activation.
    await page.getByRole('button', { name: 'New automation' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New automation' });
    await dialog.getByLabel('Name').fill('Offer follow-up');
    await dialog.getByLabel('Status', { exact: true }).selectOption({ label: into.name });
    await dialog.getByLabel('Only new cards').check();
    await dialog.getByRole('button', { name: 'Create and open the editor' }).click();
    await page.waitForURL(/\/automations\/[^/]+\/[^/]+$/);
    const automationId = page.url().split('/').pop()!;

    // Two todo steps, dragged from the palette with the mouse. A dropped step opens its settings:
    // step 1 gets the template at the time the card entered, step 2 the template three days later.
    const todo = page.getByRole('button', { name: 'Drag Todo for a user into the sequence' });
    await dragTo(page, todo, page.locator('.timeline-end'));
    let settings = page.getByRole('region', { name: 'Step 1: Todo for a user' });
    await settings.getByLabel('Todo template').selectOption({ label: 'Call after the offer' });
    await settings.getByLabel('Hour').selectOption({ label: 'Same time' });
    await dragTo(page, todo, page.locator('.timeline-end'));
    settings = page.getByRole('region', { name: 'Step 2: Todo for a user' });
    await settings.getByLabel('Todo template').selectOption({ label: 'Call after the offer' });
    await settings.getByLabel('Delay in days').fill('3');
    const steps = page.getByRole('list', { name: 'Steps, in order' }).locator(':scope > li');
    expect(await steps.count()).toBe(2);

    // Activate saves first, then starts it.
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByText('Active: matching cards are being enrolled.').waitFor();
    await page.getByRole('button', { name: 'Pause' }).waitFor();

    // A card with an owner moves into the status (as from the board); the worker's jobs run here.
    const { cards } = await gql<{ cards: { items: Array<{ id: string; owner: { id: string } | null; client: { id: string; name: string } }> } }>(
      page,
      'query($p: ID!, $s: [ID!]) { cards(pipelineId: $p, filter: { statusIds: $s }, page: { limit: 20, offset: 0 }) { items { id owner { id } client { id name } } } }',
      { p: pipelineId, s: [from.id] },
    );
    const card = cards.items.find((item) => item.owner)!;
    await gql(page, 'mutation($i: MoveCardInput!) { moveCard(input: $i) { id } }', { i: { cardId: card.id, statusId: into.id } });
    const evaluated = await evaluateAutomation(app.dataSource, automationId, new Date(), ENGINE);
    expect(evaluated.entered).toBe(1);
    const outcome = await runDueSteps(app.dataSource, new Date(Date.now() + 1000), ENGINE);
    expect(outcome.done).toBe(1);

    // The run shows on the automation, and the todo on the client card.
    await page.getByRole('tab', { name: 'Runs' }).click();
    await page.getByRole('table', { name: 'Runs, latest first' }).getByText(card.client.name).first().waitFor();
    await page.goto(`/clients/${card.client.id}`);
    await page.getByRole('list', { name: 'Open todos' }).getByText('Call after the offer').waitFor();
  }));

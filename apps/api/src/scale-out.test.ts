/**
 * Scale-out: two API processes (each its own main.ts, as production runs them behind a load
 * balancer) on one PostgreSQL and one Redis. A session made on one works on the other, and a move
 * made through one reaches a board subscriber connected to the other. (Two worker processes side
 * by side: apps/worker/src/scale-out.test.ts.)
 */
import { Card, Client, hashPassword, Pipeline, Status, User } from '@crm/db';
import { createTestDatabase, type TestDatabase } from '@crm/db/testing';
import { Role } from '@crm/shared';
import { openLiveBoard, startApiProcess, type ApiProcess, type LiveBoard } from './testing/processes';

jest.setTimeout(120_000);

async function until(check: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('two API processes side by side', () => {
  let db: TestDatabase;
  let a: ApiProcess;
  let b: ApiProcess;
  let live: LiveBoard | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    [a, b] = await Promise.all([startApiProcess(db.url, redisUrl), startApiProcess(db.url, redisUrl)]);
  });
  afterAll(async () => {
    await live?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await db.drop();
  });

  it('a move made through one reaches a board subscriber on the other', async () => {
    const ds = db.dataSource;
    await ds.getRepository(User).save({ email: 'scale@example.com', name: 'Scale', role: Role.Admin, passwordHash: await hashPassword('scale-password') });
    const pipeline = await ds.getRepository(Pipeline).save({ name: 'Sales' });
    const [lead, won] = await ds.getRepository(Status).save([
      { pipelineId: pipeline.id, name: 'Lead', position: 0 },
      { pipelineId: pipeline.id, name: 'Offer', position: 1 },
    ]);
    const client = await ds.getRepository(Client).save({ name: 'Kovács Kft.' });
    const card = await ds.getRepository(Card).save({ clientId: client.id, pipelineId: pipeline.id, statusId: lead.id, position: 'a0' });

    // Signed in on A; the session lives in PostgreSQL, so the same cookie opens a socket on B.
    const login = await fetch(`${a.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { id } }', variables: { e: 'scale@example.com', p: 'scale-password' } }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    live = await openLiveBoard(b.url, cookie, pipeline.id);

    const moved = await fetch(`${a.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: 'mutation($i: MoveCardInput!) { moveCard(input: $i) { id statusId } }', variables: { i: { cardId: card.id, statusId: won.id } } }),
    });
    expect(((await moved.json()) as { data: { moveCard: { statusId: string } } }).data.moveCard.statusId).toBe(won.id);
    await until(() => live!.statusOf.get(card.id) === won.id);
    expect(live.received()).toBeGreaterThanOrEqual(1);
  });
});

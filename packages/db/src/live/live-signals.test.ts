import { Card, Client, Pipeline, Status } from '../entities';
import { createTestDatabase, TestDatabase } from '../testing';
import { installLivePublisher, liveChannel, mergeSignals, parseLiveSignal } from './live-signals';

describe('live signals', () => {
  let db: TestDatabase;
  const published: Array<{ channel: string; message: string }> = [];
  let settle: () => void = () => undefined;
  const publisher = {
    publish: async (channel: string, message: string) => {
      published.push({ channel, message });
      settle();
      return 1;
    },
  };
  const ds = () => db.dataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    installLivePublisher(ds(), publisher);
  });
  afterAll(() => db.drop());
  beforeEach(() => (published.length = 0));

  async function card() {
    const pipeline = await ds().getRepository(Pipeline).save({ name: `P ${Math.random()}` });
    const status = await ds().getRepository(Status).save({ pipelineId: pipeline.id, name: 'Lead', position: 0 });
    const client = await ds().getRepository(Client).save({ name: 'Alfa Kft.', emails: [] });
    return ds().getRepository(Card).save({ clientId: client.id, pipelineId: pipeline.id, statusId: status.id, position: 'a0' });
  }
  const audit = (em: { query: (sql: string, params: unknown[]) => Promise<unknown> }, c: Card) =>
    em.query(`INSERT INTO audit_log (action, entity, entity_id, card_id, client_id) VALUES ('update', 'card', $1, $1, $2)`, [c.id, c.clientId]);

  it('a committed transaction that wrote the audit trail publishes its pipelines and clients once, after COMMIT', async () => {
    const [a, b] = [await card(), await card()];
    const sent = new Promise<void>((resolve) => (settle = resolve));
    await ds().transaction(async (em) => {
      await audit(em, a);
      // A nested unit of work (a savepoint) adds to the same signal.
      await em.transaction(async (inner) => audit(inner, b));
      expect(published).toHaveLength(0);
    });
    await sent;
    expect(published).toHaveLength(1);
    expect(published[0].channel).toBe(liveChannel(ds()));
    const signal = parseLiveSignal(published[0].message)!;
    expect(new Set(signal.pipelineIds)).toEqual(new Set([a.pipelineId, b.pipelineId]));
    expect(new Set(signal.clientIds)).toEqual(new Set([a.clientId, b.clientId]));
  });

  it('a rolled-back transaction, and one without audit rows, publish nothing', async () => {
    const a = await card();
    await expect(
      ds().transaction(async (em) => {
        await audit(em, a);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await ds().transaction((em) => em.query(`UPDATE clients SET name = name WHERE id = $1`, [a.clientId]));
    // A later signal proves the publisher was listening all along.
    const sent = new Promise<void>((resolve) => (settle = resolve));
    await ds().transaction((em) => audit(em, a));
    await sent;
    expect(published).toHaveLength(1);
  });

  it('merges lines, and "too many" (null) wins', () => {
    expect(parseLiveSignal('{"p":["p1"],"c":["c1"]}\n{"p":["p2"],"c":null}\n')).toEqual({ pipelineIds: ['p1', 'p2'], clientIds: null });
    expect(parseLiveSignal('')).toBeNull();
    expect(parseLiveSignal('not json')).toEqual({ pipelineIds: null, clientIds: null });
    const many = Array.from({ length: 101 }, (_, i) => `c${i}`);
    expect(mergeSignals({ pipelineIds: [], clientIds: many.slice(0, 60) }, { pipelineIds: [], clientIds: many.slice(60) }).clientIds).toBeNull();
  });
});

import { AuditEntry, Card, Classification } from '@crm/db';
import { Role } from '@crm/shared';
import { buildCards, buildLabels, buildPipeline } from '../../testing/factories';
import { startTestApi, TestApi } from '../../testing/api';

const MASS = `mutation($input: MassUpdateCardsInput!) { massUpdateCards(input: $input) { matched changed undoId undoUntil } }`;
const UNDO = `mutation($id: ID!) { undoMassUpdate(id: $id) { restored } }`;
const RECENT = `{ massUpdates { id actor { name } fields changed canUndo undoneAt } }`;

describe('undoing a mass action', () => {
  let api: TestApi;
  let cookie: string;
  beforeAll(async () => {
    api = await startTestApi();
    const user = await api.buildUser({ role: Role.Manager });
    cookie = await api.login(user.email, user.password);
  });
  afterAll(() => api.close());
  const ds = () => api.db.dataSource;
  const card = (id: string) => ds().getRepository(Card).findOneByOrFail({ id });

  it('puts status, place, owner and tags back, but keeps what someone changed since', async () => {
    const { pipeline, statuses } = await buildPipeline(ds());
    const { tag } = await buildLabels(ds());
    const owner = await api.buildUser();
    const later = await api.buildUser();
    const cards = await buildCards(ds(), [{ status: statuses[0] }, { status: statuses[0] }, { status: statuses[1], ownerId: owner.id }]);
    await ds().query(`INSERT INTO client_tags (client_id, tag_id) VALUES ($1, $2)`, [cards[2].clientId, tag.id]);
    const before = await Promise.all(cards.map((c) => card(c.id)));

    const res = await api.gql(MASS, { input: { pipelineId: pipeline.id, cardIds: cards.map((c) => c.id), change: { statusId: statuses[2].id, ownerId: owner.id, addTagId: tag.id } } }, cookie);
    expect(res.errors).toBeUndefined();
    const { undoId, undoUntil } = res.data!.massUpdateCards;
    expect(undoId).toEqual(expect.any(String));
    expect(new Date(undoUntil).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);

    // Someone moves the second card on after the mass action: undo must leave it where they put it.
    await ds().query(`UPDATE cards SET status_id = $1, owner_id = $2 WHERE id = $3`, [statuses[3].id, later.id, cards[1].id]);

    const undo = await api.gql(UNDO, { id: undoId }, cookie);
    expect(undo.errors).toBeUndefined();
    expect(undo.data!.undoMassUpdate.restored).toBe(3);

    const [a, b, c] = await Promise.all(cards.map((x) => card(x.id)));
    expect({ statusId: a.statusId, position: a.position, ownerId: a.ownerId }).toEqual({ statusId: before[0].statusId, position: before[0].position, ownerId: null });
    expect({ statusId: b.statusId, ownerId: b.ownerId }).toEqual({ statusId: statuses[3].id, ownerId: later.id });
    // The third already had the owner and the tag: only its status changed, and only that comes back.
    expect({ statusId: c.statusId, ownerId: c.ownerId }).toEqual({ statusId: statuses[1].id, ownerId: owner.id });
    const tags = await ds().query(`SELECT client_id FROM client_tags WHERE tag_id = $1 AND client_id = ANY($2)`, [tag.id, cards.map((x) => x.clientId)]);
    // The tag goes from the clients the action gave it to; the one that had it before keeps it.
    expect(tags.map((t: { client_id: string }) => t.client_id)).toEqual([cards[2].clientId]);

    const audit = await ds().getRepository(AuditEntry).findBy({ action: 'mass_undo', entity: 'card' });
    expect(audit.find((e) => e.cardId === cards[0].id)!.changes).toEqual({
      statusId: [statuses[2].id, statuses[0].id],
      ownerId: [owner.id, null],
      removeTag: [tag.id, null],
    });
    expect(audit.find((e) => e.cardId === cards[1].id)!.changes).toEqual({ removeTag: [tag.id, null] });
    expect(audit.find((e) => e.cardId === cards[2].id)!.changes).toEqual({ statusId: [statuses[2].id, statuses[1].id] });

    const again = await api.gql(UNDO, { id: undoId }, cookie);
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_UNDONE' });
    const recent = (await api.gql(RECENT, {}, cookie)).data!.massUpdates;
    expect(recent[0]).toMatchObject({ id: undoId, fields: ['statusId', 'ownerId', 'addTagId'], changed: 3, canUndo: false, undoneAt: expect.any(String) });
  });

  it('puts department and classification back on the clients', async () => {
    const { pipeline, statuses } = await buildPipeline(ds());
    const { department } = await buildLabels(ds());
    const classification = await ds().getRepository(Classification).save({ name: `VIP ${Date.now()}` });
    const cards = await buildCards(ds(), [{ status: statuses[0] }, { status: statuses[0] }]);
    const res = await api.gql(MASS, { input: { pipelineId: pipeline.id, cardIds: cards.map((c) => c.id), change: { departmentId: department.id, classificationId: classification.id } } }, cookie);
    await api.gql(UNDO, { id: res.data!.massUpdateCards.undoId }, cookie);
    const rows = await ds().query(`SELECT department_id, classification_id FROM clients WHERE id = ANY($1)`, [cards.map((c) => c.clientId)]);
    expect(rows).toEqual([
      { department_id: null, classification_id: null },
      { department_id: null, classification_id: null },
    ]);
  });

  it('is offered for ten minutes only, to its author and to admins', async () => {
    const { pipeline, statuses } = await buildPipeline(ds());
    const cards = await buildCards(ds(), [{ status: statuses[0] }]);
    const res = await api.gql(MASS, { input: { pipelineId: pipeline.id, cardIds: [cards[0].id], change: { statusId: statuses[1].id } } }, cookie);
    const { undoId } = res.data!.massUpdateCards;

    const other = await api.buildUser({ role: Role.Manager });
    const otherCookie = await api.login(other.email, other.password);
    expect((await api.gql(UNDO, { id: undoId }, otherCookie)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await api.gql(RECENT, {}, otherCookie)).data!.massUpdates.map((m: { id: string }) => m.id)).not.toContain(undoId);

    await ds().query(`UPDATE mass_updates SET undo_until = now() - interval '1 second' WHERE id = $1`, [undoId]);
    const late = await api.gql(UNDO, { id: undoId }, cookie);
    expect(late.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'UNDO_EXPIRED' });
    expect((await card(cards[0].id)).statusId).toBe(statuses[1].id);

    await ds().query(`UPDATE mass_updates SET undo_until = now() + interval '5 minutes' WHERE id = $1`, [undoId]);
    const admin = await api.buildUser({ role: Role.Admin });
    const adminCookie = await api.login(admin.email, admin.password);
    const recent = (await api.gql(RECENT, {}, adminCookie)).data!.massUpdates;
    expect(recent.find((m: { id: string }) => m.id === undoId)).toMatchObject({ canUndo: true });
    expect((await api.gql(UNDO, { id: undoId }, adminCookie)).data!.undoMassUpdate.restored).toBe(1);
    expect((await card(cards[0].id)).statusId).toBe(statuses[0].id);
  });

  it('offers no undo when nothing changed', async () => {
    const { pipeline, statuses } = await buildPipeline(ds());
    const cards = await buildCards(ds(), [{ status: statuses[1] }]);
    const res = await api.gql(MASS, { input: { pipelineId: pipeline.id, cardIds: [cards[0].id], change: { statusId: statuses[1].id } } }, cookie);
    expect(res.data!.massUpdateCards).toMatchObject({ changed: 0, undoId: null });
  });
});

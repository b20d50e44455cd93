// Small builders for test data, written straight to the test database.
import { Card, Category, Client, Department, Pipeline, Status, Tag, Todo } from '@crm/db';
import { ClientType, positionsBetween, StatusKind } from '@crm/shared';
import type { DataSource } from 'typeorm';

let n = 0;

export async function buildPipeline(ds: DataSource, statusNames = ['Lead', 'Contacted', 'Proposal', 'Won', 'Lost']) {
  const pipeline = await ds.getRepository(Pipeline).save({ name: `Pipeline ${++n}`, position: n });
  const statuses = await ds.getRepository(Status).save(
    statusNames.map((name, position) => ({
      pipelineId: pipeline.id,
      name,
      position,
      kind: name === 'Won' ? StatusKind.Won : name === 'Lost' ? StatusKind.Lost : StatusKind.Open,
    })),
  );
  return { pipeline, statuses };
}

export interface CardSpec {
  status: Status;
  name?: string;
  ownerId?: string | null;
  departmentId?: string | null;
  value?: number | null;
  currency?: string;
  emails?: string[];
  phones?: string[];
  createdAt?: Date;
}

/** Cards appended to the end of their columns, in the order given. */
export async function buildCards(ds: DataSource, specs: CardSpec[]): Promise<Card[]> {
  const clients = await ds.getRepository(Client).save(
    specs.map((s) => ({
      name: s.name ?? `Client ${++n}`,
      type: ClientType.Company,
      emails: s.emails ?? [],
      phones: s.phones ?? [],
      ownerId: s.ownerId ?? null,
      departmentId: s.departmentId ?? null,
    })),
  );
  const byStatus = new Map<string, number[]>();
  specs.forEach((s, i) => byStatus.set(s.status.id, [...(byStatus.get(s.status.id) ?? []), i]));
  const positions: string[] = [];
  for (const [statusId, indexes] of byStatus) {
    const [{ p }] = await ds.query(`SELECT max(position) AS p FROM cards WHERE status_id = $1`, [statusId]);
    const keys = positionsBetween(p ?? null, null, indexes.length);
    indexes.forEach((i, k) => (positions[i] = keys[k]));
  }
  return ds.getRepository(Card).save(
    specs.map((s, i) => ({
      clientId: clients[i].id,
      pipelineId: s.status.pipelineId,
      statusId: s.status.id,
      ownerId: s.ownerId ?? null,
      position: positions[i],
      value: s.value === undefined || s.value === null ? null : String(s.value),
      currency: s.currency ?? 'EUR',
      ...(s.createdAt ? { createdAt: s.createdAt } : {}),
    })),
  );
}

export async function buildTodo(ds: DataSource, card: Card, assigneeId: string | null, deadline = new Date(Date.now() + 3600_000), done = false) {
  return ds.getRepository(Todo).save({ cardId: card.id, title: `Todo ${++n}`, assigneeId, deadline, doneAt: done ? new Date() : null });
}

export async function buildLabels(ds: DataSource) {
  const [department] = await ds.getRepository(Department).save([{ name: `Dept ${++n}` }]);
  const [category] = await ds.getRepository(Category).save([{ name: `Category ${++n}` }]);
  const [tag] = await ds.getRepository(Tag).save([{ name: `Tag ${++n}`, nameKey: `tag ${n}` }]);
  return { department, category, tag };
}

/** A small deterministic pseudo-random sequence (the same run every time). */
export function seededRandom(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

/**
 * Runs `count` steps picked at random from `steps` (through `pick`, so a seeded run is the same every
 * time) and, after every `every`-th, `check` with the names of the steps run so far.
 */
export async function randomWalk(
  steps: Record<string, () => Promise<unknown>>,
  pick: <T>(list: T[]) => T,
  count: number,
  every: number,
  check: (trail: string) => Promise<void>,
): Promise<void> {
  const names = Object.keys(steps);
  const ran: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = pick(names);
    ran.push(name);
    await steps[name]();
    if (i % every === every - 1) await check(ran.join(' '));
  }
}

/**
 * Random-walk steps that change the departments the report totals are keyed by (a card's department
 * is its client's, kept by triggers): a client's department changed, several clients' in one
 * statement, a department deleted (its clients' set to none by the foreign key, a new one made), and
 * a card given to another client (only where that client has no live card in the pipeline).
 * `departments` holds the current two; `cardIds` names the cards of the walk.
 */
export async function departmentSteps(ds: DataSource, pick: <T>(list: T[]) => T, cardIds: () => string[]) {
  const departments = (await ds.getRepository(Department).save([{ name: `Dept ${++n}` }, { name: `Dept ${++n}` }])).map((d) => d.id);
  const clientOf = async (): Promise<{ id: string; client_id: string; pipeline_id: string; deleted: boolean } | undefined> =>
    pick(await ds.query(`SELECT id, client_id, pipeline_id, deleted_at IS NOT NULL AS deleted FROM cards WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`, [cardIds()]));
  const someDepartment = () => pick([...departments, null]);
  const steps: Record<string, () => Promise<unknown>> = {
    async clientDepartment() {
      const card = await clientOf();
      if (card) await ds.query(`UPDATE clients SET department_id = $1 WHERE id = $2`, [someDepartment(), card.client_id]);
    },
    async clientsDepartment() {
      const clients = [(await clientOf())?.client_id, (await clientOf())?.client_id, (await clientOf())?.client_id];
      await ds.query(`UPDATE clients SET department_id = $1 WHERE id = ANY($2::uuid[])`, [someDepartment(), clients.filter(Boolean)]);
    },
    async deleteDepartment() {
      const gone = pick(departments);
      await ds.query(`DELETE FROM departments WHERE id = $1`, [gone]);
      const [made] = await ds.getRepository(Department).save([{ name: `Dept ${++n}` }]);
      departments.splice(departments.indexOf(gone), 1, made.id);
    },
    async cardToOtherClient() {
      const [card, other] = [await clientOf(), await clientOf()];
      if (!card || !other || card.client_id === other.client_id) return;
      // (A live card only to a client out of the trash with no live card in the pipeline.)
      const taken = await ds.query(
        `SELECT 1 FROM clients cl WHERE cl.id = $1 AND (cl.deleted_at IS NOT NULL OR EXISTS (SELECT 1 FROM cards c WHERE c.client_id = cl.id AND c.pipeline_id = $2 AND c.deleted_at IS NULL))`,
        [other.client_id, card.pipeline_id],
      );
      if (!card.deleted && taken.length) return;
      await ds.query(`UPDATE cards SET client_id = $1 WHERE id = $2`, [other.client_id, card.id]);
    },
  };
  return { steps, departments };
}

/**
 * Random-walk steps that change card owners (the status history carries each card's, kept by
 * triggers): one card given to another owner (or none), several cards in one statement, and a card
 * given away and back in two statements. Any card of the walk, in the trash or not, so a restore
 * must bring the owner along.
 */
export function ownerSteps(ds: DataSource, pick: <T>(list: T[]) => T, cardIds: () => string[], owners: string[]) {
  const someOwner = () => pick([...owners, null]);
  const reassign = (ids: string[], owner: string | null) => ds.query(`UPDATE cards SET owner_id = $1 WHERE id = ANY($2::uuid[])`, [owner, ids]);
  return {
    async reassignOne() {
      await reassign([pick(cardIds())], someOwner());
    },
    async reassignMany() {
      await reassign([pick(cardIds()), pick(cardIds()), pick(cardIds())], someOwner());
    },
    async reassignAwayAndBack() {
      const id = pick(cardIds());
      const [card] = await ds.query(`SELECT owner_id FROM cards WHERE id = $1`, [id]);
      if (!card) return; // (purged)
      const was: string | null = card.owner_id;
      await reassign([id], pick(owners.filter((o) => o !== was)));
      await reassign([id], was);
    },
  };
}

/**
 * The live cards whose department is not their client's, and the history rows of live cards (in
 * their pipeline) whose department or owner is not their card's: both empty when the triggers keep them.
 */
export async function copyMismatches(ds: DataSource) {
  return {
    cards: await ds.query(`SELECT c.id FROM cards c JOIN clients cl ON cl.id = c.client_id WHERE c.deleted_at IS NULL AND c.department_id IS DISTINCT FROM cl.department_id`),
    history: await ds.query(
      `SELECT h.id FROM card_status_changes h JOIN cards c ON c.id = h.card_id
       WHERE h.card_current AND (h.department_id IS DISTINCT FROM c.department_id OR h.owner_id IS DISTINCT FROM c.owner_id)`,
    ),
  };
}

// Small builders for test data, written straight to the test database.
import { Card, Category, Client, Department, FUNNEL_LABEL_KEYS, labelCardTotalsColumns, LABEL_CARD_TOTALS, NEW_LABEL_KEYS, Pipeline, recomputeActivityLabelTotals, recomputeFunnelLabelTotals, recomputeLabelCardTotals, recomputeNewLabelTotals, recomputeStayLabelTotals, Status, STAY_LABEL_KEYS, Tag, Todo } from '@crm/db';
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
 * Labels for the cards' clients at the start of a walk with labelSteps: every client the first tag
 * and the second category, every other client both tags, every third both categories (clients
 * carrying several of a filter's labels).
 */
export async function startLabels(ds: DataSource, cardIds: string[], labels: { tags: string[]; categories: string[] }) {
  const clients = `SELECT client_id, row_number() OVER (ORDER BY client_id) AS i FROM (SELECT DISTINCT client_id FROM cards WHERE id = ANY($1::uuid[])) c`;
  await ds.query(`INSERT INTO client_tags (client_id, tag_id) SELECT client_id, $2::uuid FROM (${clients}) c UNION ALL SELECT client_id, $3::uuid FROM (${clients}) c WHERE i % 2 = 0`, [
    cardIds, labels.tags[0], labels.tags[1],
  ]);
  await ds.query(
    `INSERT INTO client_categories (client_id, category_id) SELECT client_id, $2::uuid FROM (${clients}) c UNION ALL SELECT client_id, $3::uuid FROM (${clients}) c WHERE i % 3 = 0`,
    [cardIds, labels.categories[1], labels.categories[0]],
  );
}

/**
 * Random-walk steps that change the labels the report totals per label count by (a card counts once
 * per category and tag of its client): one client tagged or categorised, or untagged; many clients
 * tagged in one statement (a mass action) or a tag taken from all of them; a label deleted (its
 * clients' rows go by the cascade, a new one is made); a client trashed with its cards, or restored.
 * Pair with departmentSteps (a card given to another client).
 */
export async function labelSteps(ds: DataSource, pick: <T>(list: T[]) => T, cardIds: () => string[]) {
  const tags = (await ds.getRepository(Tag).save([{ name: `Tag ${++n}`, nameKey: `tag ${n}` }, { name: `Tag ${++n}`, nameKey: `tag ${n}` }])).map((t) => t.id);
  const categories = (await ds.getRepository(Category).save([{ name: `Category ${++n}` }, { name: `Category ${++n}` }])).map((c) => c.id);
  const clients = async (): Promise<string[]> =>
    (await ds.query(`SELECT DISTINCT client_id FROM cards WHERE id = ANY($1::uuid[]) ORDER BY 1`, [cardIds()])).map((r: { client_id: string }) => r.client_id);
  const label = (): [string, string, string] => pick([...tags.map((id) => ['client_tags', 'tag_id', id]), ...categories.map((id) => ['client_categories', 'category_id', id])] as Array<[string, string, string]>);
  const steps: Record<string, () => Promise<unknown>> = {
    async labelClient() {
      const [table, column, id] = label();
      const client = pick(await clients());
      if (client) await ds.query(`INSERT INTO ${table} (client_id, ${column}) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [client, id]);
    },
    async labelClients() {
      const [table, column, id] = label();
      await ds.query(`INSERT INTO ${table} (client_id, ${column}) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`, [await clients(), id]);
    },
    async unlabelClient() {
      const [table, column, id] = label();
      const client = pick(await clients());
      if (client) await ds.query(`DELETE FROM ${table} WHERE client_id = $1 AND ${column} = $2`, [client, id]);
    },
    async unlabelClients() {
      const [table, column, id] = label();
      await ds.query(`DELETE FROM ${table} WHERE client_id = ANY($1::uuid[]) AND ${column} = $2`, [await clients(), id]);
    },
    async deleteLabel() {
      const [table, , id] = label();
      if (table === 'client_tags') {
        await ds.query(`DELETE FROM tags WHERE id = $1`, [id]);
        tags.splice(tags.indexOf(id), 1, (await ds.getRepository(Tag).save({ name: `Tag ${++n}`, nameKey: `tag ${n}` })).id);
      } else {
        await ds.query(`DELETE FROM categories WHERE id = $1`, [id]);
        categories.splice(categories.indexOf(id), 1, (await ds.getRepository(Category).save({ name: `Category ${++n}` })).id);
      }
    },
    async closeDayAndValue() {
      // The forecast's and the won and lost values' columns.
      const card = pick<{ id: string }>(await ds.query(`SELECT id FROM cards WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`, [cardIds()]));
      const day = pick<string | null>([null, '2026-03-10', '2026-04-20']);
      if (card) await ds.query(`UPDATE cards SET expected_close_date = $1, value = $2 WHERE id = $3`, [day, pick<number | null>([null, 100, 250.5]), card.id]);
    },
    async trashOrRestoreClient() {
      // The trash takes a client with its live cards; a restore brings back those the client's trashing
      // took. One client in the trash at a time (restored first), so the walk's other steps keep live cards.
      const [trashed] = await ds.query(`SELECT id, deleted_at FROM clients WHERE id = ANY($1::uuid[]) AND deleted_at IS NOT NULL ORDER BY id LIMIT 1`, [await clients()]);
      if (trashed) {
        await ds.query(`UPDATE clients SET deleted_at = NULL WHERE id = $1`, [trashed.id]);
        // (Not where the client has a live card in the pipeline since, as the app requires.)
        await ds.query(
          `UPDATE cards c SET deleted_at = NULL WHERE c.client_id = $1 AND c.deleted_at = $2
             AND NOT EXISTS (SELECT 1 FROM cards o WHERE o.client_id = c.client_id AND o.pipeline_id = c.pipeline_id AND o.deleted_at IS NULL)`,
          [trashed.id, trashed.deleted_at],
        );
        return;
      }
      const client = pick(await clients());
      if (!client) return;
      const [{ now }] = await ds.query(`SELECT clock_timestamp() AS now`);
      await ds.query(`UPDATE clients SET deleted_at = $2 WHERE id = $1`, [client, now]);
      await ds.query(`UPDATE cards SET deleted_at = $2 WHERE client_id = $1 AND deleted_at IS NULL`, [client, now]);
    },
  };
  return { steps, tags, categories };
}

/** The rows of every total per label (card rows, activity, funnel, stays, new cards and clients) that differ from a recompute from the cards and sources: none when the triggers keep them. */
export async function labelTotalsMismatches(ds: DataSource): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const tables = [
    ...LABEL_CARD_TOTALS.map((t) => ({ table: t.table, columns: labelCardTotalsColumns(t), truth: recomputeLabelCardTotals(t), nonzero: 'count <> 0 OR valued <> 0 OR amount <> 0' })),
    { table: 'report_activity_label_totals', columns: 'label_id, pipeline_id, kind, hour, user_id, department_id, n', truth: recomputeActivityLabelTotals(), nonzero: 'n <> 0' },
    { table: 'report_funnel_label_totals', columns: `${FUNNEL_LABEL_KEYS}, n`, truth: recomputeFunnelLabelTotals(), nonzero: 'n <> 0' },
    { table: 'report_stay_label_totals', columns: `${STAY_LABEL_KEYS}, n, seconds`, truth: recomputeStayLabelTotals(), nonzero: 'n <> 0 OR seconds <> 0' },
    { table: 'report_new_label_totals', columns: `${NEW_LABEL_KEYS}, n`, truth: recomputeNewLabelTotals(), nonzero: 'n <> 0' },
  ];
  for (const { table, columns, truth, nonzero } of tables) {
    const cols = columns.split(', ');
    const kept = `SELECT ${columns} FROM ${table} WHERE ${nonzero}`;
    const recomputed = `SELECT * FROM (${truth}) r (${columns})`;
    out[table] = await ds.query(
      `SELECT 'kept' AS side, * FROM ((${kept}) EXCEPT ALL (${recomputed})) a
       UNION ALL SELECT 'recomputed', * FROM ((${recomputed}) EXCEPT ALL (${kept})) b ORDER BY ${cols.map((_, i) => i + 2).join(', ')}`,
    );
  }
  return out;
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
 * their pipeline) whose department, owner or client is not their card's: both empty when the triggers keep them.
 */
export async function copyMismatches(ds: DataSource) {
  return {
    cards: await ds.query(`SELECT c.id FROM cards c JOIN clients cl ON cl.id = c.client_id WHERE c.deleted_at IS NULL AND c.department_id IS DISTINCT FROM cl.department_id`),
    history: await ds.query(
      `SELECT h.id FROM card_status_changes h JOIN cards c ON c.id = h.card_id
       WHERE h.card_current AND (h.department_id IS DISTINCT FROM c.department_id OR h.owner_id IS DISTINCT FROM c.owner_id OR h.client_id IS DISTINCT FROM c.client_id)`,
    ),
  };
}

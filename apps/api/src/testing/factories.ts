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

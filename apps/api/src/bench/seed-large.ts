// Fills a database for the benchmark: one pipeline of 8 statuses, N clients with a card each,
// 50 users, tags and open todos. Set-based SQL (generate_series, unnest), not one INSERT a row.
import { hashPassword } from '@crm/db';
import { positionsBetween } from '@crm/shared';
import type { DataSource } from 'typeorm';

export const BENCH_PASSWORD = 'bench-password';

export interface BenchFixture {
  pipelineId: string;
  statusIds: string[];
  userIds: string[];
  tagIds: string[];
}

export async function seedLarge(ds: DataSource, clients: number): Promise<BenchFixture> {
  const hash = await hashPassword(BENCH_PASSWORD);
  const users: Array<{ id: string }> = await ds.query(
    `INSERT INTO users (email, name, role, password_hash)
     SELECT CASE WHEN i = 1 THEN 'admin@bench.test' ELSE 'user' || i || '@bench.test' END, 'Bench User ' || i,
            CASE WHEN i = 1 THEN 'ADMIN' ELSE 'NORMAL' END::user_role, $1
     FROM generate_series(1, 50) i RETURNING id`,
    [hash],
  );
  const userIds = users.map((u) => u.id);
  const [{ id: pipelineId }] = await ds.query(`INSERT INTO pipelines (name, position) VALUES ('Bench', 0) RETURNING id`);
  const statuses: Array<{ id: string }> = await ds.query(
    `INSERT INTO statuses (pipeline_id, name, kind, position)
     SELECT $1, 'Status ' || i, (CASE WHEN i = 7 THEN 'WON' WHEN i = 8 THEN 'LOST' ELSE 'OPEN' END)::status_kind, i
     FROM generate_series(1, 8) i ORDER BY i RETURNING id`,
    [pipelineId],
  );
  const statusIds = statuses.map((s) => s.id);
  const tags: Array<{ id: string }> = await ds.query(`INSERT INTO tags (name, name_key) SELECT 'Tag ' || i, 'tag ' || i FROM generate_series(1, 20) i RETURNING id`);
  const tagIds = tags.map((t) => t.id);

  const words = ['Alfa', 'Béta', 'Gamma', 'Delta', 'Łódź', 'Kraków', 'Žilina', 'Győr', 'Pécs', 'Nitra', 'Trans', 'Bau', 'Tech', 'Agro', 'Med', 'Soft'];
  const batch = 50_000;
  for (let start = 0; start < clients; start += batch) {
    const n = Math.min(batch, clients - start);
    await ds.query(
      `INSERT INTO clients (name, type, emails, phones, owner_id, created_at)
       SELECT w1 || ' ' || w2 || ' ' || i, 'COMPANY', ARRAY['info' || i || '@example' || (i % 997) || '.hu'], ARRAY['+36 30 ' || lpad((i % 10000000)::text, 7, '0')],
              ($1::uuid[])[1 + (i % 50)], now() - (i % 700) * interval '1 day'
       FROM generate_series($2::int, $3::int) i,
            LATERAL (SELECT ($4::text[])[1 + (i % 16)] AS w1, ($4::text[])[1 + ((i / 16) % 16)] AS w2) w`,
      [userIds, start + 1, start + n, words],
    );
  }
  // One card per client, spread over the 8 columns, each column in fractional-key order.
  const perColumn = Math.ceil(clients / 8);
  const keys = positionsBetween(null, null, perColumn);
  await ds.query(
    `INSERT INTO cards (client_id, pipeline_id, status_id, owner_id, position, value, currency, created_at)
     SELECT cl.id, $1, ($2::uuid[])[1 + (rn - 1) % 8], cl.owner_id, ($3::text[])[1 + (rn - 1) / 8],
            (rn % 1000) * 100, CASE WHEN rn % 3 = 0 THEN 'HUF' ELSE 'EUR' END, cl.created_at
     FROM (SELECT id, owner_id, created_at, row_number() OVER (ORDER BY created_at, id) AS rn FROM clients) cl`,
    [pipelineId, statusIds, keys],
  );
  await ds.query(`INSERT INTO client_tags (client_id, tag_id) SELECT id, ($1::uuid[])[1 + abs(hashtext(id::text)) % 20] FROM clients WHERE abs(hashtext(id::text)) % 10 < 3`, [tagIds]);
  await ds.query(
    `INSERT INTO todos (card_id, title, assignee_id, deadline)
     SELECT c.id, 'Call back', c.owner_id, now() + ((abs(hashtext(c.id::text)) % 40) - 10) * interval '1 day'
     FROM cards c WHERE abs(hashtext(c.id::text)) % 2 = 0`,
  );
  // What autovacuum would do on a live database: statistics and the visibility map (index-only scans).
  await ds.query('VACUUM ANALYZE');
  return { pipelineId, statusIds, userIds, tagIds };
}

/** What seedLarge returned, read back from a database it filled (`--reuse`). */
export async function loadLargeFixture(ds: DataSource): Promise<BenchFixture> {
  const [{ id: pipelineId }] = await ds.query(`SELECT id FROM pipelines WHERE name = 'Bench'`);
  const ids = async (sql: string, params: unknown[] = []) => ((await ds.query(sql, params)) as Array<{ id: string }>).map((r) => r.id);
  return {
    pipelineId,
    statusIds: await ids(`SELECT id FROM statuses WHERE pipeline_id = $1 ORDER BY position`, [pipelineId]),
    userIds: await ids(`SELECT id FROM users WHERE email LIKE '%@bench.test' ORDER BY substr(name, 12)::int`),
    tagIds: await ids(`SELECT id FROM tags WHERE name LIKE 'Tag %' ORDER BY substr(name, 5)::int`),
  };
}

import Cursor from 'pg-cursor';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

export type Row = Record<string, any>;

/**
 * A query's rows in batches through a PostgreSQL cursor, so memory stays flat whatever the count.
 * Ending the loop early (the client went away, the consumer threw) closes the cursor and gives the
 * connection back; a connection that failed is destroyed rather than reused.
 */
export async function* cursorBatches(ds: DataSource, sql: string, values: unknown[], batchSize = 5000): AsyncGenerator<Row[], void, undefined> {
  const [client, release] = (await (ds.driver as PostgresDriver).obtainMasterConnection()) as [
    { query<T>(cursor: Cursor<T>): Cursor<T>; query(sql: string): Promise<unknown> },
    (err?: unknown) => void,
  ];
  let failure: unknown;
  // One read-only snapshot for the whole file. A cursor is planned for its first rows unless told
  // otherwise; an export reads them all, so plan for the total (and give the sort room in memory).
  try {
    await client.query('BEGIN READ ONLY');
    await client.query('SET LOCAL cursor_tuple_fraction = 1');
    await client.query(`SET LOCAL work_mem = '64MB'`);
    // Compiling a 500,000-row plan took seconds more than the plan took to run.
    await client.query('SET LOCAL jit = off');
  } catch (err) {
    release(err);
    throw err;
  }
  const cursor = client.query(new Cursor<Row>(sql, values));
  // The next batch is asked for before this one is handed on, so PostgreSQL sends rows while the
  // caller formats the previous ones.
  let next: Promise<Row[]> | null = null;
  try {
    next = cursor.read(batchSize);
    for (;;) {
      const rows = await next;
      next = null;
      if (rows.length === 0) return;
      next = cursor.read(batchSize);
      yield rows;
    }
  } catch (err) {
    failure = err;
    throw err;
  } finally {
    // A read still in flight (the caller stopped early) finishes before the cursor closes.
    if (next) await next.catch((err: unknown) => (failure = err));
    // After a failed read the connection is destroyed, not closed politely.
    if (!failure) await cursor.close().then(() => client.query('COMMIT')).catch((err: unknown) => (failure = err));
    release(failure);
  }
}

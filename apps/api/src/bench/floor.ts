// The SQL floor of an API request: the very statements the API sent for it (recorded from TypeORM's
// logger), replayed straight on PostgreSQL over a plain connection. A change is judged by the ratio
// of the API's time to its floor, which the machine's noise moves much less than either figure.
import type { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';

export type Statement = [string, unknown[] | undefined];

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/** The statements the API's data source ran while `fn` ran (nothing else may run meanwhile). */
export async function record(ds: DataSource, fn: () => Promise<unknown>): Promise<Statement[]> {
  const logger = ds.logger;
  const original = logger.logQuery.bind(logger);
  const statements: Statement[] = [];
  logger.logQuery = (query, parameters, runner) => {
    statements.push([query, parameters as unknown[] | undefined]);
    return original(query, parameters, runner);
  };
  try {
    await fn();
  } finally {
    logger.logQuery = original;
  }
  return statements;
}

export async function replay(client: PgClient, statements: Statement[]): Promise<void> {
  for (const [query, params] of statements) await client.query(query, params as unknown[]);
}

const round = (n: number) => Math.round(n * 10) / 10;

export function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

export const stats = (times: number[]) => ({ p50: percentile(times, 50), p95: percentile(times, 95) });

export interface SideBySide {
  name: string;
  api: { p50: number; p95: number };
  floor: { p50: number; p95: number };
  /**
   * This process's CPU per request in ms (user + system, mean): the API's (server and the bench's
   * HTTP client, one process) and the floor's (the pg client). Less moved by other work on the
   * machine than the times are.
   */
  cpu: { api: number; floor: number };
  /** The limit for the API at p95 in ms, if it has one beside the ratios. */
  target: number | null;
}

/**
 * Runs a request `iterations` times; after each, replays the statements it sent on `client`, so the
 * API and its floor are measured side by side under the same conditions. With `clock` (a running
 * total of milliseconds, like httpClock) the API's time is what the clock gained during the request
 * rather than the whole call.
 */
export async function measureBesideFloor(
  ds: DataSource,
  client: PgClient,
  name: string,
  target: number | null,
  iterations: number,
  request: (i: number) => Promise<unknown>,
  clock?: { ms: number },
): Promise<SideBySide> {
  for (let i = 0; i < 10; i++) await request(i); // warm-up
  const api: number[] = [];
  const floor: number[] = [];
  const cpu = { api: 0, floor: 0 };
  const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
  for (let i = 0; i < iterations; i++) {
    let t = 0;
    let used = process.cpuUsage();
    const statements = await record(ds, async () => {
      const before = clock?.ms ?? 0;
      t = await timed(() => request(i));
      if (clock) t = clock.ms - before;
    });
    cpu.api += cpuMs(process.cpuUsage(used));
    api.push(t);
    used = process.cpuUsage();
    floor.push(await timed(() => replay(client, statements)));
    cpu.floor += cpuMs(process.cpuUsage(used));
  }
  return { name, api: stats(api), floor: stats(floor), cpu: { api: Math.round((cpu.api / iterations) * 100) / 100, floor: Math.round((cpu.floor / iterations) * 100) / 100 }, target };
}

/** The bar: at most 1.5x the floor at p50 and 2x at p95 (and the absolute target, if any). */
export function withinFloor(r: SideBySide): boolean {
  return r.api.p50 <= 1.5 * r.floor.p50 && r.api.p95 <= 2 * r.floor.p95 && (r.target === null || r.api.p95 <= r.target);
}

export function ratio(api: number, floor: number): string {
  return floor > 0 ? `${(api / floor).toFixed(2)}×` : '–';
}

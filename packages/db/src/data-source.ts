import 'reflect-metadata';
import type { Pool } from 'pg';
import { DataSource, Logger as TypeOrmLogger, QueryFailedError } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './naming-strategy';

export interface DataSourceOptions {
  /** Pool size; the API and worker use the default. */
  poolSize?: number;
  logger?: TypeOrmLogger;
  applicationName?: string;
  /** The migrations it knows (default: all); a restore applies only those its backup had. */
  migrations?: Function[];
}

/** The one way to reach PostgreSQL. Schema changes come from migrations only, never `synchronize`. */
export function createDataSource(url: string, options: DataSourceOptions = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: options.migrations ?? MIGRATIONS,
    migrationsTableName: 'migrations',
    uuidExtension: 'pgcrypto',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // Failed queries surface as errors where they happen (and are logged there when unexpected).
    logging: false,
    logger: options.logger,
    extra: { max: options.poolSize ?? 10, application_name: options.applicationName ?? 'crm' },
  });
}

/**
 * The rows of one statement run straight on the data source's pool, for the few that every request
 * runs (the session, the board's and lists' reads) and mail delivery's. TypeORM's query() makes a
 * query runner, sends its events and wraps the result for each statement: about 0.15 ms of CPU
 * each, measured beside pool.query. Told to TypeORM's logger like TypeORM's own statements, and
 * failing with the same QueryFailedError (whose PostgreSQL code the API's errors read).
 */
export async function poolQuery<T = any>(ds: DataSource, text: string, values?: unknown[], name?: string): Promise<T[]> {
  ds.logger.logQuery(text, values);
  try {
    // A name makes it a prepared statement on each connection (planned once, for statements run
    // many times a second whose planning costs more than their execution).
    return (await (ds.driver as unknown as { master: Pool }).master.query({ text, values, name })).rows;
  } catch (err) {
    throw new QueryFailedError(text, values, err as Error);
  }
}

/** Applies every pending migration; returns the names of those applied. */
export async function runMigrations(ds: DataSource): Promise<string[]> {
  const applied = await ds.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}

/** The SQL the entities need that the migrations have not applied (empty when in step). */
export async function pendingSchemaChanges(ds: DataSource): Promise<string[]> {
  const sql = await ds.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

import 'reflect-metadata';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
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

// Applies pending migrations to DATABASE_URL.
import { createDataSource, runMigrations } from '../data-source';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set.');
    process.exit(2);
  }
  const ds = await createDataSource(url).initialize();
  const applied = await runMigrations(ds);
  await ds.destroy();
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

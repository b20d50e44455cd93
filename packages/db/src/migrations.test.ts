import { createDataSource, pendingSchemaChanges, runMigrations } from './data-source';
import { createEmptyDatabase } from './testing';

describe('migrations', () => {
  it('build the schema the entities describe, from an empty database (no migration is missing)', async () => {
    const db = await createEmptyDatabase();
    const ds = await createDataSource(db.url).initialize();
    try {
      const applied = await runMigrations(ds);
      expect(applied.length).toBeGreaterThan(0);
      expect(await pendingSchemaChanges(ds)).toEqual([]);
      // And they can be undone to an empty schema and applied again.
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const tables = await ds.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`);
      expect(tables).toEqual([]);
      expect(await runMigrations(ds)).toEqual(applied);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});

// npm run backup <folder>            the database (pg_dump) and the files folder into a new folder
// npm run restore <folder> --yes     replaces the database and the files folder with a backup's
// DATABASE_URL and FILES_DIR as for the API (FILES_DIR defaults to .data/files); PG_BIN: where
// pg_dump/pg_restore are (their major version must be the server's or newer).
import path from 'node:path';
import { backup, restore } from '../backup/backup';
import { MIGRATIONS } from '../migrations';

async function main() {
  const [command, folder, ...flags] = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL;
  const cwd = process.env.INIT_CWD || process.cwd();
  if (!databaseUrl || !folder || (command !== 'backup' && command !== 'restore')) {
    console.error('Usage: DATABASE_URL=postgres://... backup <folder> | restore <folder> --yes');
    process.exit(2);
  }
  const options = {
    databaseUrl,
    filesDir: path.resolve(cwd, process.env.FILES_DIR ?? path.resolve(__dirname, '../../../../.data/files')),
    pgBin: process.env.PG_BIN || undefined,
  };
  const dir = path.resolve(cwd, folder);
  if (command === 'backup') {
    const last = MIGRATIONS.length ? (MIGRATIONS[MIGRATIONS.length - 1] as { name: string }).name : null;
    const manifest = await backup(options, dir, last);
    console.log(`Backed up the database (${manifest.dump.bytes} bytes) and ${manifest.files.count} files into ${dir}`);
    return;
  }
  if (!flags.includes('--yes')) {
    console.error(`This replaces the database and ${options.filesDir} with the backup in ${dir}. Stop the API and the worker, then run again with --yes.`);
    process.exit(2);
  }
  const manifest = await restore(options, dir);
  console.log(`Restored the backup of ${manifest.createdAt} (${manifest.files.count} files). Start the API: it applies any newer migrations.`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});

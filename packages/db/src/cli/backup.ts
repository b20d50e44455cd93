// npm run backup [-- --out FILE]        the database and the files folder into one .tar.gz
// npm run restore -- FILE [--force]     a backup back into the database and the files folder
// DATABASE_URL and FILES_DIR as for the API (FILES_DIR defaults to .data/files). Relative paths are
// read from where npm was run. Refusals print their code: BACKUP_CORRUPT, BACKUP_NEWER_THAN_CODE,
// RESTORE_TARGET_NOT_EMPTY, ... (packages/db/src/backup/manifest.ts).
import 'reflect-metadata';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backup } from '../backup/backup';
import { BackupError } from '../backup/manifest';
import { restore } from '../backup/restore';

const USAGE = 'usage: npm run backup [-- --out FILE.tar.gz]   |   npm run restore -- FILE.tar.gz [--force]';

function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-').replace(/-\d{3}Z$/, 'Z');
}

export async function main(command: string | undefined, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  const help = values.help || command === '--help' || command === '-h';
  if (help || (command !== 'backup' && command !== 'restore')) {
    console.log(USAGE);
    return help ? 0 : 2;
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is not set.');
    return 2;
  }
  const cwd = process.env.INIT_CWD || process.cwd();
  const filesDir = path.resolve(cwd, process.env.FILES_DIR ?? path.resolve(__dirname, '../../../../.data/files'));
  if (command === 'backup') {
    const out = path.resolve(cwd, values.out ?? positionals[0] ?? path.join('backups', `crm-${stamp(new Date())}.tar.gz`));
    await mkdir(path.dirname(out), { recursive: true });
    const started = Date.now();
    const manifest = await backup({ databaseUrl, filesDir }, out);
    const rows = manifest.tables.reduce((s, t) => s + t.rows, 0);
    console.log(`Backed up ${manifest.tables.length} tables (${rows} rows) and ${manifest.files.count} files (${manifest.files.bytes} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s to ${out}`);
    return 0;
  }
  const archive = positionals[0];
  if (!archive) {
    console.error(`Name the backup file to restore.\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  const manifest = await restore({ databaseUrl, filesDir, force: values.force }, path.resolve(cwd, archive));
  console.log(
    `Restored the backup of ${manifest.createdAt} (${manifest.tables.length} tables, ${manifest.files.count} files) in ${((Date.now() - started) / 1000).toFixed(1)} s. ` +
      'Start the API: it applies any newer migrations.',
  );
  return 0;
}

if (require.main === module) {
  const [command, ...rest] = process.argv.slice(2);
  main(command, rest).then(
    (code) => process.exit(code),
    (err) => {
      if (err instanceof BackupError) console.error(`${err.code}: ${err.message}`);
      else console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}

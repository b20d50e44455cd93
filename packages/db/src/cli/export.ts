// `npm run export -- --view <id> | --pipeline <id> | --clients [--format csv|csv-excel|xlsx|xml] [--as <email>] [--out FILE]`
// The same engine as the app's Export button, for migrations and scheduled jobs: it acts with the
// visibility of the user given by --as (default: the oldest active admin), prints progress to stderr
// and `exported N rows` at the end. DATABASE_URL says which database.
import 'reflect-metadata';
import { DEFAULT_TIME_ZONE, Role } from '@crm/shared';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadViewer } from '../access/viewer';
import { createDataSource } from '../data-source';
import { User } from '../entities';
import { EXPORT_FORMATS, ExportError, prepareExport, type ExportFormat, type ExportSource } from '../export/engine';

const USAGE = `usage: npm run export -- (--view <id> | --pipeline <id> | --clients) [--format ${EXPORT_FORMATS.join('|')}] [--as <user email>] [--out FILE]`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      view: { type: 'string' },
      pipeline: { type: 'string' },
      clients: { type: 'boolean' },
      format: { type: 'string', default: 'csv' },
      as: { type: 'string' },
      out: { type: 'string' },
      columns: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const chosen = [values.view, values.pipeline, values.clients].filter(Boolean).length;
  if (chosen !== 1) {
    console.error(`Say what to export: one of --view, --pipeline or --clients.\n${USAGE}`);
    return 2;
  }
  if (!(EXPORT_FORMATS as readonly string[]).includes(values.format!)) {
    console.error(`Unknown format "${values.format}": choose ${EXPORT_FORMATS.join(', ')}.`);
    return 2;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set.');
    return 2;
  }
  const columns = values.columns?.split(',').map((c) => c.trim()).filter(Boolean);
  const source: ExportSource = values.view
    ? { kind: 'view', viewId: values.view }
    : values.pipeline
      ? { kind: 'cards', pipelineId: values.pipeline, columns }
      : { kind: 'clients', columns };

  const ds = await createDataSource(url, { applicationName: 'crm-export' }).initialize();
  try {
    const users = ds.getRepository(User);
    const user = values.as
      ? await users.findOneBy({ email: values.as.trim().toLowerCase(), active: true })
      : await users.findOne({ where: { role: Role.Admin, active: true }, order: { createdAt: 'ASC' } });
    if (!user) {
      console.error(values.as ? `No active user with the email ${values.as}.` : 'There is no active admin: name a user with --as.');
      return 2;
    }
    const viewer = (await loadViewer(ds.manager, user.id))!;
    const prepared = await prepareExport(ds, viewer, { source, format: values.format as ExportFormat, timeZone: process.env.ORG_TIME_ZONE || DEFAULT_TIME_ZONE, language: user.locale });
    const base = process.env.INIT_CWD || process.cwd();
    const file = path.resolve(base, values.out ?? prepared.fileName);
    // Written beside its place and renamed at the end, so a broken run leaves no half file behind.
    const partial = `${file}.partial`;
    console.error(`Exporting as ${user.email} to ${file}`);
    let last = 0;
    try {
      const result = await prepared.run(createWriteStream(partial), (p) => {
        const now = Date.now();
        if (now - last < 1000) return;
        last = now;
        console.error(`  ${p.rows.toLocaleString('en')} rows, ${(p.bytes / 1e6).toFixed(1)} MB`);
      });
      await rename(partial, file);
      if (result.replaced.replaced) {
        console.error(`${result.replaced.replaced} characters have no place in Windows-1250 and were transliterated (${result.replaced.examples.join(' ')}).`);
      }
      console.log(`exported ${result.rows} rows`);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    return 0;
  } catch (err) {
    if (err instanceof ExportError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await ds.destroy();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}

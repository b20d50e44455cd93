// `npm run import -- FILE [options]`: the import engine from the command line (migrations, scheduled
// jobs). Runs in this process with the scope of the user given by --as, prints progress to stderr
// and ends with "created N, updated N, skipped N, rejected N". See README ("Import from the command line").
import 'reflect-metadata';
import { createDataSource, loadOrganisationSettings, createImport, ImportRun, inspectFile, LocalDiskStorage, loadViewer, readRecords, rejectsFile, runImport, User, type ParseSettings } from '@crm/db';
import { DuplicatePolicy, headerKey, isImportTarget, jobProgress, suggestMapping } from '@crm/shared';
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';

const USAGE = `usage: npm run import -- FILE --as EMAIL [options]
  --as EMAIL               import with this user's rights and visibility (an Admin or Manager)
  --pipeline NAME          give every row a card in this pipeline (default: clients only)
  --status NAME            ... in this status (default: the pipeline's first)
  --duplicates POLICY      skip | fill | overwrite | create   (default: skip)
  --department NAME        department of new clients
  --owner EMAIL            owner of new clients and cards (default: --as)
  --encoding ENC           utf-8 | utf-16le | utf-16be | windows-1250 | iso-8859-2 | windows-1252 (default: detected)
  --delimiter D            , ; tab |   (default: detected)
  --header-row N           the header's row (default: detected)
  --sheet NAME             XLSX sheet (default: the first)
  --map "Header=target"    map a column (repeatable; others are suggested), e.g. --map "Adószám=client.taxId"
  --locale hu|en|pl|sk     how amounts are written (default: hu)   --currency HUF   --country HU (default: the organisation's)
  --skip-broken-rows       reject unreadable rows and import the rest
  --no-automations         cards created start no automations
  --rejects PATH           write the rejected rows here (default: FILE-rejected.csv when any)`;

function options(argv: string[]) {
  const out: Record<string, string | string[] | boolean> = {};
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const key = a.slice(2);
    if (key === 'skip-broken-rows' || key === 'no-automations' || key === 'help') out[key] = true;
    else if (key === 'map') out.map = [...((out.map as string[]) ?? []), argv[++i]];
    else out[key] = argv[++i];
  }
  return { files, out };
}

const POLICIES: Record<string, DuplicatePolicy> = { skip: DuplicatePolicy.Skip, fill: DuplicatePolicy.FillEmpty, overwrite: DuplicatePolicy.Overwrite, create: DuplicatePolicy.CreateAnyway };

async function main() {
  const { files, out } = options(process.argv.slice(2).filter((a) => a !== '--'));
  if (out.help || files.length !== 1 || !out.as) {
    console.error(USAGE);
    process.exit(2);
  }
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), files[0]);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const ds = await createDataSource(url).initialize();
  try {
    const user = await ds.getRepository(User).findOneBy({ email: String(out.as).toLowerCase() });
    const viewer = user ? await loadViewer(ds.manager, user.id) : null;
    if (!viewer || !['ADMIN', 'MANAGER'].includes(viewer.role)) throw new Error(`--as must name an active Admin or Manager`);
    const named = async (table: string, name: unknown, where = '') => {
      if (!name) return null;
      const [row] = await ds.query(`SELECT id FROM ${table} WHERE lower(name) = lower($1) ${where}`, [name]);
      if (!row) throw new Error(`no ${table.replace(/s$/, '')} named "${name}"`);
      return row.id as string;
    };
    const pipelineId = await named('pipelines', out.pipeline);
    const statusId = pipelineId ? await named('statuses', out.status, `AND pipeline_id = '${pipelineId}'`) : null;
    const ownerId = out.owner ? (await ds.query(`SELECT id FROM users WHERE email = lower($1) AND active`, [out.owner]))[0]?.id : null;
    if (out.owner && !ownerId) throw new Error(`no active user ${out.owner}`);
    const policy = POLICIES[String(out.duplicates ?? 'skip')];
    if (!policy) throw new Error('--duplicates is one of skip, fill, overwrite, create');

    const storage = new LocalDiskStorage(path.resolve(process.env.FILES_DIR ?? path.resolve(__dirname, '../../../../.data/files')));
    const key = `imports/${viewer.id}/${randomUUID()}`;
    await storage.put(key, createReadStream(file));
    const open = () => storage.get(key);
    const given: Partial<ParseSettings> = { skipBrokenRows: !!out['skip-broken-rows'] };
    if (out.encoding) given.encoding = out.encoding as ParseSettings['encoding'];
    if (out.delimiter) given.delimiter = out.delimiter === 'tab' ? '\t' : String(out.delimiter);
    if (out['header-row']) given.headerRow = Number(out['header-row']);
    if (out.sheet) given.sheet = String(out.sheet);
    const { settings } = await inspectFile(open, path.basename(file), given);
    let headers: string[] = [];
    for await (const rec of readRecords(open, settings)) {
      if (rec.rowNo < settings.headerRow) continue;
      headers = rec.fields;
      break;
    }
    const fields: Array<{ id: string; label: string }> = pipelineId ? await ds.query(`SELECT id, label FROM custom_fields WHERE pipeline_id = $1`, [pipelineId]) : [];
    const forced: Record<string, string> = {};
    for (const m of (out.map as string[]) ?? []) {
      const [h, t] = m.split('=');
      if (!isImportTarget(t) && t !== '') throw new Error(`unknown target "${t}"`);
      forced[headerKey(h)] = t;
    }
    const mapping = suggestMapping(headers, fields, forced).map((t, i) => (forced[headerKey(headers[i])] === '' ? null : t));
    console.error(`reading ${path.basename(file)}: ${settings.format}, ${settings.encoding}, delimiter ${JSON.stringify(settings.delimiter)}, header on row ${settings.headerRow}`);
    headers.forEach((h, i) => console.error(`  ${h} -> ${mapping[i] ?? '(ignored)'}`));
    const departmentId = await named('departments', out.department);
    // Phones without a country code: --country, else the organisation's phone country.
    const country = out.country ? String(out.country) : (await loadOrganisationSettings(ds.manager)).defaultCountry;
    const imp = await ds.transaction((em) =>
      createImport(em, viewer, {
        fileName: path.basename(file),
        fileKey: key,
        fileSize: statSync(file).size,
        settings,
        mapping,
        target: {
          pipelineId,
          statusId,
          ownerId,
          categoryIds: [],
          tagIds: [],
          departmentId,
          duplicates: policy,
          noAutomations: !!out['no-automations'],
          locale: String(out.locale ?? 'hu'),
          country,
          currency: String(out.currency ?? 'HUF'),
        },
      }),
    );
    const job = await runImport(ds, imp.id, {
      storage,
      afterBatch: async () => {
        const [row] = await ds.query(`SELECT rows_done, rows_total, rows_at_resume, resumed_at FROM background_jobs WHERE id = $1`, [imp.id]);
        const p = jobProgress({ rowsDone: row.rows_done, rowsTotal: row.rows_total, rowsAtResume: row.rows_at_resume, resumedAt: row.resumed_at });
        process.stderr.write(`\r${p.rowsDone}/${p.rowsTotal ?? '?'} rows, ${Math.round(p.rowsPerSecond ?? 0)} rows/s, ${p.secondsLeft ?? '?'} s left   `);
      },
    });
    process.stderr.write('\n');
    if (job?.state !== 'DONE') throw new Error(`import ${job?.state?.toLowerCase()}: ${job?.errorCode} ${JSON.stringify(job?.errorParams ?? {})}`);
    const c = job.result as { created: number; updated: number; skipped: number; rejected: number };
    if (c.rejected) {
      const target = out.rejects ? path.resolve(String(out.rejects)) : file.replace(/(\.[^.]+)?$/, '-rejected.csv');
      const rejects = await rejectsFile(ds.manager, await ds.getRepository(ImportRun).findOneByOrFail({ id: imp.id }), (code, params) => `${code} ${JSON.stringify(params)}`);
      writeFileSync(target, rejects.body);
      console.error(`rejected rows written to ${target}`);
    }
    console.log(`created ${c.created}, updated ${c.updated}, skipped ${c.skipped}, rejected ${c.rejected}`);
    console.error(`import id ${imp.id} (undo it in the app within 30 days)`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(`import failed: ${err.message}`);
  process.exit(1);
});

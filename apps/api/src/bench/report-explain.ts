// Times each Reports widget's statements on an existing benchmark database (BENCH_DATABASE_URL),
// straight on PostgreSQL with the service's settings, and prints EXPLAIN ANALYZE of each with --explain.
// `--departments` reads as a department-limited manager, `--department-filter` with the page filtered to a
// department, `--tag-filter` with the page filtered to the most used tag (`--tags=N`: the N most used), `--category-filter` to the most
// used category (with a tag: both together), `--normal` as a Normal user (their own cards);
// `--now=<ISO instant>` reads as at that moment; `--buffers` adds the buffers read to --explain
// (the overdue todos of its hour). `--seed` first brings the database to the current migrations and gives it the benchmark's history.
import { createDataSource, runMigrations } from '@crm/db';
import { ReportPeriodPreset, Role } from '@crm/shared';
import { PipelineService } from '../modules/pipelines/pipeline.service';
import { REPORT_SETTINGS, ReportService } from '../modules/reports/report.service';
import { seedReportHistory, type Captured } from './report-bench';

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is required');
  const ds = await createDataSource(url).initialize();
  if (process.argv.includes('--seed')) {
    await runMigrations(ds);
    console.log('history rows', await seedReportHistory(ds));
  }
  // Whether the reads come from PostgreSQL's own cache decides much of each figure at 1,000,000 cards.
  console.log(`PostgreSQL shared_buffers ${(await ds.query('SHOW shared_buffers'))[0].shared_buffers}`);
  const [{ id: pipelineId }] = await ds.query(`SELECT pipeline_id AS id FROM cards GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  const [{ id: adminId }] = await ds.query(`SELECT id FROM users WHERE role = 'ADMIN' ORDER BY email LIMIT 1`);
  const captured: Captured[] = [];
  class Capturing extends ReportService {
    protected override sql<T>(text: string, params: unknown[], settings?: string): Promise<T> {
      captured.push([text, params, settings]);
      return super.sql(text, params, settings);
    }
  }
  const service = new Capturing(ds, new PipelineService(ds), async () => 'Europe/Budapest');
  const period = (process.argv.find((a) => a.startsWith('--period='))?.slice(9) ?? ReportPeriodPreset.ThisMonth) as ReportPeriodPreset;
  // `--departments`: as a manager limited to the department of most clients (with the clients without
  // one), or, when no client has one (the benchmark's data), to a department of no client.
  // `--department-filter`: the page filtered to the department of most clients.
  const [{ id: biggest }] = await ds.query(
    `SELECT coalesce((SELECT department_id FROM clients WHERE department_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1), gen_random_uuid()) AS id`,
  );
  const departmentIds: string[] = process.argv.includes('--departments') ? [biggest] : [];
  const filterDepartments = process.argv.includes('--department-filter') ? [biggest] : undefined;
  // `--normal`: as a Normal user (their own numbers: the report filtered to the cards they own), the
  // owner of the most cards.
  const normal = process.argv.includes('--normal')
    ? ((await ds.query(`SELECT owner_id AS id FROM cards WHERE owner_id IS NOT NULL GROUP BY owner_id ORDER BY count(*) DESC LIMIT 1`))[0].id as string)
    : null;
  const viewer = normal
    ? { id: normal, role: Role.Normal, departmentIds }
    : departmentIds.length
      ? { id: adminId, role: Role.Manager, departmentIds }
      : { id: adminId, role: Role.Admin, departmentIds };
  const nowArg = process.argv.find((a) => a.startsWith('--now='))?.slice(6);
  const now = nowArg ? new Date(nowArg) : new Date();
  // `--tag-filter`: the report filtered to the clients of the most used tag (one label: the totals per label serve every widget).
  // `--tags=N`: filtered to the N most used tags (any of them: the totals per label summed, less the clients that carry two).
  const tagCount = process.argv.includes('--tag-filter') ? 1 : Number(process.argv.find((a) => a.startsWith('--tags='))?.slice(7) ?? 0);
  const tagIds: string[] | undefined = tagCount
    ? (await ds.query(`SELECT tag_id AS id FROM client_tags GROUP BY 1 ORDER BY count(*) DESC LIMIT $1`, [tagCount])).map((r: { id: string }) => r.id)
    : undefined;
  // `--category-filter`: filtered to the most used category too (with a tag: a category and a tag together).
  const categoryIds: string[] | undefined = process.argv.includes('--category-filter')
    ? (await ds.query(`SELECT category_id AS id FROM client_categories GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).map((r: { id: string }) => r.id)
    : undefined;
  captured.length = 0;
  const report = await service.report(viewer, { pipelineId, period, departmentIds: filterDepartments, tagIds, categoryIds }, now);
  // The report's own statements (with several tags: the clients that carry more than one of them).
  const scopeStatements = [...captured];
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  for (const name of ['report', 'funnel', 'outcomes', 'openPipeline', 'forecast', 'activity', 'weekly', 'timeInStatus', 'automations']) {
    if (only && only !== name) continue;
    captured.length = 0;
    if (name === 'report') {
      if (!scopeStatements.length) continue;
      captured.push(...scopeStatements);
    } else await (service as any)[name](report.scope, now);
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t = process.hrtime.bigint();
      for (const [sql, params, settings] of captured) {
        await ds.transaction(async (em) => {
          await em.query(settings ?? REPORT_SETTINGS);
          await em.query(sql, params);
        });
      }
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times.sort((a, b) => a - b);
    console.log(`${name}: p50 ${times[6].toFixed(1)} ms, p95 ${times[11].toFixed(1)} ms`);
    if (process.argv.includes('--explain')) {
      for (const [sql, params, settings] of captured) {
        const plan = await ds.transaction(async (em) => {
          await em.query(settings ?? REPORT_SETTINGS);
          return em.query(`EXPLAIN (ANALYZE, BUFFERS ${process.argv.includes('--buffers') ? 'ON' : 'OFF'}) ${sql}`, params);
        });
        console.log(plan.map((r: any) => r['QUERY PLAN']).join('\n'));
      }
    }
  }
  await ds.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

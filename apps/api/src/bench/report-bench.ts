// The Reports page in the benchmark: a year of history on the large pipeline, then each widget over
// HTTP beside its SQL floor (the very statements the service ran, sent straight to PostgreSQL).
import { createDataSource } from '@crm/db';
import { ReportPeriodPreset, Role } from '@crm/shared';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { PipelineService } from '../modules/pipelines/pipeline.service';
import { REPORT_SETTINGS, ReportService } from '../modules/reports/report.service';

export interface ReportBenchResult {
  name: string;
  target: number;
  p50: number;
  p95: number;
  floorP50: number;
  floorP95: number;
}

const ITERATIONS = 30;
const TIME_ZONE = 'Europe/Budapest';

/**
 * A year of history, set-based: each card went through the open statuses up to its own (won and
 * lost cards from the last open one), spread between its creation and now, and about a third of the cards
 * went to the second status and back first: just over 5 history rows per card, as the
 * Reports target asks (1,000,000 cards, 5,000,000 history rows).
 * A third of the cards have a done todo, a tenth a sent mail and a note. Each row carries its card's
 * department, owner and client, as the triggers keep them (the reports read them from the history).
 */
export async function seedReportHistory(ds: DataSource): Promise<number> {
  await ds.query(
    `INSERT INTO card_status_changes (card_id, pipeline_id, status_id, from_status_id, from_status_at, at, actor_id, department_id, owner_id, client_id)
     SELECT c.id, c.pipeline_id, st.id, CASE WHEN g.n > 1 THEN prev.id END,
            CASE WHEN g.n > 1 THEN c.created_at + (now() - c.created_at) * ((g.n - 1)::float8 / (g.total + 1)) END,
            c.created_at + (now() - c.created_at) * (g.n::float8 / (g.total + 1)), c.owner_id, c.department_id, c.owner_id, c.client_id
     FROM cards c JOIN statuses cs ON cs.id = c.status_id
     CROSS JOIN LATERAL (
       SELECT u.i, u.n, count(*) OVER () AS total, lag(u.i) OVER (ORDER BY u.n) AS prev_i
       FROM unnest(
         CASE WHEN abs(hashtext(c.id::text || 'b')) % 100 < 32 THEN ARRAY[1, 2] ELSE '{}'::int[] END
         || ARRAY(SELECT generate_series(1, least(cs.position, 6)))
         || CASE WHEN cs.position > 6 THEN ARRAY[cs.position] ELSE '{}'::int[] END
       ) WITH ORDINALITY AS u(i, n)) g
     JOIN statuses st ON st.pipeline_id = c.pipeline_id AND st.position = g.i
     LEFT JOIN statuses prev ON prev.pipeline_id = c.pipeline_id AND prev.position = g.prev_i`,
  );
  await ds.query(
    `UPDATE cards c SET status_changed_at = h.at FROM (SELECT card_id, max(at) AS at FROM card_status_changes GROUP BY card_id) h
     WHERE h.card_id = c.id AND c.status_id IN (SELECT id FROM statuses WHERE kind <> 'OPEN')`,
  );
  await ds.query(
    `INSERT INTO todos (card_id, title, assignee_id, deadline, done_at)
     SELECT c.id, 'Called', c.owner_id, now() - (abs(hashtext(c.id::text)) % 365) * interval '1 day', now() - (abs(hashtext(c.id::text)) % 365) * interval '1 day'
     FROM cards c WHERE abs(hashtext(c.id::text || 'd')) % 3 = 0`,
  );
  await ds.query(
    `INSERT INTO outbox_mails (idempotency_key, card_id, client_id, from_address, from_name, to_addresses, subject, html, text, status, message_id, sent_at, created_by_id)
     SELECT 'bench-' || c.id, c.id, c.client_id, 'sales@bench.test', 'Sales', '{client@bench.test}', 'Offer', '', '', 'SENT', 'bench-' || c.id,
            now() - (abs(hashtext(c.id::text)) % 365) * interval '1 day', c.owner_id
     FROM cards c WHERE abs(hashtext(c.id::text || 'm')) % 10 = 0`,
  );
  await ds.query(
    `INSERT INTO notes (card_id, client_id, author_id, body, created_at)
     SELECT c.id, c.client_id, c.owner_id, 'Called', now() - (abs(hashtext(c.id::text)) % 365) * interval '1 day'
     FROM cards c WHERE abs(hashtext(c.id::text || 'n')) % 10 = 0`,
  );
  await ds.query('VACUUM ANALYZE');
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM card_status_changes`);
  return n;
}

const WIDGETS = [
  ['funnel', 'funnel { entered previousEntered convertedToNext }'],
  ['outcomes', 'outcomes { winRate won { count sums { amount } } lost { count } }'],
  ['openPipeline', 'openPipeline { count sums { amount } }'],
  ['forecast', 'forecast { month count sums { amount } weighted { amount } }'],
  ['activity', 'activity { user { id } todosDone overdueTodos mailsSent repliesReceived notes cardsMoved cardsWon }'],
  ['weekly', 'weekly { week newCards newClients }'],
  ['timeInStatus', 'timeInStatus { stays averageDays medianDays }'],
  ['automations', 'automations { enrolled stepsDone mailSteps failures }'],
] as const;

/** A statement the service sent: its text, parameters and settings (REPORT_SETTINGS when none). */
export type Captured = [string, unknown[], string | undefined];

/** A statement straight on PostgreSQL, with the service's settings (JIT off, sorts in memory) in one round trip. */
async function floor(client: PgClient, sql: string, params: unknown[], settings = REPORT_SETTINGS): Promise<void> {
  await client.query(`BEGIN; ${settings}`);
  await client.query(sql, params);
  await client.query('COMMIT');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function times(fn: () => Promise<unknown>): Promise<[number, number]> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = process.hrtime.bigint();
    await fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  out.sort((a, b) => a - b);
  return [Math.round(percentile(out, 50) * 10) / 10, Math.round(percentile(out, 95) * 10) / 10];
}

/** Each widget for this month, compared with last month, as the admin: HTTP and the SQL floor; and the whole page for this year. */
export async function reportBench(
  dbUrl: string,
  gql: (query: string, variables: object) => Promise<unknown>,
  pipelineId: string,
  adminId: string,
  /** The page's default, this month beside last month; LAST_MONTH for a whole month (`--report-period`). */
  preset: ReportPeriodPreset = ReportPeriodPreset.ThisMonth,
): Promise<ReportBenchResult[]> {
  const filter = { pipelineId, period: preset };
  const periodName = preset === ReportPeriodPreset.ThisMonth ? 'this month vs last' : `${preset.toLowerCase().replace('_', ' ')} vs the one before`;
  // The statements the service runs for each widget, captured once.
  const ds = await createDataSource(dbUrl).initialize();
  const captured: Captured[] = [];
  // The statements as the service sends them, settings included.
  class Capturing extends ReportService {
    protected override sql<T>(text: string, params: unknown[], settings?: string): Promise<T> {
      captured.push([text, params, settings]);
      return super.sql(text, params, settings);
    }
  }
  const service = new Capturing(ds, new PipelineService(ds), async () => TIME_ZONE);
  /** The statements of a page: the report's own (with several tags, the clients that carry two), then each widget's. */
  const capture = async (input: typeof filter & { tagIds?: string[] }) => {
    captured.length = 0;
    const report = await service.report({ id: adminId, role: Role.Admin, departmentIds: [] }, input);
    const own = [...captured];
    const widgets = new Map<string, Captured[]>();
    for (const [name] of WIDGETS) {
      captured.length = 0;
      await (service as unknown as Record<string, (scope: unknown) => Promise<unknown>>)[name](report.scope);
      widgets.set(name, [...captured]);
    }
    return { report, own, widgets };
  };
  const month = await capture(filter);
  const statements = month.widgets;
  // Filtered to the two most used tags (any of them: each tag's totals summed, less the cards of the clients that carry both).
  const tagIds = (await ds.query(`SELECT tag_id FROM client_tags GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2`)).map((r: { tag_id: string }) => r.tag_id);
  const year = await capture({ pipelineId, period: ReportPeriodPreset.ThisYear });
  const tagged = await capture({ pipelineId, period: ReportPeriodPreset.ThisYear, tagIds });
  // The funnel's per-card statement (before the totals; still the one for filtered reports), for its floor beside the totals'.
  captured.length = 0;
  await (service as unknown as { funnelFromHistory(scope: unknown): Promise<unknown> }).funnelFromHistory(month.report.scope);
  const perCardFunnel = [...captured];
  await ds.destroy();

  const pg = new PgClient({ connectionString: dbUrl });
  await pg.connect();
  const results: ReportBenchResult[] = [];
  try {
    for (const [name, fields] of WIDGETS) {
      const query = `query($f: ReportFilterInput!) { report(filter: $f) { ${fields} } }`;
      const [p50, p95] = await times(() => gql(query, { f: filter }));
      const [floorP50, floorP95] = await times(async () => {
        for (const [sql, params, settings] of statements.get(name)!) await floor(pg, sql, params, settings);
      });
      results.push({ name: `report: ${name} (${periodName})`, target: 150, p50, p95, floorP50, floorP95 });
    }
    const [cardP50, cardP95] = await times(async () => {
      for (const [sql, params, settings] of perCardFunnel) await floor(pg, sql, params, settings);
    });
    results.push({ name: `report: funnel per card, the statement before the totals (${periodName})`, target: 150, p50: NaN, p95: NaN, floorP50: cardP50, floorP95: cardP95 });
    const all = `query($f: ReportFilterInput!) { report(filter: $f) { ${WIDGETS.map(([, f]) => f).join(' ')} } }`;
    // The floor of a whole page: the report's own statements, then the widgets' at once on as many connections.
    const clients = await Promise.all(WIDGETS.map(async () => {
      const client = new PgClient({ connectionString: dbUrl });
      await client.connect();
      return client;
    }));
    try {
      const pages = [
        [periodName, filter, month],
        // A year against the year before reads the whole history of this database.
        ['this year vs last', { pipelineId, period: ReportPeriodPreset.ThisYear }, year],
        ['two tags, this year vs last', { pipelineId, period: ReportPeriodPreset.ThisYear, tagIds }, tagged],
      ] as const;
      for (const [name, input, page] of pages) {
        const [p50, p95] = await times(() => gql(all, { f: input }));
        const [floorP50, floorP95] = await times(async () => {
          for (const [sql, params, settings] of page.own) await floor(clients[0], sql, params, settings);
          await Promise.all(WIDGETS.map(async ([widget], i) => {
            for (const [sql, params, settings] of page.widgets.get(widget)!) await floor(clients[i], sql, params, settings);
          }));
        });
        results.push({ name: `report: every widget in one request (${name})`, target: 150, p50, p95, floorP50, floorP95 });
      }
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  } finally {
    await pg.end();
  }
  return results;
}

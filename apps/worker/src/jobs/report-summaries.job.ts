import { enqueue, loadViewer, Pipeline, queueMail, withOrganisationZone, type EngineOptions, type Queues } from '@crm/db';
import { dayStart, isAtLeast, JOBS, ReportPeriodPreset, Role, todayIn, weekStart, type JobPayload } from '@crm/shared';
import type { DataSource } from 'typeorm';
// The Reports figures are the API's own service, so the mail shows exactly what the page shows.
import { ReportService } from '../../../api/src/modules/reports/report.service';
import type { PipelineService } from '../../../api/src/modules/pipelines/pipeline.service';
import type { JobHandler } from './types';

/** The hour (organisation time) on Monday from which the week's summaries are due. */
export const SUMMARY_HOUR = 7;

interface Due {
  saved_report_id: string;
  user_id: string;
  name: string;
  filter: Record<string, any>;
  email: string;
  user_name: string;
  locale: string;
}

/** The summary's words in the recipient's language (Hungarian informal; "pipeline" is not named). */
const SUMMARY_WORDS = {
  en: {
    tag: 'en', subject: 'Weekly summary', hello: (n: string) => `Hello ${n},`, intro: (r: string) => `${r}, on the cards you may see:`,
    period: 'Period', won: 'Won', lost: 'Lost', winRate: 'Win rate', newCards: 'New cards', newClients: 'New clients',
    entered: (s: string) => `Entered ${s}`, previous: 'previous period',
  },
  hu: {
    tag: 'hu', subject: 'Heti összefoglaló', hello: (n: string) => `Szia ${n}!`, intro: (r: string) => `${r}, a számodra látható kártyák alapján:`,
    period: 'Időszak', won: 'Nyert', lost: 'Elvesztett', winRate: 'Nyerési arány', newCards: 'Új kártyák', newClients: 'Új ügyfelek',
    entered: (s: string) => `Bekerült ide: ${s}`, previous: 'előző időszak',
  },
  pl: {
    tag: 'pl', subject: 'Podsumowanie tygodnia', hello: (n: string) => `Dzień dobry, ${n},`, intro: (r: string) => `${r}, z kart, które możesz widzieć:`,
    period: 'Okres', won: 'Wygrane', lost: 'Przegrane', winRate: 'Odsetek wygranych', newCards: 'Nowe karty', newClients: 'Nowi klienci',
    entered: (s: string) => `Weszło do: ${s}`, previous: 'poprzedni okres',
  },
  sk: {
    tag: 'sk', subject: 'Týždenný súhrn', hello: (n: string) => `Dobrý deň, ${n},`, intro: (r: string) => `${r}, z kariet, ktoré smiete vidieť:`,
    period: 'Obdobie', won: 'Vyhraté', lost: 'Prehraté', winRate: 'Miera výhier', newCards: 'Nové karty', newClients: 'Noví klienti',
    entered: (s: string) => `Vstúpilo do: ${s}`, previous: 'predchádzajúce obdobie',
  },
};

/**
 * Queues the weekly summary mail of every subscription that is due: from Monday 07:00 in the
 * organisation's time zone, once per week (the subscription keeps the Monday it was last sent, and
 * the mail's idempotency key names it, so a retry or a second worker sends nothing twice). The
 * figures are computed under the recipient's own visibility; a recipient who is no longer an active
 * Manager or Admin, or who no longer sees the report, gets nothing.
 */
export async function sendReportSummaries(ds: DataSource, engineOptions: EngineOptions, queues: Queues | null, now: Date = new Date()): Promise<number> {
  // The organisation's saved zone wins over ORG_TIME_ZONE (read on each run).
  const opts = await withOrganisationZone(ds.manager, engineOptions);
  const monday = weekStart(todayIn(opts.timeZone, now));
  const dueAt = new Date(dayStart(monday, opts.timeZone).getTime() + SUMMARY_HOUR * 3_600_000);
  if (now < dueAt) return 0;
  const pipelines = {
    get: async (id: string) => {
      const p = await ds.getRepository(Pipeline).findOne({ where: { id }, relations: { statuses: true }, order: { statuses: { position: 'ASC' } } });
      if (!p) throw new Error('pipeline not found');
      return p;
    },
  } as unknown as PipelineService;
  const reports = new ReportService(ds, pipelines, async () => opts.timeZone);
  const due: Due[] = await ds.query(
    `SELECT s.saved_report_id, s.user_id, r.name, r.filter, u.email, u.name AS user_name, u.locale
     FROM saved_report_subscriptions s JOIN saved_reports r ON r.id = s.saved_report_id JOIN users u ON u.id = s.user_id
     WHERE (s.last_sent_week IS NULL OR s.last_sent_week < $1::date) AND u.active AND (r.shared OR r.owner_id = u.id)
     ORDER BY s.created_at`,
    [monday],
  );
  let queued = 0;
  for (const sub of due) {
    const outboxId = await ds.transaction(async (em) => {
      // One sender per subscription and week, whichever worker gets there first.
      const [locked] = await em.query(
        `SELECT 1 FROM saved_report_subscriptions WHERE saved_report_id = $1 AND user_id = $2 AND (last_sent_week IS NULL OR last_sent_week < $3::date) FOR UPDATE SKIP LOCKED`,
        [sub.saved_report_id, sub.user_id, monday],
      );
      if (!locked) return null;
      await em.query(`UPDATE saved_report_subscriptions SET last_sent_week = $3::date WHERE saved_report_id = $1 AND user_id = $2`, [sub.saved_report_id, sub.user_id, monday]);
      const viewer = await loadViewer(em, sub.user_id);
      if (!viewer || !isAtLeast(viewer.role, Role.Manager)) return null;
      const mail = await summaryMail(reports, viewer, sub, opts, now);
      if (!mail) return null;
      const { id, created } = await queueMail(em, {
        idempotencyKey: `report-summary:${sub.saved_report_id}:${sub.user_id}:${monday}`,
        cardId: null,
        clientId: null,
        templateId: null,
        fromAddress: opts.mailFrom ?? `reports@${opts.messageDomain}`,
        fromName: 'CRM',
        to: [sub.email],
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        createdById: null,
        messageDomain: opts.messageDomain,
        history: false,
      });
      return created ? id : null;
    });
    if (!outboxId) continue;
    queued++;
    if (queues) await enqueue(queues, JOBS.deliverMail, { outboxId });
  }
  return queued;
}

/** The summary of one saved report for one reader: the period, funnel, won and lost, new cards. */
async function summaryMail(reports: ReportService, viewer: NonNullable<Awaited<ReturnType<typeof loadViewer>>>, sub: Due, opts: EngineOptions, now: Date) {
  const f = sub.filter;
  const input = {
    pipelineId: f.pipelineId,
    period: (f.period ?? ReportPeriodPreset.LastWeek) as ReportPeriodPreset,
    from: f.from ?? undefined,
    to: f.to ?? undefined,
    ownerIds: f.ownerIds,
    departmentIds: f.departmentIds,
    categoryIds: f.categoryIds,
    tagIds: f.tagIds,
  };
  let report;
  try {
    report = await reports.report(viewer, input, now);
  } catch {
    return null; // the pipeline is gone, or a custom period no longer makes sense
  }
  const [funnel, outcomes, weekly] = await Promise.all([reports.funnel(report.scope), reports.outcomes(report.scope), reports.weekly(report.scope)]);
  const { period } = report;
  const w = SUMMARY_WORDS[sub.locale as keyof typeof SUMMARY_WORDS] ?? SUMMARY_WORDS.en;
  const money = (sums: Array<{ currency: string; amount: number }>) =>
    sums.map((s) => new Intl.NumberFormat(w.tag, { style: 'currency', currency: s.currency, maximumFractionDigits: 0 }).format(s.amount)).join(', ');
  const newCards = weekly.reduce((n, x) => n + x.newCards, 0);
  const newClients = weekly.reduce((n, x) => n + x.newClients, 0);
  const rate = outcomes.winRate === null ? '–' : new Intl.NumberFormat(w.tag, { style: 'percent' }).format(outcomes.winRate);
  const figure = (o: typeof outcomes.won) => `${o.count}${o.sums.length ? ` (${money(o.sums)})` : ''}, ${w.previous} ${o.previousCount}`;
  const lines: Array<[string, string]> = [
    [w.period, `${period.fromDay} – ${period.toDay} (${opts.timeZone})`],
    [w.won, figure(outcomes.won)],
    [w.lost, figure(outcomes.lost)],
    [w.winRate, rate],
    [w.newCards, String(newCards)],
    [w.newClients, String(newClients)],
    ...funnel.map((s): [string, string] => [w.entered(s.status.name), `${s.entered} (${w.previous} ${s.previousEntered})`]),
  ];
  const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const subject = `${w.subject}: ${sub.name} (${period.fromDay} – ${period.toDay})`;
  const text = [w.hello(sub.user_name), '', w.intro(sub.name), '', ...lines.map(([k, v]) => `${k}: ${v}`), ''].join('\n');
  const html = `<p>${esc(w.hello(sub.user_name))}</p><p>${esc(w.intro(sub.name))}</p><table>${lines
    .map(([k, v]) => `<tr><th align="left">${esc(k)}</th><td>${esc(v)}</td></tr>`)
    .join('')}</table>`;
  return { subject, text, html };
}

/** JOBS.sendReportSummaries: queues the due weekly summaries (scheduled; idempotent). */
export const sendReportSummariesJob: JobHandler<JobPayload<'sendReportSummaries'>, { queued: number }> = async (job, { dataSource, engine, queues, logger }) => {
  const queued = await sendReportSummaries(dataSource, engine, queues);
  if (queued) logger.info({ jobId: job.id, queued }, 'queued weekly report summaries');
  return { queued };
};

import { Card, recomputeFunnelTotals, recomputeStayTotals, Status, Tag, type Viewer } from '@crm/db';
import { ReportPeriodPreset, Role } from '@crm/shared';
import type { DataSource } from 'typeorm';
import { startTestApi, TestApi } from '../../testing/api';
import { buildCards, buildPipeline, copyMismatches, departmentSteps, labelSteps, labelTotalsMismatches, ownerSteps, randomWalk, seededRandom, startLabels } from '../../testing/factories';
import { PipelineService } from '../pipelines/pipeline.service';
import { ReportService, type ReportScope } from './report.service';

/** A move as the app writes it: the audit row (its trigger writes the history), then the card. */
async function moveAt(ds: DataSource, card: { id: string; client_id: string; status_id: string }, to: Status, when: Date) {
  await ds.query(`INSERT INTO audit_log (at, action, entity, entity_id, card_id, client_id, changes) VALUES ($1, 'move', 'card', $2, $2, $3, $4)`, [
    when, card.id, card.client_id, JSON.stringify({ statusId: [card.status_id, to.id] }),
  ]);
  await ds.query(`UPDATE cards SET status_id = $1, status_changed_at = $2 WHERE id = $3`, [to.id, when, card.id]);
}

describe('funnel and stay totals', () => {
  let api: TestApi;
  afterAll(() => api?.close());
  /** The API (started once), its database, a report service in Budapest time and an admin reading it. */
  const start = async () => {
    api ??= await startTestApi();
    const ds = api.db.dataSource;
    const admin = await api.buildUser({ role: Role.Admin });
    const admins: Viewer = { id: admin.id, role: Role.Admin, departmentIds: [] };
    return { ds, admin, admins, reports: new ReportService(ds, new PipelineService(ds), async () => 'Europe/Budapest') };
  };

  it("counts a past period's conversions made by its end: the totals' reach bucket split at the end by the history on either side", async () => {
    const { ds, reports, admins: viewer } = await start();
    const { pipeline, statuses } = await buildPipeline(ds);
    const [lead, contacted, proposal] = statuses;
    const utc = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour));
    // Contacted, then Proposal (the next status), in the week of Monday 23 March 2026 (a reach bucket) or after it.
    const paths: Array<[Date, Date]> = [
      [utc(25, 10), utc(26, 10)], // before the first period's end
      [utc(25, 10), utc(28, 10)], // after the first period's end, in the same bucket
      [utc(25, 10), utc(31, 10)], // in a later bucket
      [utc(24, 10), utc(27, 1)], // after both ends, in the same bucket
      [utc(24, 8), utc(24, 20)], // before both ends
    ];
    const cards = await buildCards(ds, paths.map(() => ({ status: lead })));
    for (const [i, [a, b]] of paths.entries()) {
      await moveAt(ds, { id: cards[i].id, client_id: cards[i].clientId, status_id: lead.id }, contacted, a);
      await moveAt(ds, { id: cards[i].id, client_id: cards[i].clientId, status_id: contacted.id }, proposal, b);
    }
    const history = jest.spyOn(reports as any, 'funnelFromHistory');
    const within = jest.spyOn(reports as any, 'reachedWithin');
    /** The funnel's Contacted step from the totals (never the history per card), its window's side, and the exact figures. */
    const funnel = async (from: string, to: string, tagIds?: string[]) => {
      const { scope } = await reports.report(viewer, { pipelineId: pipeline.id, period: ReportPeriodPreset.Custom, from, to, tagIds });
      history.mockClear();
      within.mockClear();
      const step = (await reports.funnel(scope)).find((f) => f.status.id === contacted.id)!;
      // (Only for the cards of clients carrying two of the tags: the correction of the totals summed per tag.)
      expect(history.mock.calls.filter(([s]) => s === scope)).toEqual([]);
      const [, lo, hi] = (within.mock.calls[0] ?? []) as [unknown, Date?, Date?];
      const side = !lo ? 'none' : lo.getTime() === scope.period.to.getTime() ? 'after the end' : hi?.getTime() === scope.period.to.getTime() ? 'before the end' : 'neither';
      const exact = (await reports['funnelFromHistory']({ ...scope, cards: { ...scope.cards, createdFrom: new Date(0) } })).get(contacted.id)!;
      return { entered: step.entered, converted: step.convertedToNext, exact: [exact.entered, exact.converted], side };
    };
    // Ends at the local midnight after Thursday 26 March (23:00 UTC): fewer rows after the end than before it in the bucket.
    expect(await funnel('2026-03-23', '2026-03-26')).toEqual({ entered: 5, converted: 2, exact: [5, 2], side: 'after the end' });
    // Ends after Tuesday 24 March: fewer rows between the bucket's start and the end than after it.
    expect(await funnel('2026-03-23', '2026-03-24')).toEqual({ entered: 2, converted: 1, exact: [2, 1], side: 'before the end' });
    // A period that has not ended: every conversion so far.
    expect(await funnel('2026-03-23', '2026-12-31')).toEqual({ entered: 5, converted: 5, exact: [5, 5], side: 'none' });
    // Filtered to two tags, which the first four clients carry both of (the fifth one): each card counted once, on both sides of the end.
    const tags = await ds.getRepository(Tag).save([{ name: 'Window A', nameKey: 'window a' }, { name: 'Window B', nameKey: 'window b' }]);
    for (const [i, card] of cards.entries()) {
      for (const tag of i < 4 ? tags : [tags[1]]) await ds.query(`INSERT INTO client_tags (client_id, tag_id) VALUES ($1, $2)`, [card.clientId, tag.id]);
    }
    const both = tags.map((t) => t.id);
    expect(await funnel('2026-03-23', '2026-03-26', both)).toEqual({ entered: 5, converted: 2, exact: [5, 2], side: 'after the end' });
    expect(await funnel('2026-03-23', '2026-03-24', both)).toEqual({ entered: 2, converted: 1, exact: [2, 1], side: 'before the end' });
    expect(await funnel('2026-03-23', '2026-12-31', both)).toEqual({ entered: 5, converted: 5, exact: [5, 5], side: 'none' });
    // More clients with both than the service corrects for: the history per card after all, the same figures.
    (reports as any).overlapClients = 3;
    const { scope } = await reports.report(viewer, { pipelineId: pipeline.id, period: ReportPeriodPreset.Custom, from: '2026-03-23', to: '2026-03-26', tagIds: both });
    expect(scope.overlap).toBeNull();
    history.mockClear();
    expect((await reports.funnel(scope)).find((f) => f.status.id === contacted.id)).toMatchObject({ entered: 5, convertedToNext: 2 });
    expect(history.mock.calls.filter(([s]) => s === scope)).toHaveLength(1);
  });

  it("reads one label's exact time in status from the history only when the period's stays it reads are few, the label's and everyone else's", async () => {
    const { ds, reports, admins } = await start();
    const { pipeline, statuses } = await buildPipeline(ds);
    const [lead, contacted, proposal] = statuses;
    const cards = await buildCards(ds, Array.from({ length: 6 }, () => ({ status: lead })));
    const [tag] = await ds.getRepository(Tag).save([{ name: 'Exact stays', nameKey: 'exact stays' }]);
    await ds.query(`INSERT INTO client_tags (client_id, tag_id) VALUES ($1, $2)`, [cards[0].clientId, tag.id]);
    for (const [i, card] of cards.entries()) {
      await moveAt(ds, { id: card.id, client_id: card.clientId, status_id: lead.id }, contacted, new Date(Date.UTC(2026, 2, 3, i)));
      await moveAt(ds, { id: card.id, client_id: card.clientId, status_id: contacted.id }, proposal, new Date(Date.UTC(2026, 2, 5, i)));
    }
    const { scope } = await reports.report(admins, { pipelineId: pipeline.id, period: ReportPeriodPreset.Custom, from: '2026-03-01', to: '2026-03-31', tagIds: [tag.id] });
    const history = jest.spyOn(reports as any, 'timeInStatusFromHistory');
    const exactWith = async (limit: number) => {
      (reports as any).exactStays = limit;
      history.mockClear();
      const contactedStays = (await reports.timeInStatus(scope)).find((r) => r.status.id === contacted.id)!;
      return { stays: contactedStays.stays, exact: history.mock.calls.length > 0 };
    };
    // The tag's client has one stay in Contacted (two in all); the period holds twelve.
    expect(await exactWith(12)).toEqual({ stays: 1, exact: true });
    expect(await exactWith(5)).toEqual({ stays: 1, exact: false });
  });

  it('stay equal to a recompute from the history, and the funnel and time in status from them to the per-card statements, through moves back and forth, the trash, pipelines, reordered and archived statuses, department, owner, client and label changes and deletes, for readers of all cards, of some departments, of some owners and of one label', async () => {
    const { ds, reports, admin, admins } = await start();
    const owners = [(await api.buildUser({ role: Role.Normal })).id, (await api.buildUser({ role: Role.Normal })).id];
    const rnd = seededRandom(7);
    const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];
    const pipelines = [await buildPipeline(ds), await buildPipeline(ds)];
    const pipelineIds = pipelines.map((p) => p.pipeline.id);
    // Moves land anywhere in ten days across the DST change (so a card's history is also written out of order).
    const at = () => new Date(Date.UTC(2026, 2, 22) + Math.floor(rnd() * 10 * 24 * 60) * 60_000);
    const cards: Card[] = await buildCards(ds, Array.from({ length: 10 }, (_, i) => ({ status: pipelines[i % 2].statuses[0], ownerId: [...owners, null][i % 3] })));
    const ids = () => cards.map((c) => c.id);
    const live = async (): Promise<Array<{ id: string; client_id: string; pipeline_id: string; status_id: string }>> =>
      ds.query(`SELECT id, client_id, pipeline_id, status_id FROM cards WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL ORDER BY array_position($1::uuid[], id)`, [ids()]);
    const moved = await departmentSteps(ds, pick, ids);
    const labels = await labelSteps(ds, pick, ids);
    // Every other client starts with both tags, every third with both categories (the walk adds and takes away more).
    await startLabels(ds, ids(), labels);
    const statusesOf = (pipelineId: string): Status[] => pipelines.find((p) => p.pipeline.id === pipelineId)!.statuses;
    const move = (card: { id: string; client_id: string; status_id: string }, to: Status, when: Date) => moveAt(ds, card, to, when);

    const steps: Record<string, () => Promise<unknown>> = {
      ...moved.steps,
      ...labels.steps,
      ...ownerSteps(ds, pick, ids, owners),
      async move() {
        const card = pick(await live());
        if (card) await move(card, pick(statusesOf(card.pipeline_id)), at());
      },
      async backAndForth() {
        // Two statuses in turn, a few times, at increasing times.
        const card = pick(await live());
        if (!card) return;
        const [a, b] = [pick(statusesOf(card.pipeline_id)), pick(statusesOf(card.pipeline_id))];
        let when = at().getTime();
        for (const to of [a, b, a, b]) {
          when += Math.floor(rnd() * 36) * 3_600_000;
          await move(card, to, new Date(when));
        }
      },
      async historyInOneStatement() {
        // Several moves of one card written by one statement (an import or an undo writes history so).
        const card = pick(await live());
        if (!card) return;
        const path = [pick(statusesOf(card.pipeline_id)), pick(statusesOf(card.pipeline_id)), pick(statusesOf(card.pipeline_id))];
        const times = path.map(() => at()).sort((a, b) => a.getTime() - b.getTime());
        await ds.query(
          `INSERT INTO audit_log (at, action, entity, entity_id, card_id, client_id, changes)
           SELECT m.at, 'move', 'card', $1, $1, $2, jsonb_build_object('statusId', jsonb_build_array(m.from_id, m.to_id))
           FROM unnest($3::timestamptz[], $4::uuid[], $5::uuid[]) m (at, from_id, to_id)`,
          [card.id, card.client_id, times, [card.status_id, path[0].id, path[1].id], path.map((st) => st.id)],
        );
        await ds.query(`UPDATE cards SET status_id = $1, status_changed_at = $2 WHERE id = $3`, [path[2].id, times[2], card.id]);
      },
      async massMove() {
        const to = pick(pipelines).statuses;
        const chosen = (await live()).filter((c) => c.pipeline_id === to[0].pipelineId);
        const status = pick(to);
        const when = at();
        await ds.query(
          `INSERT INTO audit_log (at, action, entity, entity_id, card_id, client_id, changes)
           SELECT $1, 'move', 'card', c.id, c.id, c.client_id, jsonb_build_object('statusId', jsonb_build_array(c.status_id, $2::uuid)) FROM cards c WHERE c.id = ANY($3::uuid[])`,
          [when, status.id, chosen.map((c) => c.id)],
        );
        await ds.query(`UPDATE cards SET status_id = $1, status_changed_at = $2 WHERE id = ANY($3::uuid[])`, [status.id, when, chosen.map((c) => c.id)]);
      },
      async trashOrRestore() {
        // (A restore only when the client has no other live card in the pipeline, as the app requires.)
        await ds.query(
          `UPDATE cards c SET deleted_at = CASE WHEN c.deleted_at IS NULL THEN now() END WHERE c.id = $1
             AND NOT EXISTS (SELECT 1 FROM cards o WHERE o.client_id = c.client_id AND o.pipeline_id = c.pipeline_id AND o.id <> c.id AND o.deleted_at IS NULL)`,
          [pick(cards).id],
        );
      },
      async massTrash() {
        await ds.query(`UPDATE cards SET deleted_at = now() WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, [[pick(cards).id, pick(cards).id]]);
      },
      async otherPipeline() {
        const card = pick(await live());
        if (!card) return;
        const other = pipelines.find((p) => p.pipeline.id !== card.pipeline_id)!;
        const taken = await ds.query(`SELECT 1 FROM cards WHERE client_id = $1 AND pipeline_id = $2 AND deleted_at IS NULL`, [card.client_id, other.pipeline.id]);
        if (taken.length) return;
        await ds.query(`UPDATE cards SET pipeline_id = $1, status_id = $2 WHERE id = $3`, [other.pipeline.id, other.statuses[0].id, card.id]);
        await move({ ...card, status_id: other.statuses[0].id }, other.statuses[1], at());
      },
      async reorder() {
        // The statuses of a pipeline in a new order (the totals keep every status reached, the report picks the next one).
        const { statuses } = pick(pipelines);
        const order = [...statuses].sort(() => rnd() - 0.5);
        await ds.query(`UPDATE statuses SET position = -1 - position WHERE id = ANY($1::uuid[])`, [order.map((st) => st.id)]);
        for (const [position, st] of order.entries()) await ds.query(`UPDATE statuses SET position = $1 WHERE id = $2`, [position, st.id]);
      },
      async archiveOrRestoreStatus() {
        const st = pick(pick(pipelines).statuses);
        await ds.query(`UPDATE statuses SET archived_at = CASE WHEN archived_at IS NULL THEN now() END WHERE id = $1`, [st.id]);
      },
      async deleteHistory() {
        await ds.query(`DELETE FROM card_status_changes WHERE id = (SELECT id FROM card_status_changes WHERE card_id = ANY($1::uuid[]) ORDER BY md5(id::text || $2) LIMIT 1)`, [ids(), String(rnd())]);
      },
      async purge() {
        if (rnd() < 0.3) await ds.query(`DELETE FROM cards WHERE id = $1`, [pick(cards).id]);
      },
      async newCard() {
        const [card] = await buildCards(ds, [{ status: pick(pipelines).statuses[0], ownerId: pick([...owners, null]) }]);
        cards.push(card);
      },
    };

    const totals = () =>
      ds.query(
        `SELECT pipeline_id, status_id, reached_id, hour, prev_hour, reach_bucket, department_id, n::int FROM report_funnel_totals WHERE n <> 0 AND pipeline_id = ANY($1::uuid[]) ORDER BY 1, 2, 3, 4, 5, 6, 7`,
        [pipelineIds],
      );
    const truth = () =>
      ds.query(`SELECT pipeline_id, status_id, reached_id, hour, prev_hour, reach_bucket, department_id, n::int FROM (${recomputeFunnelTotals()}) r WHERE pipeline_id = ANY($1::uuid[]) ORDER BY 1, 2, 3, 4, 5, 6, 7`, [
        pipelineIds,
      ]);
    /**
     * Who reads and what filter: the admin unfiltered, a manager limited to one department (clients
     * without one too), the admin filtered to a department: each served by the totals; a Normal user
     * (their own cards), the admin filtered to both owners, the manager to one: served by the
     * history alone, read by owner. The admin filtered to a tag, the manager to a category: the funnel
     * and time in status from their totals per label; a Normal user to a tag, the admin to both owners
     * and a tag or a category: from the history alone, each row's client's label looked up.
     */
    const readers = (): Array<{ viewer: Viewer; departmentIds?: string[]; ownerIds?: string[]; tagIds?: string[]; categoryIds?: string[] }> => [
      { viewer: admins },
      { viewer: { id: admin.id, role: Role.Manager, departmentIds: [moved.departments[0]] } },
      { viewer: admins, departmentIds: [moved.departments[1]] },
      { viewer: { id: owners[0], role: Role.Normal, departmentIds: [] } },
      { viewer: admins, ownerIds: owners },
      { viewer: { id: admin.id, role: Role.Manager, departmentIds: [moved.departments[0]] }, ownerIds: [owners[1]] },
      { viewer: admins, tagIds: [labels.tags[0]] },
      { viewer: { id: admin.id, role: Role.Manager, departmentIds: [moved.departments[1]] }, categoryIds: [labels.categories[1]] },
      { viewer: { id: owners[1], role: Role.Normal, departmentIds: [] }, tagIds: [labels.tags[1]] },
      { viewer: admins, ownerIds: owners, tagIds: [labels.tags[0]] },
      { viewer: admins, ownerIds: owners, categoryIds: [labels.categories[0]] },
      // Several labels of one kind: their totals per label summed, less the clients that carry two.
      { viewer: admins, tagIds: [...labels.tags] },
      { viewer: { id: admin.id, role: Role.Manager, departmentIds: [moved.departments[0]] }, categoryIds: [...labels.categories] },
    ];
    let reader = readers()[0];
    const scopeOf = async (pipelineId: string, from: string, to: string) => {
      const { viewer, ...filter } = reader;
      return (await reports.report(viewer, { pipelineId, period: ReportPeriodPreset.Custom, from, to, ...filter })).scope;
    };
    /** The same scope read through the cards: a condition no table keeps for the card (every card is newer than 1970) makes the history be joined to them. */
    const throughCards = (scope: ReportScope): ReportScope => ({ ...scope, cards: { ...scope.cards, createdFrom: new Date(0) } });
    /** The funnel of a period as the report reads it (the totals, or the history by owner) and from the per-card statement over the cards. */
    const funnels = async (pipelineId: string, from: string, to: string) => {
      const scope = await scopeOf(pipelineId, from, to);
      const fromTotals = (await reports.funnel(scope)).map((f) => [f.status.name, f.entered, f.previousEntered, f.convertedToNext]);
      const fromHistory = await reports['funnelFromHistory'](throughCards(scope));
      const next = new Map((await reports.funnel(scope)).map((f) => [f.status.id, f.convertedToNext !== null]));
      return {
        overlap: !!scope.overlap?.length,
        fromTotals,
        fromHistory: scope.statuses.map((st) => {
          const c = fromHistory.get(st.id)!;
          return [st.name, c.entered, c.previous, next.get(st.id) ? c.converted : null];
        }),
      };
    };
    const stayTotals = () =>
      ds.query(
        `SELECT pipeline_id, status_id, grain, start, bucket, department_id, n::int, seconds::text FROM report_stay_totals WHERE n <> 0 AND pipeline_id = ANY($1::uuid[]) ORDER BY 1, 2, 3, 4, 5, 6`,
        [pipelineIds],
      );
    const stayTruth = () =>
      ds.query(
        `SELECT pipeline_id, status_id, grain, start, bucket, department_id, n::int, seconds::text FROM (${recomputeStayTotals()}) r WHERE pipeline_id = ANY($1::uuid[]) ORDER BY 1, 2, 3, 4, 5, 6`,
        [pipelineIds],
      );
    /**
     * Time in status of a period from the totals (their median however few the stays), or for an
     * owner rule from the history by owner, and from the history joined to the cards (exact).
     */
    const stays = async (pipelineId: string, from: string, to: string) => {
      const scope = await scopeOf(pipelineId, from, to);
      const exact = new Map((await reports['timeInStatusFromHistory'](throughCards(scope))).map((r) => [r.status_id, r]));
      const fromTotals = scope.cards.ownerIds ? await reports['timeInStatusFromHistory'](scope) : await reports['timeInStatusFromTotals'](scope);
      expect(fromTotals.map((r) => r.status_id).sort()).toEqual([...exact.keys()].sort());
      return fromTotals.map((r) => ({ ...r, exact: exact.get(r.status_id) }));
    };
    let staysCompared = 0;
    const day = (offset: number) => new Date(Date.UTC(2026, 2, 20 + offset)).toISOString().slice(0, 10);
    let compared = 0;
    let overlapCompared = 0;
    let checks = 0;
    await randomWalk(steps, pick, 120, 10, async (after) => {
      expect({ after, totals: await totals() }).toEqual({ after, totals: await truth() });
      expect({ after, stays: await stayTotals() }).toEqual({ after, stays: await stayTruth() });
      expect({ after, mismatches: await copyMismatches(ds) }).toEqual({ after, mismatches: { cards: [], history: [] } });
      expect({ after, labelled: (await labelTotalsMismatches(ds)).report_funnel_label_totals }).toEqual({ after, labelled: [] });
      // Periods of one to five days inside the moves (their ends before the last moves), one after them all, one around a whole month.
      for (const [first, last] of [[2, 2], [3, 6], [5, 9], [Math.floor(rnd() * 8), 8], [8, 14], [-25, 45]]) {
        // Each reader in turn (every one reads several times).
        reader = readers()[checks++ % readers().length];
        for (const r of await stays(pick(pipelineIds), day(first), day(last))) {
          // The count and the average are exact (the average to a millionth of a day: the two statements
          // divide in different arithmetic, and rounding both to six places split a value on a tie);
          // the median within its duration bucket (an hour below two days, 5 % above).
          expect({ after, stays: r.stays, averageMatches: Math.abs(r.average! - (r.exact?.average ?? NaN)) < 1e-6 }).toEqual({ after, stays: r.exact?.stays, averageMatches: true });
          expect(Math.abs(r.median! - r.exact!.median!)).toBeLessThanOrEqual(2 * Math.max(1 / 24, 0.05 * Math.abs(r.exact!.median!)));
          staysCompared += r.stays;
        }
        const { overlap, fromTotals, fromHistory } = await funnels(pick(pipelineIds), day(first), day(last));
        expect({ after, days: [first, last], funnel: fromTotals }).toEqual({ after, days: [first, last], funnel: fromHistory });
        const n = fromTotals.reduce((n, f) => n + (f[1] as number) + ((f[3] as number | null) ?? 0), 0);
        compared += n;
        if (overlap) overlapCompared += n;
      }
    });
    // The periods held cards that entered and converted.
    expect(compared).toBeGreaterThan(50);
    expect(staysCompared).toBeGreaterThan(50);
    // Some of them with clients carrying two of the filter's labels.
    expect(overlapCompared).toBeGreaterThan(5);
  }, 120_000);
});

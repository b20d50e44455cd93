import { Card, recomputeNewTotals, type Viewer } from '@crm/db';
import { ReportPeriodPreset, Role } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';
import { buildCards, buildPipeline, copyMismatches, departmentSteps, labelSteps, labelTotalsMismatches, randomWalk, seededRandom, startLabels } from '../../testing/factories';
import { PipelineService } from '../pipelines/pipeline.service';
import { ReportService } from './report.service';

describe('new cards and clients totals', () => {
  let api: TestApi;
  afterAll(() => api?.close());

  it('stay equal to a recompute from the cards, and the weekly widget from them to the statement over cards and clients, through new cards, the trash, pipelines, client merges, trashed and deleted clients, departments, labels and purges; per label too', async () => {
    api = await startTestApi();
    const ds = api.db.dataSource;
    const reports = new ReportService(ds, new PipelineService(ds), async () => 'Europe/Budapest');
    // The same service reading every figure from the cards and clients.
    const sources = Object.assign(new ReportService(ds, new PipelineService(ds), async () => 'Europe/Budapest'), { fromTotals: false });
    const admin = await api.buildUser({ role: Role.Admin });
    const rnd = seededRandom(11);
    const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];
    const pipelines = [await buildPipeline(ds), await buildPipeline(ds)];
    const pipelineIds = pipelines.map((p) => p.pipeline.id);
    // Creation times anywhere in ten weeks across the DST change.
    const at = () => new Date(Date.UTC(2026, 2, 1) + Math.floor(rnd() * 70 * 24 * 60) * 60_000);
    const cards: Card[] = [];
    const newCards = async (n: number) => {
      const built = await buildCards(ds, Array.from({ length: n }, () => ({ status: pick(pipelines).statuses[0] })));
      for (const c of built) {
        await ds.query(`UPDATE clients SET created_at = $1 WHERE id = $2`, [at(), c.clientId]);
        await ds.query(`UPDATE cards SET created_at = $1 WHERE id = $2`, [at(), c.id]);
      }
      cards.push(...built);
    };
    await newCards(12);
    const departments = await departmentSteps(ds, pick, () => cards.map((c) => c.id));
    const labels = await labelSteps(ds, pick, () => cards.map((c) => c.id));
    // Every client starts with a tag and a category, some with two (the walk adds, takes away and deletes labels).
    await startLabels(ds, cards.map((c) => c.id), labels);
    /**
     * Who reads and what filter: the admin unfiltered, a manager limited to one department (clients
     * without one too), the admin filtered to a department; one tag, one category with a department
     * limit (the totals per label).
     */
    type Reader = { viewer: Viewer; departmentIds?: string[]; tagIds?: string[]; categoryIds?: string[] };
    const readers = (): Reader[] => [
      { viewer: { id: admin.id, role: Role.Admin, departmentIds: [] } },
      { viewer: { id: admin.id, role: Role.Manager, departmentIds: [departments.departments[0]] } },
      { viewer: { id: admin.id, role: Role.Admin, departmentIds: [] }, departmentIds: [departments.departments[1]] },
      { viewer: { id: admin.id, role: Role.Admin, departmentIds: [] }, tagIds: [labels.tags[0]] },
      { viewer: { id: admin.id, role: Role.Manager, departmentIds: [departments.departments[0]] }, categoryIds: [labels.categories[1]] },
      // Several labels of one kind: their totals per label summed, less the clients that carry two.
      { viewer: { id: admin.id, role: Role.Admin, departmentIds: [] }, tagIds: [...labels.tags] },
      { viewer: { id: admin.id, role: Role.Manager, departmentIds: [departments.departments[0]] }, categoryIds: [...labels.categories] },
      // A category and a tag together: the cards of the clients that carry both, by client.
      { viewer: { id: admin.id, role: Role.Admin, departmentIds: [] }, categoryIds: [labels.categories[1]], tagIds: [...labels.tags] },
    ];
    type Row = { id: string; client_id: string; pipeline_id: string; deleted: boolean; client_deleted: boolean };
    const all = async (): Promise<Row[]> =>
      ds.query(
        `SELECT c.id, c.client_id, c.pipeline_id, c.deleted_at IS NOT NULL AS deleted, cl.deleted_at IS NOT NULL AS client_deleted
         FROM cards c JOIN clients cl ON cl.id = c.client_id WHERE c.id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], c.id)`,
        [cards.map((c) => c.id)],
      );
    /** Whether the client has no live card in the pipeline other than `except` (one live card per client and pipeline). */
    const free = async (clientId: string, pipelineId: string, except = '00000000-0000-0000-0000-000000000000') =>
      !(await ds.query(`SELECT 1 FROM cards WHERE client_id = $1 AND pipeline_id = $2 AND deleted_at IS NULL AND id <> $3`, [clientId, pipelineId, except])).length;

    const steps: Record<string, () => Promise<unknown>> = {
      ...departments.steps,
      ...labels.steps,
      newCards: () => newCards(1 + Math.floor(rnd() * 3)),
      async cardForExistingClient() {
        // A second card of a client, in the other pipeline (a client is new to a pipeline when it gets a card there).
        const card = pick((await all()).filter((c) => !c.deleted));
        if (!card) return;
        const other = pipelines.find((p) => p.pipeline.id !== card.pipeline_id)!;
        if (!(await free(card.client_id, other.pipeline.id))) return;
        const [{ id }] = await ds.query(`INSERT INTO cards (client_id, pipeline_id, status_id, position, created_at) VALUES ($1, $2, $3, 0, $4) RETURNING id`, [
          card.client_id, other.pipeline.id, other.statuses[0].id, at(),
        ]);
        cards.push({ id } as Card);
      },
      async trashOrRestore() {
        // (A card is restored only with its client out of the trash.)
        const card = pick(await all());
        if (card && (card.deleted ? !card.client_deleted && (await free(card.client_id, card.pipeline_id, card.id)) : true)) {
          await ds.query(`UPDATE cards SET deleted_at = CASE WHEN deleted_at IS NULL THEN now() END WHERE id = $1`, [card.id]);
        }
      },
      async massTrash() {
        await ds.query(`UPDATE cards SET deleted_at = now() WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, [[pick(cards).id, pick(cards).id, pick(cards).id]]);
      },
      async massEdit() {
        // A mass edit that changes none of the keys (owner, value) pays a grouping and changes nothing.
        await ds.query(`UPDATE cards SET value = coalesce(value, 0) + 1 WHERE id = ANY($1::uuid[])`, [cards.map((c) => c.id)]);
      },
      async otherPipeline() {
        const card = pick((await all()).filter((c) => !c.deleted));
        if (!card) return;
        const other = pipelines.find((p) => p.pipeline.id !== card.pipeline_id)!;
        if (await free(card.client_id, other.pipeline.id)) await ds.query(`UPDATE cards SET pipeline_id = $1, status_id = $2 WHERE id = $3`, [other.pipeline.id, other.statuses[0].id, card.id]);
      },
      async mergeClients() {
        // A merge moves a client's cards to the other client (where it has none in that pipeline), then trashes it.
        const [from, into] = [pick(await all()), pick(await all())];
        if (!from || !into || from.client_id === into.client_id || into.client_deleted) return;
        for (const c of (await all()).filter((c) => c.client_id === from.client_id)) {
          if (c.deleted || (await free(into.client_id, c.pipeline_id))) await ds.query(`UPDATE cards SET client_id = $1 WHERE id = $2`, [into.client_id, c.id]);
          else await ds.query(`UPDATE cards SET deleted_at = now(), client_id = $1 WHERE id = $2`, [into.client_id, c.id]);
        }
        await ds.query(`UPDATE clients SET deleted_at = now() WHERE id = $1`, [from.client_id]);
      },
      async trashClient() {
        // A client in the trash has its cards in the trash too.
        const card = pick(await all());
        if (!card) return;
        await ds.query(`UPDATE cards SET deleted_at = now() WHERE client_id = $1 AND deleted_at IS NULL`, [card.client_id]);
        await ds.query(`UPDATE clients SET deleted_at = now() WHERE id = $1`, [card.client_id]);
      },
      async clientCreatedAt() {
        const card = pick(await all());
        if (card) await ds.query(`UPDATE clients SET created_at = $1 WHERE id = $2`, [at(), card.client_id]);
      },
      async cardCreatedAt() {
        await ds.query(`UPDATE cards SET created_at = $1 WHERE id = $2`, [at(), pick(cards).id]);
      },
      async deleteClient() {
        // Its cards go with it (live ones too).
        const card = pick(await all());
        if (card && rnd() < 0.4) await ds.query(`DELETE FROM clients WHERE id = $1`, [card.client_id]);
      },
      async purge() {
        if (rnd() < 0.4) await ds.query(`DELETE FROM cards WHERE id = $1`, [pick(cards).id]);
      },
    };

    const totals = () =>
      ds.query(`SELECT pipeline_id, kind, hour, department_id, n::int FROM report_new_totals WHERE n <> 0 AND pipeline_id = ANY($1::uuid[]) ORDER BY 1, 2, 3, 4`, [pipelineIds]);
    const truth = () => ds.query(`SELECT pipeline_id, kind, hour, department_id, n::int FROM (${recomputeNewTotals()}) r WHERE pipeline_id = ANY($1::uuid[]) ORDER BY 1, 2, 3, 4`, [pipelineIds]);
    const weekly = async (service: ReportService, pipelineId: string, from: string, to: string) => {
      const { viewer, ...filter } = reader;
      const { scope } = await service.report(viewer, { pipelineId, period: ReportPeriodPreset.Custom, from, to, ...filter });
      if (service === reports && scope.overlap?.length) overlapping = true;
      return (await service.weekly(scope)).map((w) => [w.week, w.newCards, w.newClients]);
    };
    let reader: Reader = readers()[0];
    const day = (offset: number) => new Date(Date.UTC(2026, 2, 1 + offset)).toISOString().slice(0, 10);
    let counted = 0;
    let countedLabelled = 0;
    let overlapping = false;
    let countedOverlapping = 0;
    await randomWalk(steps, pick, 120, 10, async (after) => {
      expect({ after, totals: await totals() }).toEqual({ after, totals: await truth() });
      expect({ after, mismatches: await copyMismatches(ds) }).toEqual({ after, mismatches: { cards: [], history: [] } });
      expect({ after, labelled: (await labelTotalsMismatches(ds)).report_new_label_totals }).toEqual({ after, labelled: [] });
      // Any reader, then one filtered to a label.
      for (const [i, [first, last]] of [[0, 69], [Math.floor(rnd() * 30), 30 + Math.floor(rnd() * 30)], [26, 31], [0, 69]].entries()) {
        reader = i < 3 ? (i ? reader : pick(readers())) : pick(readers().slice(3));
        const pipelineId = pick(pipelineIds);
        overlapping = false;
        const fromTotals = await weekly(reports, pipelineId, day(first), day(last));
        expect({ after, days: [first, last], weekly: fromTotals }).toEqual({ after, days: [first, last], weekly: await weekly(sources, pipelineId, day(first), day(last)) });
        const n = fromTotals.reduce((n, w) => n + (w[1] as number) + (w[2] as number), 0);
        counted += n;
        if (reader.tagIds || reader.categoryIds) countedLabelled += n;
        if (overlapping) countedOverlapping += n;
      }
    });
    // A live client with labels erased (deleted with its cards): its cards' figures go from its labels' totals too.
    const [erased] = await ds.query(
      `SELECT c.client_id FROM cards c JOIN client_tags t ON t.client_id = c.client_id WHERE c.id = ANY($1::uuid[]) AND c.deleted_at IS NULL LIMIT 1`,
      [cards.map((c) => c.id)],
    );
    expect(erased).toBeDefined();
    const labelledRows = async () => (await ds.query(`SELECT count(*)::int AS n FROM report_new_label_totals WHERE n <> 0`))[0].n;
    const before = await labelledRows();
    await ds.query(`DELETE FROM clients WHERE id = $1`, [erased.client_id]);
    expect(await labelTotalsMismatches(ds).then((m) => m.report_new_label_totals)).toEqual([]);
    expect(await labelledRows()).toBeLessThan(before);
    // The periods held new cards and clients.
    expect(counted).toBeGreaterThan(50);
    expect(countedLabelled).toBeGreaterThan(10);
    // Some of them with clients carrying two of the filter's labels.
    expect(countedOverlapping).toBeGreaterThan(5);
  }, 120_000);
});

import { Card, recomputeActivityClientTotals, recomputeActivityTotals, Status, trashCards, User, type Viewer } from '@crm/db';
import { ReportPeriodPreset, Role } from '@crm/shared';
import { startTestApi, TestApi } from '../../testing/api';
import { buildCards, buildPipeline, copyMismatches, departmentSteps, labelSteps, labelTotalsMismatches, randomWalk, seededRandom, startLabels } from '../../testing/factories';
import { PipelineService } from '../pipelines/pipeline.service';
import { ReportService } from './report.service';

describe('activity totals', () => {
  let api: TestApi;
  afterAll(() => api?.close());

  it('stay equal to a recompute from the sources through a random run of moves, todos, mails, notes, replies, trash (card by card and many at once), owners, pipelines, merges, departments, labels and deletes, per client too; the widgets over them equal to their sources, for several labels too', async () => {
    api = await startTestApi();
    const ds = api.db.dataSource;
    const rnd = seededRandom(12);
    const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];
    const pipelines = [await buildPipeline(ds), await buildPipeline(ds)];
    const pipelineIds = pipelines.map((p) => p.pipeline.id);
    const users: User[] = [];
    for (let i = 0; i < 3; i++) users.push(await api.buildUser({ role: Role.Normal }));
    const someone = () => (rnd() < 0.1 ? null : pick(users).id);
    const at = () => new Date(Date.UTC(2026, 2, 20) + Math.floor(rnd() * 10 * 24 * 60) * 60_000);
    const cards: Card[] = await buildCards(ds, Array.from({ length: 8 }, (_, i) => ({ status: pipelines[i % 2].statuses[0], ownerId: pick(users).id })));
    const live = async (): Promise<Array<{ id: string; client_id: string; pipeline_id: string; status_id: string }>> =>
      ds.query(`SELECT id, client_id, pipeline_id, status_id FROM cards WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL ORDER BY array_position($1::uuid[], id)`, [cards.map((c) => c.id)]);
    /** Any card of the run, live or in the trash (undefined when every one was deleted). */
    const anyCard = async (): Promise<{ id: string; client_id: string; pipeline_id: string } | undefined> =>
      pick(await ds.query(`SELECT id, client_id, pipeline_id FROM cards WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`, [cards.map((c) => c.id)]));
    const anyTodo = async (): Promise<{ id: string } | undefined> => pick(await ds.query(`SELECT id FROM todos WHERE card_id = ANY($1::uuid[]) ORDER BY length(title), title`, [cards.map((c) => c.id)]));
    const departments = await departmentSteps(ds, pick, () => cards.map((c) => c.id));
    const labels = await labelSteps(ds, pick, () => cards.map((c) => c.id));
    await startLabels(ds, cards.map((c) => c.id), labels);
    const statusesOf = (pipelineId: string): Status[] => pipelines.find((p) => p.pipeline.id === pipelineId)!.statuses;
    /** A move as the app writes it: the audit row (its trigger writes the history), then the card. */
    const move = async (card: { id: string; client_id: string; pipeline_id: string; status_id: string }, to: Status, actor: string | null, when: Date) => {
      await ds.query(`INSERT INTO audit_log (at, actor_id, action, entity, entity_id, card_id, client_id, changes) VALUES ($1, $2, 'move', 'card', $3, $3, $4, $5)`, [
        when, actor, card.id, card.client_id, JSON.stringify({ statusId: [card.status_id, to.id] }),
      ]);
      await ds.query(`UPDATE cards SET status_id = $1, status_changed_at = $2 WHERE id = $3`, [to.id, when, card.id]);
    };
    let mailKey = 0;
    let todoNo = 0;

    const steps: Record<string, () => Promise<unknown>> = {
      ...departments.steps,
      ...labels.steps,
      async move() {
        const card = pick(await live());
        if (card) await move(card, pick(statusesOf(card.pipeline_id)), someone(), at());
      },
      async massMove() {
        const list = await live();
        const to = pick(pipelines).statuses;
        const chosen = list.filter((c) => c.pipeline_id === to[0].pipelineId);
        const status = pick(to);
        const when = at();
        await ds.query(
          `INSERT INTO audit_log (at, actor_id, action, entity, entity_id, card_id, client_id, changes)
           SELECT $1, $2, 'move', 'card', c.id, c.id, c.client_id, jsonb_build_object('statusId', jsonb_build_array(c.status_id, $3::uuid)) FROM cards c WHERE c.id = ANY($4::uuid[])`,
          [when, someone(), status.id, chosen.map((c) => c.id)],
        );
        await ds.query(`UPDATE cards SET status_id = $1, status_changed_at = $2 WHERE id = ANY($3::uuid[])`, [status.id, when, chosen.map((c) => c.id)]);
      },
      async todo() {
        const card = await anyCard();
        if (!card) return;
        await ds.query(`INSERT INTO todos (card_id, title, assignee_id, deadline, done_at) VALUES ($1, $5, $2, $3, $4)`, [card.id, someone(), at(), rnd() < 0.5 ? at() : null, `Todo ${++todoNo}`]);
      },
      async todoDoneOrUndone() {
        const todo = await anyTodo();
        if (todo) await ds.query(`UPDATE todos SET done_at = CASE WHEN done_at IS NULL THEN $1::timestamptz END WHERE id = $2`, [at(), todo.id]);
      },
      async todoReassignedOrDeleted() {
        const todo = await anyTodo();
        if (!todo) return;
        if (rnd() < 0.4) await ds.query(`UPDATE todos SET assignee_id = $1, deadline = $2 WHERE id = $3`, [someone(), at(), todo.id]);
        else if (rnd() < 0.6) await ds.query(`UPDATE todos SET deleted_at = now() WHERE id = $1`, [todo.id]);
        else await ds.query(`DELETE FROM todos WHERE id = $1`, [todo.id]);
      },
      async mail() {
        const card = await anyCard();
        if (!card) return;
        // Some mails arrive sent (filed from a Sent folder), some have no card (a campaign's).
        const sentAtOnce = rnd() < 0.2;
        const [{ id }] = await ds.query(
          `INSERT INTO outbox_mails (idempotency_key, card_id, client_id, from_address, from_name, to_addresses, subject, html, text, status, message_id, created_by_id, sent_at)
           VALUES ($1, $2, $3, 'a@example.com', 'A', '{x@example.com}', 'Hi', '', '', $5, $1, $4, $6) RETURNING id`,
          [`activity-${++mailKey}`, rnd() < 0.15 ? null : card.id, card.client_id, someone(), sentAtOnce ? 'SENT' : 'QUEUED', sentAtOnce ? at() : null],
        );
        if (!sentAtOnce && rnd() < 0.7) {
          // A delivery: claimed, then sent.
          await ds.query(`UPDATE outbox_mails SET status = 'SENDING', attempts = attempts + 1 WHERE id = $1`, [id]);
          await ds.query(`UPDATE outbox_mails SET status = 'SENT', sent_at = $1 WHERE id = $2`, [at(), id]);
        }
        const r = rnd();
        if (r < 0.15) await ds.query(`DELETE FROM outbox_mails WHERE id = $1`, [id]);
        else if (r < 0.35) await ds.query(`UPDATE outbox_mails SET sent_at = $1 WHERE id = $2 AND sent_at IS NOT NULL`, [at(), id]);
        else if (r < 0.6) await ds.query(`UPDATE outbox_mails SET created_by_id = $1 WHERE id = $2`, [someone(), id]);
        else if (r < 0.75) await ds.query(`UPDATE outbox_mails SET card_id = $1 WHERE id = $2`, [(await anyCard())?.id ?? null, id]);
      },
      async note() {
        const card = await anyCard();
        if (!card) return;
        const [{ id }] = await ds.query(`INSERT INTO notes (card_id, client_id, author_id, body, created_at) VALUES ($1, $2, $3, 'N', $4) RETURNING id`, [card.id, card.client_id, someone(), at()]);
        if (rnd() < 0.3) await ds.query(`UPDATE notes SET deleted_at = now() WHERE id = $1`, [id]);
      },
      async reply() {
        const card = await anyCard();
        if (!card) return;
        await ds.query(`INSERT INTO inbound_mails (message_id, from_address, kind, client_id, received_at) VALUES ($1, 'x@example.com', $2, $3, $4)`, [
          `reply-${++mailKey}`, rnd() < 0.8 ? 'CLIENT' : 'OTHER', card.client_id, at(),
        ]);
      },
      async trashOrRestore() {
        // (A restore only when the client has no other live card in the pipeline, as the app requires.)
        await ds.query(
          `UPDATE cards c SET deleted_at = CASE WHEN c.deleted_at IS NULL THEN now() END WHERE c.id = $1
             AND NOT EXISTS (SELECT 1 FROM cards o WHERE o.client_id = c.client_id AND o.pipeline_id = c.pipeline_id AND o.id <> c.id AND o.deleted_at IS NULL)`,
          [(await anyCard())?.id],
        );
      },
      async massTrash() {
        // An import undone: many cards at once, their events taken away in one statement (the row trigger aside).
        if (rnd() < 0.5) return;
        const chosen = (await live()).filter(() => rnd() < 0.4).map((c) => c.id);
        await ds.transaction((em) => trashCards(em, chosen, at()));
      },
      async owner() {
        await ds.query(`UPDATE cards SET owner_id = $1 WHERE id = $2`, [someone(), (await anyCard())?.id]);
      },
      async massOwner() {
        await ds.query(`UPDATE cards SET owner_id = $1 WHERE pipeline_id = $2 AND id = ANY($3::uuid[])`, [someone(), pick(pipelineIds), cards.map((c) => c.id)]);
      },
      async otherPipeline() {
        const card = pick(await live());
        if (!card) return;
        const other = pipelines.find((p) => p.pipeline.id !== card.pipeline_id)!;
        const taken = await ds.query(`SELECT 1 FROM cards WHERE client_id = $1 AND pipeline_id = $2 AND deleted_at IS NULL`, [card.client_id, other.pipeline.id]);
        if (taken.length) return;
        await ds.query(`UPDATE cards SET pipeline_id = $1, status_id = $2 WHERE id = $3`, [other.pipeline.id, other.statuses[0].id, card.id]);
        await move({ ...card, pipeline_id: other.pipeline.id }, other.statuses[1], someone(), at());
      },
      async mergeClients() {
        // The client's mail and cards go to a new client (as a merge of two clients does).
        const card = await anyCard();
        if (!card) return;
        const [{ id }] = await ds.query(`INSERT INTO clients (name, type) VALUES ('Merged', 'COMPANY') RETURNING id`);
        await ds.query(`UPDATE inbound_mails SET client_id = $1 WHERE client_id = $2`, [id, card.client_id]);
        await ds.query(`UPDATE cards SET client_id = $1 WHERE client_id = $2`, [id, card.client_id]);
      },
      async newCardForClient() {
        // A new card of a client that already has replies: they count for it too. Its creation is
        // in History as the app writes it (a status row with no status before: not a move), within
        // the days read (a fixed time, so the walk's random draws stay as they were).
        const card = pick(await live());
        if (!card) return;
        const other = pipelines.find((p) => p.pipeline.id !== card.pipeline_id)!;
        const taken = await ds.query(`SELECT 1 FROM cards WHERE client_id = $1 AND pipeline_id = $2 AND deleted_at IS NULL`, [card.client_id, other.pipeline.id]);
        if (taken.length) return;
        const [{ id }] = await ds.query(`INSERT INTO cards (client_id, pipeline_id, status_id, owner_id, position, currency) VALUES ($1, $2, $3, $4, 'zz', 'EUR') RETURNING id`, [
          card.client_id, other.pipeline.id, other.statuses[0].id, someone(),
        ]);
        await ds.query(`INSERT INTO audit_log (at, actor_id, action, entity, entity_id, card_id, client_id, changes) VALUES ($1, $2, 'create', 'card', $3, $3, $4, $5)`, [
          new Date(Date.UTC(2026, 2, 24, 9, 15)), users[0].id, id, card.client_id, JSON.stringify({ statusId: [null, other.statuses[0].id] }),
        ]);
        cards.push({ id } as Card);
      },
      async purge() {
        if (rnd() < 0.5) await ds.query(`DELETE FROM cards WHERE id = $1`, [(await anyCard())?.id]);
      },
    };

    const totals = () =>
      ds.query(`SELECT pipeline_id, kind, hour, user_id, department_id, n::int FROM report_activity_totals WHERE n <> 0 AND pipeline_id = ANY($1::uuid[]) ORDER BY 1, 2, 3, 4, 5`, [pipelineIds]);
    const truth = () =>
      ds.query(`SELECT pipeline_id, kind, hour, user_id, department_id, n::int FROM (${recomputeActivityTotals()}) r WHERE pipeline_id = ANY($1::uuid[]) ORDER BY 1, 2, 3, 4, 5`, [pipelineIds]);
    /** The totals per client, kept (the table) or recomputed. */
    const perClient = (from: string) =>
      ds.query(`SELECT client_id, pipeline_id, kind, hour, user_id, department_id, n::int FROM ${from} r WHERE n <> 0 AND pipeline_id = ANY($1::uuid[]) ORDER BY 1, 2, 3, 4, 5, 6`, [pipelineIds]);
    const reports = new ReportService(ds, new PipelineService(ds), async () => 'Europe/Budapest');
    // The same service reading every figure from its sources.
    const sources = Object.assign(new ReportService(ds, new PipelineService(ds), async () => 'Europe/Budapest'), { fromTotals: false });
    const admin: Viewer = { id: users[0].id, role: Role.Admin, departmentIds: [] };
    /**
     * Who reads: the admin filtered to both tags, a manager limited to a department filtered to both
     * categories, a Normal user to both tags (the totals per label summed, less the clients that
     * carry two), the admin to one tag; the admin and the manager to a category and a tag together
     * (the cards of the clients that carry both, by client).
     */
    const readers = (): Array<{ viewer: Viewer; tagIds?: string[]; categoryIds?: string[] }> => [
      { viewer: admin, tagIds: [...labels.tags] },
      { viewer: { ...admin, role: Role.Manager, departmentIds: [departments.departments[0]] }, categoryIds: [...labels.categories] },
      { viewer: { id: users[1].id, role: Role.Normal, departmentIds: [] }, tagIds: [...labels.tags] },
      { viewer: admin, tagIds: [labels.tags[1]] },
      { viewer: admin, categoryIds: [labels.categories[1]], tagIds: [labels.tags[0]] },
      { viewer: { ...admin, role: Role.Manager, departmentIds: [departments.departments[0]] }, categoryIds: [...labels.categories], tagIds: [labels.tags[1]] },
    ];
    const now = new Date(Date.UTC(2026, 2, 26, 12, 30));
    /** The card widgets and the activity of the reader over the run's days (and the previous ones), as a service reads them. */
    const widgets = async (service: ReportService, { viewer, ...filter }: ReturnType<typeof readers>[number], pipelineId: string) => {
      const { scope } = await service.report(viewer, { pipelineId, period: ReportPeriodPreset.Custom, from: '2026-03-20', to: '2026-03-29', ...filter }, now);
      return {
        overlap: !!scope.overlap?.length,
        funnel: await service.funnel(scope),
        weekly: await service.weekly(scope),
        activity: await service.activity(scope, now),
        open: await service.openPipeline(scope),
        outcomes: await service.outcomes(scope),
        forecast: await service.forecast(scope),
      };
    };
    let widgetsCompared = 0;
    let checks = 0;
    const kinds = new Set<string>();
    const departed = new Set<string>();
    let labelRows = 0;
    let clientTotalled = 0;
    await randomWalk(steps, pick, 300, 10, async (after) => {
      const kept = await totals();
      expect({ after, totals: kept }).toEqual({ after, totals: await truth() });
      const clientRows = await perClient('report_activity_client_totals');
      expect({ after, clientRows }).toEqual({ after, clientRows: await perClient(`(${recomputeActivityClientTotals()})`) });
      clientTotalled = Math.max(clientTotalled, new Set(clientRows.map((r: any) => r.client_id)).size);
      expect({ after, mismatches: await copyMismatches(ds) }).toEqual({ after, mismatches: { cards: [], history: [] } });
      const labelled = await labelTotalsMismatches(ds);
      expect({ after, labelled }).toEqual({ after, labelled: Object.fromEntries(Object.keys(labelled).map((t) => [t, []])) });
      labelRows += Number((await ds.query(`SELECT count(*) FROM report_activity_label_totals WHERE n <> 0`))[0].count);
      kept.forEach((r: any) => r.department_id && departed.add(r.department_id));
      kept.forEach((r: any) => kinds.add(r.kind));
      // (The pipelines in turn, not picked: the walk's random steps stay those of the run without these reads.)
      for (const [i, reader] of readers().entries()) {
        const pipelineId = pipelineIds[(checks + i) % 2];
        const { overlap, ...fromTotals } = await widgets(reports, reader, pipelineId);
        const { overlap: _, ...fromSources } = await widgets(sources, reader, pipelineId);
        expect({ after, reader: reader.viewer.role, widgets: fromTotals }).toEqual({ after, reader: reader.viewer.role, widgets: fromSources });
        if (overlap) widgetsCompared += fromTotals.activity.reduce((n, a) => n + a.todosDone + a.mailsSent + a.notes + a.cardsMoved + a.cardsWon, 0) + fromTotals.open.reduce((n, o) => n + o.count, 0);
      }
      checks++;
    });
    // Figures compared where some client carried two of the filter's labels.
    expect(widgetsCompared).toBeGreaterThan(20);
    // Events counted under departments and labels too.
    expect(departed.size).toBeGreaterThan(1);
    expect(labelRows).toBeGreaterThan(0);
    // Events totalled for several clients at once.
    expect(clientTotalled).toBeGreaterThan(2);
    // The run made every kind of event.
    expect(kinds).toEqual(new Set(['todo_done', 'overdue', 'due', 'mail', 'note', 'moved', 'reply']));
  }, 120_000);
});

// Mass update of every card of the pipeline, and the card page while such an update runs, each
// beside its SQL floor: the very statements the API sent for it (recorded from TypeORM's logger),
// replayed straight on PostgreSQL over plain connections.
import { print } from 'graphql';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { record, replay, stats, timed, type Statement } from './floor';
import {
  CardHistoryDocument,
  CardNotesDocument,
  CardTodosDocument,
  ClientContactsDocument,
  ClientDealsDocument,
  ClientDetailDocument,
  ClientDocumentsDocument,
} from '../../../web/src/graphql/generated/graphql';

type Gql = (cookie: string, query: string, variables: object) => Promise<any>;

export interface FloorResult {
  name: string;
  api: { p50: number; p95: number };
  floor: { p50: number; p95: number };
  note: string;
}

export async function massUpdateBench(opts: { ds: DataSource; gql: Gql; cookie: string; pgUrl: string; pipelineId: string; userIds: string[]; cardId: string; clientId: string }): Promise<FloorResult[]> {
  const { ds, gql, cookie, pipelineId } = opts;
  const MASS = `mutation($input: MassUpdateCardsInput!) { massUpdateCards(input: $input) { matched changed } }`;
  // Every card of the pipeline to one owner, then to another: each run changes all of them (on a
  // database an earlier run left with one owner too: the first is someone else).
  const [{ owner_id: current }] = await ds.query(`SELECT owner_id FROM cards WHERE pipeline_id = $1 AND deleted_at IS NULL LIMIT 1`, [pipelineId]);
  const first = opts.userIds.find((u) => u !== current)!;
  const owners = [first, opts.userIds.find((u) => u !== first && u !== current)!];
  let turn = 0;
  const massUpdate = async () => {
    const ownerId = owners[turn++ % 2];
    const res = await gql(cookie, MASS, { input: { pipelineId, filter: {}, change: { ownerId } } });
    if (res.massUpdateCards.changed === 0) throw new Error('the mass update changed nothing');
    return res.massUpdateCards.matched as number;
  };
  const pageQueries: Array<[string, object]> = [
    [print(ClientDetailDocument), { id: opts.clientId }],
    [print(CardNotesDocument), { cardId: opts.cardId }],
    [print(CardTodosDocument), { cardId: opts.cardId }],
    [print(CardHistoryDocument), { cardId: opts.cardId }],
    [print(ClientContactsDocument), { clientId: opts.clientId }],
    [print(ClientDealsDocument), { clientId: opts.clientId }],
    [print(ClientDocumentsDocument), { clientId: opts.clientId }],
  ];
  // The browser asks for the tabs of a card page at once.
  const cardPage = () => Promise.all(pageQueries.map(([q, v]) => gql(cookie, q, v)));

  // Mass update over HTTP, recording the statements of two runs (one per owner).
  const apiMass: number[] = [];
  let matched = 0;
  const massStatements: Statement[][] = [];
  for (let i = 0; i < 3; i++) {
    let t = 0;
    const statements = await record(ds, async () => {
      t = await timed(async () => (matched = await massUpdate()));
    });
    apiMass.push(t);
    if (i > 0) massStatements.push(statements);
  }

  const pgClients = await Promise.all(
    Array.from({ length: pageQueries.length + 1 }, async () => {
      const c = new PgClient({ connectionString: opts.pgUrl });
      await c.connect();
      return c;
    }),
  );
  const [massClient, ...pageClients] = pgClients;
  try {
    // Its floor: the same statements, alternating owners so every replay changes every card.
    const floorMass: number[] = [];
    for (let i = 0; i < 3; i++) {
      // The snapshot rows the recorded statements write under the API's mass update id go first (untimed).
      const snapshot = massStatements[i % 2].find(([q]) => q.trimStart().startsWith('INSERT INTO mass_update_cards'));
      if (snapshot) await massClient.query(`DELETE FROM mass_update_cards WHERE mass_update_id = $1`, [snapshot[1]![0]]);
      floorMass.push(await timed(() => replay(massClient, massStatements[i % 2])));
    }
    turn = 0;

    // The card page's statements, one request at a time.
    const pageStatements: Statement[][] = [];
    for (const [q, v] of pageQueries) pageStatements.push(await record(ds, () => gql(cookie, q, v)));
    const floorPage = () => Promise.all(pageStatements.map((s, i) => replay(pageClients[i], s)));

    const quiet = { api: [] as number[], floor: [] as number[] };
    for (let i = 0; i < 30; i++) {
      quiet.api.push(await timed(cardPage));
      quiet.floor.push(await timed(floorPage));
    }

    // The card page while mass updates run one after another in the background.
    const underLoad = async (background: () => Promise<unknown>, page: () => Promise<unknown>) => {
      let stop = false;
      let runs = 0;
      const loop = (async () => {
        while (!stop) {
          await background();
          runs += 1;
        }
      })();
      const times: number[] = [];
      // Let the first update take its locks, then load the page until two updates have finished.
      await new Promise((resolve) => setTimeout(resolve, 200));
      while (runs < 2 || times.length < 20) times.push(await timed(page));
      stop = true;
      await loop;
      return { times, runs };
    };
    const apiLoad = await underLoad(massUpdate, cardPage);
    // Start from the owner the cards do not have, so every replay changes every card.
    let k = (turn - 1) % 2;
    const floorLoad = await underLoad(() => replay(massClient, massStatements[k++ % 2]), floorPage);

    return [
      { name: `mass update: owner of all ${matched.toLocaleString('en')} cards (filter), one transaction`, api: stats(apiMass), floor: stats(floorMass), note: '3 runs each' },
      { name: 'card page: client, notes, todos, history, contacts, deals, documents (7 requests at once)', api: stats(quiet.api), floor: stats(quiet.floor), note: '30 loads, quiet' },
      {
        name: 'card page while mass updates of all cards run back to back',
        api: stats(apiLoad.times),
        floor: stats(floorLoad.times),
        note: `${apiLoad.times.length} / ${floorLoad.times.length} loads during ${apiLoad.runs} / ${floorLoad.runs} mass updates`,
      },
    ];
  } finally {
    await Promise.all(pgClients.map((c) => c.end()));
  }
}

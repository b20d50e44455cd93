// The API as production runs it, for tests and benchmarks that need several instances: its own
// process (main.ts) on a given database and Redis, and the board's live subscription opened as the
// browser opens it (graphql-ws, the session cookie, the app's own origin).
import { createClient } from 'graphql-ws';
import { spawn } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';

const API_DIR = path.resolve(__dirname, '../..');

export interface ApiProcess {
  url: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Starts the API as a child process (its own main.ts) and waits until it answers. */
export async function startApiProcess(dbUrl: string, redisUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: API_DIR,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      REDIS_URL: redisUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API process ended with ${child.exitCode}`);
    const up = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (up)
      return {
        url,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await exited;
        },
      };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the API process did not answer within 2 minutes');
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface LiveBoard {
  received: () => number;
  /** The status each card was last pushed in. */
  statusOf: Map<string, string>;
  close: () => Promise<void>;
}

const BOARD_CHANGES = `subscription($p: ID!) { boardChanges(pipelineId: $p) { initial changes { cards { id statusId } removedIds } } }`;

/** The board's subscription as the browser opens it: over graphql-ws, with the session cookie and the app's origin. */
export async function openLiveBoard(apiUrl: string, cookie: string, pipelineId: string): Promise<LiveBoard> {
  const headers = { origin: apiUrl, cookie };
  class BrowserLike extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const client = createClient({ url: `${apiUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: BrowserLike, retryAttempts: 0, lazy: false });
  let received = 0;
  const statusOf = new Map<string, string>();
  let started!: () => void;
  let failed!: (err: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => ((started = resolve), (failed = reject)));
  const dispose = client.subscribe<{ boardChanges: { initial: boolean; changes: { cards: Array<{ id: string; statusId: string }>; removedIds: string[] } } }>(
    { query: BOARD_CHANGES, variables: { p: pipelineId } },
    {
      next(result) {
        if (result.errors) return failed(new Error(JSON.stringify(result.errors)));
        const event = result.data!.boardChanges;
        if (event.initial) return started();
        received++;
        for (const c of event.changes.cards) statusOf.set(c.id, c.statusId);
      },
      error: (err) => failed(err),
      complete: () => undefined,
    },
  );
  await ready;
  return {
    received: () => received,
    statusOf,
    close: async () => {
      dispose();
      await client.dispose();
    },
  };
}


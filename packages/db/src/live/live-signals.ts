import { Client } from 'pg';

/** The NOTIFY channel the audit trail's trigger writes to (migration LiveSignals1796062500000). */
export const LIVE_CHANNEL = 'crm_live';

/**
 * What one committed statement touched: the pipelines whose boards and the clients whose cards may
 * show something new. `null` is "too many to name: assume all". A signal says nothing about who may
 * see the change; receivers re-read under their own visibility rule.
 */
export interface LiveSignal {
  pipelineIds: string[] | null;
  clientIds: string[] | null;
}

/** A signal that concerns everything (after the listener reconnects, notifications may be lost). */
export const EVERYTHING: LiveSignal = { pipelineIds: null, clientIds: null };

export function parseLiveSignal(payload: string | undefined): LiveSignal {
  try {
    const raw = JSON.parse(payload ?? '') as { p?: unknown; c?: unknown };
    const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null);
    return { pipelineIds: ids(raw.p), clientIds: ids(raw.c) };
  } catch {
    return EVERYTHING;
  }
}

export function signalConcerns(signal: LiveSignal, kind: 'pipeline' | 'client', id: string): boolean {
  const ids = kind === 'pipeline' ? signal.pipelineIds : signal.clientIds;
  return ids === null || ids.includes(id);
}

export interface LiveListenerOptions {
  /** Told about failures (the listener keeps reconnecting). */
  onError?: (err: Error) => void;
  /** Delay before reconnecting, in ms. */
  retryMs?: number;
}

/**
 * One dedicated PostgreSQL connection per process that LISTENs on the live channel. Notifications
 * arrive only for committed transactions, from every process writing to the database (all API
 * instances and workers). When the connection drops, it reconnects and passes EVERYTHING on, so
 * receivers re-read whatever they show (notifications sent meanwhile are lost).
 */
export class LiveListener {
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private connecting: Promise<void> | null = null;

  constructor(
    private readonly databaseUrl: string,
    private readonly onSignal: (signal: LiveSignal) => void,
    private readonly options: LiveListenerOptions = {},
  ) {}

  /** Connects (resolves once LISTEN is in place). */
  start(): Promise<void> {
    this.stopped = false;
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl, application_name: 'crm-live' });
    client.on('notification', (msg) => {
      if (msg.channel === LIVE_CHANNEL) this.onSignal(parseLiveSignal(msg.payload));
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('live listener connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (err) {
      this.lost(client, err as Error);
      throw err;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    const reconnected = this.client === null && this.hadClient;
    this.client = client;
    this.hadClient = true;
    if (reconnected) this.onSignal(EVERYTHING);
  }

  private hadClient = false;

  private lost(client: Client, err: Error) {
    if (this.client !== null && this.client !== client) return;
    this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.options.onError?.(err);
    if (!this.retry) {
      this.retry = setTimeout(() => {
        this.retry = null;
        if (!this.stopped) this.start().catch(() => undefined);
      }, this.options.retryMs ?? 1000);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
  }
}

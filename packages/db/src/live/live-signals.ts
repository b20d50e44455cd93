import type { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';

/**
 * What committed writes touched: the pipelines whose boards and the clients whose cards may show
 * something new. `null` is "too many to name: assume all". A signal says nothing about who may see
 * the change; receivers re-read under their own visibility rule.
 */
export interface LiveSignal {
  pipelineIds: string[] | null;
  clientIds: string[] | null;
}

/** A signal that concerns everything (e.g. after a subscriber reconnects: messages sent meanwhile are lost). */
export const EVERYTHING: LiveSignal = { pipelineIds: null, clientIds: null };

/** The smallest Redis client the publisher needs (ioredis fits). */
export interface LivePublisher {
  publish(channel: string, message: string): Promise<unknown>;
}

/**
 * The Redis channel of one database's signals: every API instance and worker on the same database
 * agree on it without configuration, and two installations sharing a Redis do not hear each other.
 */
export function liveChannel(ds: DataSource): string {
  const options = (ds.options ?? {}) as { url?: string; host?: string; port?: number; database?: string };
  let where = `${options.host ?? ''}:${options.port ?? ''}/${options.database ?? ''}`;
  if (options.url) {
    const url = new URL(options.url);
    where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return `crm:live:${where}`;
}

/** Parses what the audit trigger wrote (one JSON object per line) or what was published. */
export function parseLiveSignal(text: string | null | undefined): LiveSignal | null {
  let merged: LiveSignal | null = null;
  for (const line of (text ?? '').split('\n')) {
    if (!line.trim()) continue;
    let next: LiveSignal;
    try {
      const raw = JSON.parse(line) as { p?: unknown; c?: unknown };
      const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null);
      next = { pipelineIds: ids(raw.p), clientIds: ids(raw.c) };
    } catch {
      next = EVERYTHING;
    }
    merged = merged ? mergeSignals(merged, next) : next;
  }
  return merged;
}

const union = (a: string[] | null, b: string[] | null, cap: number) => {
  if (a === null || b === null) return null;
  const all = [...new Set([...a, ...b])];
  return all.length > cap ? null : all;
};

export function mergeSignals(a: LiveSignal, b: LiveSignal): LiveSignal {
  return { pipelineIds: union(a.pipelineIds, b.pipelineIds, 50), clientIds: union(a.clientIds, b.clientIds, 100) };
}

export function serializeSignal(signal: LiveSignal): string {
  return JSON.stringify({ p: signal.pipelineIds, c: signal.clientIds });
}

export function signalConcerns(signal: LiveSignal, kind: 'pipeline' | 'client', id: string): boolean {
  const ids = kind === 'pipeline' ? signal.pipelineIds : signal.clientIds;
  return ids === null || ids.includes(id);
}

const PENDING = Symbol('crm.live');
type WithPending = QueryRunner & { [PENDING]?: string };

/**
 * Publishes each committed transaction's live signal (what the audit trigger noted in `crm.live`)
 * on Redis, after COMMIT. One query per committed transaction reads the note just before COMMIT.
 * Install it on every DataSource that writes (the API's and the worker's): then a change made by
 * any process reaches the subscribers of every API instance. Writes outside a transaction are not
 * signalled (the audit trail is written inside one everywhere it concerns cards and clients).
 */
export function installLivePublisher(ds: DataSource, publisher: LivePublisher, onError: (err: unknown) => void = () => undefined): void {
  // (A stand-in without subscribers, as some tests pass, has nothing to publish.)
  if (!Array.isArray(ds.subscribers)) return;
  const channel = liveChannel(ds);
  const installed = ds as DataSource & { [PENDING]?: { publisher: LivePublisher; onError: (err: unknown) => void } };
  // Installing again (a worker restarted on the same DataSource) replaces the publisher.
  if (installed[PENDING]) {
    installed[PENDING] = { publisher, onError };
    return;
  }
  installed[PENDING] = { publisher, onError };
  const subscriber: EntitySubscriberInterface = {
    async beforeTransactionCommit({ queryRunner }) {
      const qr = queryRunner as WithPending;
      // Only the outermost COMMIT (inner ones release a savepoint).
      if ((qr as unknown as { transactionDepth: number }).transactionDepth > 1) return;
      const [row] = await qr.query(`SELECT current_setting('crm.live', true) AS live`);
      if (row?.live) qr[PENDING] = row.live;
    },
    async afterTransactionCommit({ queryRunner }) {
      const qr = queryRunner as WithPending;
      const pending = qr[PENDING];
      if (!pending || qr.isTransactionActive) return;
      delete qr[PENDING];
      const signal = parseLiveSignal(pending);
      const target = installed[PENDING]!;
      if (signal) target.publisher.publish(channel, serializeSignal(signal)).catch(target.onError);
    },
    async afterTransactionRollback({ queryRunner }) {
      const qr = queryRunner as WithPending;
      if (!qr.isTransactionActive) delete qr[PENDING];
    },
  };
  ds.subscribers.push(subscriber);
}

import { EVERYTHING, parseLiveSignal, signalConcerns, type LiveSignal } from '@crm/db';
import Redis from 'ioredis';
import type { Logger } from '../../logger';

type Watcher = { kind: 'pipeline' | 'client'; id: string; notify: () => void };

/**
 * This process's end of the live signals: one Redis subscriber connection (opened with the first
 * watcher) on the database's live channel, fanned out to the subscriptions of this process's
 * sockets. Every process that writes (each API instance, each worker) publishes there after its
 * commits (installLivePublisher), so nothing depends on which instance a socket or a writer is on.
 * Redis pub/sub drops what is sent while a subscriber is disconnected: after a reconnect every
 * watcher is told to read again.
 */
export class LiveHub {
  private readonly watchers = new Set<Watcher>();
  private redis: Redis | null = null;
  private started: Promise<void> | null = null;

  constructor(
    private readonly redisUrl: string,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {}

  /** Calls `notify` for every signal that concerns the pipeline or client; returns the unwatch. */
  async watch(kind: Watcher['kind'], id: string, notify: () => void): Promise<() => void> {
    this.started ??= this.start().catch((err) => {
      this.started = null;
      throw err;
    });
    await this.started;
    const watcher: Watcher = { kind, id, notify };
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  private async start() {
    const redis = new Redis(this.redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
    let connectedBefore = false;
    redis.on('error', (err) => this.logger.warn({ err: err.message }, 'live signals: redis connection problem'));
    redis.on('ready', () => {
      // ioredis subscribes again by itself; what was published meanwhile is lost.
      if (connectedBefore) this.dispatch(EVERYTHING);
      connectedBefore = true;
    });
    redis.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const signal = parseLiveSignal(message);
      if (signal) this.dispatch(signal);
    });
    this.redis = redis;
    await redis.connect();
    await redis.subscribe(this.channel);
  }

  get size(): number {
    return this.watchers.size;
  }

  private dispatch(signal: LiveSignal) {
    for (const w of this.watchers) {
      if (!signalConcerns(signal, w.kind, w.id)) continue;
      try {
        w.notify();
      } catch (err) {
        this.logger.error({ err }, 'live watcher failed');
      }
    }
  }

  async stop(): Promise<void> {
    this.watchers.clear();
    this.started = null;
    const redis = this.redis;
    this.redis = null;
    redis?.disconnect();
  }
}

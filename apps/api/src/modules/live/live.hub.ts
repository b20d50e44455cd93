import { LiveListener, signalConcerns, type LiveSignal } from '@crm/db';
import type { Logger } from '../../logger';

type Watcher = { kind: 'pipeline' | 'client'; id: string; notify: () => void };

/**
 * This process's end of the live signals: one LISTEN connection (opened with the first watcher),
 * fanned out to the subscriptions of this process's sockets. Signals come from every API instance
 * and worker through PostgreSQL (see LiveListener), so nothing here depends on which instance a
 * socket or a writer is on.
 */
export class LiveHub {
  private readonly watchers = new Set<Watcher>();
  private readonly listener: LiveListener;
  private started: Promise<void> | null = null;

  constructor(databaseUrl: string, private readonly logger: Logger) {
    this.listener = new LiveListener(databaseUrl, (signal) => this.dispatch(signal), {
      onError: (err) => logger.warn({ err: err.message }, 'live signals: connection lost, reconnecting'),
    });
  }

  /** Calls `notify` for every signal that concerns the pipeline or client; returns the unwatch. */
  async watch(kind: Watcher['kind'], id: string, notify: () => void): Promise<() => void> {
    this.started ??= this.listener.start().catch((err) => {
      this.started = null;
      throw err;
    });
    await this.started;
    const watcher: Watcher = { kind, id, notify };
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
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
    await this.listener.stop();
  }
}

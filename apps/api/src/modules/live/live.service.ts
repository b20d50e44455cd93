import { loadViewer, viewerOf, type User, type Viewer } from '@crm/db';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../logger';
import { visibleClient } from '../access/guard';
import type { CardService } from '../cards/card.service';
import type { CardFilter } from '../cards/card.types';
import type { PipelineService } from '../pipelines/pipeline.service';
import { coalesced, Feed } from './feed';
import type { LiveHub } from './live.hub';
import type { BoardChangesEvent, ClientChange } from './live.types';

/**
 * The subscriptions' event streams. A signal only says "something on this pipeline/client
 * changed"; each subscriber then re-reads under their own visibility rule, with the same service
 * the polling queries use, and is sent only what they may see (nothing at all when that is nothing).
 */
export class LiveService {
  constructor(
    private readonly ds: DataSource,
    readonly hub: LiveHub,
    private readonly cards: CardService,
    private readonly pipelines: PipelineService,
    private readonly logger: Logger,
  ) {}

  /**
   * A board's changes as `cardChanges` would report them, pushed after each signal for the
   * pipeline. The first event comes at once (possibly empty): it says the stream is live and gives
   * the server time. The reads overlap in time (see CardService.changes), so cards already sent as
   * they are now are left out.
   */
  async boardChanges(user: User, pipelineId: string, filter: CardFilter | null): Promise<AsyncIterableIterator<BoardChangesEvent>> {
    await this.pipelines.get(pipelineId);
    let since = new Date();
    let sent = new Map<string, string>();
    let removed = new Set<string>();
    let first = true;
    const read = async (feed: Feed<BoardChangesEvent>) => {
      // The user as they are now: a role, department or deactivation change applies to the next event.
      const viewer = await this.viewerOf(user);
      if (!viewer) return void feed.return();
      const changes = await this.cards.changes(viewer, pipelineId, since, filter);
      since = changes.serverTime;
      const initial = first;
      first = false;
      if (changes.reset) {
        sent = new Map();
        removed = new Set();
        return feed.push({ initial, changes });
      }
      const cards = changes.cards.filter((c) => sent.get(c.id) !== JSON.stringify(c));
      const removedIds = changes.removedIds.filter((id) => !removed.has(id));
      sent = new Map(changes.cards.map((c) => [c.id, JSON.stringify(c)]));
      removed = new Set(changes.removedIds);
      if (initial || cards.length || removedIds.length) feed.push({ initial, changes: { ...changes, cards, removedIds } });
    };
    return this.stream('pipeline', pipelineId, read, { pipelineId });
  }

  /** A client card's signal: pushed when anything about the client changed, if the user may see it. */
  async clientChanged(user: User, clientId: string): Promise<AsyncIterableIterator<ClientChange>> {
    await visibleClient(this.ds.manager, viewerOf(user), clientId);
    let first = true;
    const read = async (feed: Feed<ClientChange>) => {
      const viewer = await this.viewerOf(user);
      if (!viewer) return void feed.return();
      const initial = first;
      first = false;
      const visible = await visibleClient(this.ds.manager, viewer, clientId).then(
        () => true,
        () => false,
      );
      if (visible) feed.push({ clientId, at: new Date(), initial });
    };
    return this.stream('client', clientId, read, { clientId });
  }

  /** Wires a feed to the hub: one read at once, then one per burst of signals, until unsubscribed. */
  private async stream<T>(kind: 'pipeline' | 'client', id: string, read: (feed: Feed<T>) => Promise<void>, logContext: object): Promise<Feed<T>> {
    let unwatch: () => void = () => undefined;
    const feed: Feed<T> = new Feed<T>(() => {
      worker.stop();
      unwatch();
    });
    const worker = coalesced(() =>
      read(feed).catch((err) => {
        // The stream stays open; the next signal reads again.
        this.logger.warn({ err, ...logContext }, 'live read failed');
      }),
    );
    unwatch = await this.hub.watch(kind, id, worker.schedule);
    try {
      await read(feed);
    } catch (err) {
      void feed.return();
      throw err;
    }
    return feed;
  }

  private viewerOf(user: User): Promise<Viewer | null> {
    return loadViewer(this.ds.manager, user.id);
  }
}

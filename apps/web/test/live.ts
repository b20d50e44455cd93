import { ApolloLink } from '@apollo/client';
import { Observable, type Observer } from 'rxjs';

interface LiveSubscription {
  name: string;
  variables: Record<string, unknown>;
  observer: Observer<ApolloLink.Result>;
}

/**
 * The server end of subscriptions in component tests: it holds what the components subscribed to
 * and lets a test push events to them, as the WebSocket would.
 */
export class FakeLive extends ApolloLink {
  private readonly subscriptions = new Set<LiveSubscription>();

  constructor() {
    super(
      (operation) =>
        new Observable<ApolloLink.Result>((observer) => {
          const sub = { name: operation.operationName ?? '', variables: operation.variables, observer };
          this.subscriptions.add(sub);
          return () => this.subscriptions.delete(sub);
        }),
    );
  }

  /** How many subscriptions of that operation are open. */
  count(operationName: string): number {
    return [...this.subscriptions].filter((s) => s.name === operationName).length;
  }

  /** Sends one event to every open subscription of that operation (fails when there is none). */
  emit(operationName: string, data: Record<string, unknown>) {
    const open = [...this.subscriptions].filter((s) => s.name === operationName);
    if (!open.length) throw new Error(`no open ${operationName} subscription`);
    for (const s of open) s.observer.next({ data });
  }
}

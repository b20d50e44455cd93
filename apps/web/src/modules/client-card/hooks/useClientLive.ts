import { useRef } from 'react';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { CLIENT_CHANGED_SUBSCRIPTION } from '../graphql/client';

/** The client card's queries that show what other people (or automations, or incoming mail) change. */
export const CLIENT_LIVE_QUERIES = ['ClientDetail', 'CardTodos', 'CardHistory', 'CardNotes', 'ClientDocuments', 'ClientDeals', 'ClientContacts'];

/**
 * Keeps an open client card current: when the server says the client changed, the queries on
 * screen are read again (only those active). The subscription's first event only says it is live;
 * a later first event (after a reconnect) also reads again, for what changed while it was down.
 */
export function useClientLive(clientId: string) {
  const client = useApolloClient();
  const started = useRef(false);
  useSubscription(CLIENT_CHANGED_SUBSCRIPTION, {
    variables: { clientId },
    skip: !clientId,
    onData: ({ data }) => {
      const event = data.data?.clientChanged;
      if (!event) return;
      if (event.initial && !started.current) {
        started.current = true;
        return;
      }
      void client.refetchQueries({ include: CLIENT_LIVE_QUERIES });
    },
  });
}

import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import type { CardFilterInput, CardSortInput, MassUpdateCardsInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { CARD_LIST_LIVE_SUBSCRIPTION, CARD_LIST_QUERY, LIST_CUSTOM_FIELDS_QUERY, MASS_UPDATE_CARDS_MUTATION } from '../graphql/cards';

export const LIST_PAGE_SIZE = 50;
/** A burst of changes (a mass action, an import) reads the page once. */
const LIVE_REFRESH_MS = 300;

/** One page of a pipeline's cards, filtered and sorted on the server, with the total. */
export function useCardList(pipelineId: string, filter: CardFilterInput, sort: CardSortInput | null, offset: number) {
  const { data, previousData, loading, error, refetch } = useQuery(CARD_LIST_QUERY, {
    variables: { pipelineId, filter, sort, page: { offset, limit: LIST_PAGE_SIZE } },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  // The offset of the rows shown: while the next page loads, the previous one stays on screen, and
  // its range with it (a summary saying 51-100 over the first page's rows misled a test and a reader).
  const [shownOffset, setShownOffset] = useState(offset);
  if (data && shownOffset !== offset) setShownOffset(offset);
  useListLive(pipelineId, filter, () => void refetch());
  return {
    items: shown?.cards.items ?? [],
    shownOffset: data ? offset : shownOffset,
    total: shown?.cards.total ?? 0,
    loading: loading && !shown,
    refreshing: loading && Boolean(shown),
    error: shown ? undefined : error,
    refetch,
  };
}

/** Changes every selected card (or every match of a filter) in one request. */
export function useMassUpdateCards() {
  const [mutate, { loading }] = useMutation(MASS_UPDATE_CARDS_MUTATION, { refetchQueries: ['CardList'] });
  const { error, run, clearError } = useMutationErrors();
  const massUpdate = (input: MassUpdateCardsInput) =>
    run(async () => (await mutate({ variables: { input } })).data?.massUpdateCards);
  return { massUpdate, loading, error, clearError };
}

/** The pipeline's active custom fields, in their order; empty while loading or when they fail to load. */
export function useListCustomFields(pipelineId: string) {
  const { data } = useQuery(LIST_CUSTOM_FIELDS_QUERY, { variables: { pipelineId }, skip: !pipelineId });
  return data?.customFields ?? [];
}

/**
 * Keeps the open list current: when the server says something the viewer may see changed in the
 * pipeline (another person, an automation, an import), the page is read again, at most once per
 * burst. The first event only says the stream is live; a later first event (after a reconnect)
 * reads again, for what changed while it was down.
 */
function useListLive(pipelineId: string, filter: CardFilterInput, refresh: () => void) {
  const started = useRef(false);
  const timer = useRef<number | null>(null);
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useEffect(() => () => {
    if (timer.current !== null) window.clearTimeout(timer.current);
  }, []);
  useSubscription(CARD_LIST_LIVE_SUBSCRIPTION, {
    variables: { pipelineId, filter },
    skip: !pipelineId,
    onData: ({ data }) => {
      const event = data.data?.boardChanges;
      if (!event) return;
      if (event.initial && !started.current) {
        started.current = true;
        return;
      }
      if (timer.current !== null) return;
      timer.current = window.setTimeout(() => {
        timer.current = null;
        refreshRef.current();
      }, LIVE_REFRESH_MS);
    },
  });
}

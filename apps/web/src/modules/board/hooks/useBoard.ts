import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { ApolloClient } from '@apollo/client';
import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import type { BoardCardFragment, BoardChangesFragment, CardFilterInput } from '../../../graphql/generated/graphql';
import { BOARD_CHANGES_SUBSCRIPTION, BOARD_QUERY, CARD_CHANGES_QUERY, COLUMN_CARDS_QUERY } from '../graphql/board';
import { appendPage, applyColumnTotals, boardFromQuery, emptyBoard, mergeChanges, type BoardState, type Items } from '../utils/boardState';

export const PAGE_SIZE = 50;
/** The first `since` reaches back a little so that a slow clock loses nothing (merging is idempotent). */
const FIRST_SINCE_MARGIN_MS = 30_000;

/** Starts loading a board before its page renders: the page's query joins this request while it is under way. */
export function preloadBoard(client: ApolloClient, pipelineId: string) {
  void client.query({ query: BOARD_QUERY, variables: { pipelineId }, fetchPolicy: 'no-cache' }).catch(() => undefined);
}

/**
 * One pipeline's board: the first page of every column, further pages as columns scroll, and other
 * people's changes as the server pushes them (a subscription). The order of cards is local state
 * (dnd-kit moves it while dragging); `pause` holds remote changes back during a drag, `resume`
 * applies them. The subscription starts when `live` is (its catch-up read covers what changed before).
 */
export function useBoard(pipelineId: string, filter: CardFilterInput | undefined, live: boolean) {
  const client = useApolloClient();
  const [board, setBoard] = useState<BoardState>(emptyBoard);
  const [loadingMore, setLoadingMore] = useState<ReadonlySet<string>>(new Set());
  const boardRef = useRef(board);
  boardRef.current = board;
  const sinceRef = useRef<string | null>(null);
  /** After a reset the board is reloaded from this server time on. */
  const resetSinceRef = useRef<string | null>(null);
  const pausedRef = useRef(false);
  /** Cards whose own move is being saved: remote echoes of them are ignored until it is. */
  const pendingRef = useRef(new Set<string>());
  const variables = { pipelineId, filter };
  const filterKey = JSON.stringify(filter ?? null);

  // Not cached: the board's order lives in local state, and a moved card written to the cache must
  // not rebuild the board from the first page.
  const { data, loading, error, refetch } = useQuery(BOARD_QUERY, { variables, fetchPolicy: 'no-cache' });

  // Before the browser paints: the loaded query never shows as an empty board for a frame.
  useLayoutEffect(() => {
    if (!data) return;
    sinceRef.current = resetSinceRef.current ?? new Date(Date.now() - FIRST_SINCE_MARGIN_MS).toISOString();
    resetSinceRef.current = null;
    setBoard(boardFromQuery(data.board));
  }, [data]);

  /** Changes that arrived during a drag or a catch-up, applied when it ends (in order). */
  const heldRef = useRef<BoardChangesFragment[]>([]);
  const catchingUpRef = useRef(false);

  const applyNow = useCallback(
    (changes: BoardChangesFragment) => {
      if (!sinceRef.current || changes.serverTime > sinceRef.current) sinceRef.current = changes.serverTime;
      if (changes.reset) {
        resetSinceRef.current = changes.serverTime;
        void refetch();
        return;
      }
      if (changes.cards.length === 0 && changes.removedIds.length === 0 && changes.columns.length === 0) return;
      // The headers come with the changes: counts and sums as the server has them now.
      setBoard((current) => applyColumnTotals(mergeChanges(current, changes.cards, changes.removedIds, pendingRef.current), changes.columns));
    },
    [refetch],
  );

  const flush = useCallback(() => {
    for (const changes of heldRef.current.splice(0)) applyNow(changes);
  }, [applyNow]);

  const apply = useCallback(
    (changes: BoardChangesFragment) => {
      if (pausedRef.current || catchingUpRef.current) heldRef.current.push(changes);
      else applyNow(changes);
    },
    [applyNow],
  );

  /** A drag holds other people's changes back; they apply when it ends. */
  const pause = useCallback(() => {
    pausedRef.current = true;
  }, []);
  const resume = useCallback(() => {
    pausedRef.current = false;
    if (!catchingUpRef.current) flush();
  }, [flush]);

  /**
   * The subscription (re)started: whatever changed while it was not live (before it, or while the
   * connection was down) comes from one `cardChanges` read since the last server time; events that
   * arrive meanwhile wait for it.
   */
  const catchUp = useCallback(async () => {
    const since = sinceRef.current;
    if (!since) return;
    catchingUpRef.current = true;
    try {
      const result = await client.query({ query: CARD_CHANGES_QUERY, variables: { pipelineId, since, filter }, fetchPolicy: 'no-cache' });
      const changes = result.data?.cardChanges;
      if (changes) {
        if (pausedRef.current) heldRef.current.unshift(changes);
        else applyNow(changes);
      }
    } catch {
      // The board stays as it is; the next reconnect catches up again.
    } finally {
      catchingUpRef.current = false;
      if (!pausedRef.current) flush();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, pipelineId, filterKey, applyNow, flush]);

  // Other people's changes, pushed by the server once the board is loaded and `live`.
  useSubscription(BOARD_CHANGES_SUBSCRIPTION, {
    variables,
    skip: !data || !live,
    onData: ({ data: event }) => {
      const live = event.data?.boardChanges;
      if (!live) return;
      // The first event (again after each reconnect) only says the stream is live: the catch-up
      // read covers what it carries and more.
      if (live.initial) void catchUp();
      else apply(live.changes);
    },
  });

  const loadMore = useCallback(
    async (statusId: string) => {
      const column = boardRef.current.columns[statusId];
      if (!column?.hasMore || loadingMore.has(statusId)) return;
      setLoadingMore((current) => new Set(current).add(statusId));
      try {
        const result = await client.query({
          query: COLUMN_CARDS_QUERY,
          variables: { statusId, after: column.endCursor, first: PAGE_SIZE, filter },
          fetchPolicy: 'no-cache',
        });
        const page = result.data?.columnCards;
        if (page) setBoard((current) => appendPage(current, statusId, page));
      } finally {
        setLoadingMore((current) => {
          const next = new Set(current);
          next.delete(statusId);
          return next;
        });
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, loadingMore, filterKey],
  );

  const setItems = useCallback((update: (items: Items) => Items) => {
    setBoard((current) => ({ ...current, items: update(current.items) }));
  }, []);

  const putCard = useCallback((card: BoardCardFragment) => {
    setBoard((current) => ({ ...current, cards: { ...current.cards, [card.id]: card } }));
  }, []);

  return {
    board,
    boardRef,
    setBoard,
    setItems,
    putCard,
    loading: loading && !data,
    error: data ? undefined : error,
    refetch,
    loadMore,
    loadingMore,
    pause,
    resume,
    pendingRef,
  };
}

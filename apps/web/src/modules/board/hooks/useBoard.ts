import { useCallback, useEffect, useRef, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import type { BoardCardFragment, CardFilterInput } from '../../../graphql/generated/graphql';
import { BOARD_QUERY, CARD_CHANGES_QUERY, COLUMN_CARDS_QUERY } from '../graphql/board';
import { appendPage, applyColumnTotals, boardFromQuery, emptyBoard, mergeChanges, type BoardState, type Items } from '../utils/boardState';

export const POLL_INTERVAL_MS = 3000;
export const PAGE_SIZE = 50;
/** The first `since` reaches back a little so that a slow clock loses nothing (merging is idempotent). */
const FIRST_SINCE_MARGIN_MS = 30_000;

/**
 * One pipeline's board: the first page of every column, further pages as columns scroll, and other
 * people's changes every few seconds. The order of cards is local state (dnd-kit moves it while
 * dragging); `pause` stops merging remote changes during a drag.
 */
export function useBoard(pipelineId: string, filter?: CardFilterInput) {
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

  useEffect(() => {
    if (!data) return;
    sinceRef.current = resetSinceRef.current ?? new Date(Date.now() - FIRST_SINCE_MARGIN_MS).toISOString();
    resetSinceRef.current = null;
    setBoard(boardFromQuery(data.board));
  }, [data]);

  // Other people's moves: poll for changes since the last server time.
  useEffect(() => {
    if (!data) return;
    let stopped = false;
    let inFlight = false;
    const poll = async () => {
      const since = sinceRef.current;
      if (stopped || inFlight || pausedRef.current || !since || document.hidden) return;
      inFlight = true;
      try {
        const result = await client.query({
          query: CARD_CHANGES_QUERY,
          variables: { pipelineId, since, filter },
          fetchPolicy: 'no-cache',
        });
        const changes = result.data?.cardChanges;
        if (stopped || !changes) return;
        sinceRef.current = changes.serverTime;
        if (changes.reset) {
          resetSinceRef.current = changes.serverTime;
          void refetch();
          return;
        }
        if (changes.cards.length === 0 && changes.removedIds.length === 0 && changes.columns.length === 0) return;
        // The headers come with the changes: counts and sums as the server has them now.
        setBoard((current) =>
          applyColumnTotals(mergeChanges(current, changes.cards, changes.removedIds, pendingRef.current), changes.columns),
        );
      } catch {
        // A failed poll is retried on the next tick; the board stays as it is.
      } finally {
        inFlight = false;
      }
    };
    const timer = window.setInterval(() => void poll(), POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, data, pipelineId, filterKey]);

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
    pausedRef,
    pendingRef,
  };
}

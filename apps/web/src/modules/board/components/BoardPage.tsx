import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from '../../../app/i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { BoardIcon, ListIcon, SearchIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { PipelineSwitcher } from '../../pipelines/components/PipelineSwitcher';
import { rememberPipeline } from '../../pipelines/components/PipelineRedirect';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { useBoard } from '../hooks/useBoard';
import { BoardSkeleton } from './BoardSkeleton';
import { StaticBoard } from './StaticBoard';
import { LoadError } from '../../../ui/LoadError';

/**
 * The draggable, virtualised board (dnd-kit and TanStack Virtual): its code loads after the cards'
 * first paint, so that it is not on the way to it.
 */
let interactiveModule: typeof import('./Board') | null = null;
const loadInteractive = () => import('./Board').then((m) => (interactiveModule = m));

/** Runs `run` once the browser has painted what is on screen now (the next frame, then a task). */
function afterPaint(run: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** /board/:pipelineId */
export function BoardPage() {
  const { t } = useTranslation();
  const { pipelineId = '' } = useParams();
  const { pipelines } = usePipelines();
  const pipeline = pipelines.find((candidate) => candidate.id === pipelineId);
  const [text, setText] = useState('');
  const search = useDebouncedValue(text.trim(), 300);
  const filter = useMemo(() => (search ? { text: search } : undefined), [search]);
  const [interactive, setInteractive] = useState(() => interactiveModule);
  const [addingTo, setAddingTo] = useState<string | null>(null);
  // Other people's changes follow once the board is interactive (a catch-up read covers the wait).
  const data = useBoard(pipelineId, filter, interactive !== null);
  /** The card focused on the first paint, focused again in the interactive board. */
  const focusedCard = useRef<string | null>(null);

  useEffect(() => rememberPipeline(pipelineId), [pipelineId]);

  const drawn = !data.loading && !data.error;
  useEffect(() => {
    if (interactive || !drawn) return;
    let cancelled = false;
    const cancel = afterPaint(() =>
      void loadInteractive().then((m) => {
        if (cancelled) return;
        focusedCard.current = document.activeElement?.getAttribute('data-card-id') ?? null;
        setInteractive(m);
      }),
    );
    return () => {
      cancelled = true;
      cancel();
    };
  }, [interactive, drawn]);

  useEffect(() => {
    const id = focusedCard.current;
    if (!interactive || !id) return;
    focusedCard.current = null;
    return afterPaint(() => document.querySelector<HTMLElement>(`[data-card-id="${id}"]`)?.focus());
  }, [interactive]);

  let body;
  if (data.loading) body = <BoardSkeleton />;
  else if (data.error) {
    body = (
      <LoadError title={t('board.loadError')} error={data.error} onRetry={() => void data.refetch()} />
    );
  } else if (data.board.order.length === 0) {
    body = <EmptyState icon={<BoardIcon />} title={t('board.noStatusesTitle')} body={t('board.noStatusesBody')} />;
  } else if (interactive) body = <interactive.Board data={data} addingTo={addingTo} onAdd={setAddingTo} />;
  else body = <StaticBoard board={data.board} onAdd={setAddingTo} />;

  return (
    <div className="page page--wide board-page">
      <PageHeader
        title={pipeline?.name ?? t('pages.board.title')}
        description={t('pages.board.description')}
        actions={
          <>
            <label className="search-input">
              <SearchIcon />
              <input
                className="input input--compact"
                type="search"
                placeholder={t('board.search')}
                aria-label={t('board.search')}
                value={text}
                onChange={(event) => setText(event.target.value)}
              />
            </label>
            {pipelines.length > 0 && (
              <PipelineSwitcher pipelines={pipelines} currentId={pipelineId} to={(id) => `/board/${id}`} />
            )}
            <nav className="view-toggle" aria-label={t('board.viewToggle')}>
              <Link className="view-toggle__item view-toggle__item--active" to={`/board/${pipelineId}`} aria-current="page">
                <BoardIcon />
                {t('board.boardView')}
              </Link>
              <Link className="view-toggle__item" to={`/list/${pipelineId}`}>
                <ListIcon />
                {t('board.listView')}
              </Link>
            </nav>
          </>
        }
      />
      {body}
    </div>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../ui/EmptyState';
import { BoardIcon, ListIcon, SearchIcon } from '../../../ui/icons';
import { PageHeader } from '../../../ui/PageHeader';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { PipelineSwitcher } from '../../pipelines/components/PipelineSwitcher';
import { rememberPipeline } from '../../pipelines/components/PipelineRedirect';
import { usePipelines } from '../../pipelines/hooks/usePipelines';
import { useBoard } from '../hooks/useBoard';
import { Board } from './Board';
import { BoardSkeleton } from './BoardSkeleton';
import { LoadError } from '../../../ui/LoadError';

/** /board/:pipelineId */
export function BoardPage() {
  const { t } = useTranslation();
  const { pipelineId = '' } = useParams();
  const { pipelines } = usePipelines();
  const pipeline = pipelines.find((candidate) => candidate.id === pipelineId);
  const [text, setText] = useState('');
  const search = useDebouncedValue(text.trim(), 300);
  const filter = useMemo(() => (search ? { text: search } : undefined), [search]);
  const data = useBoard(pipelineId, filter);

  useEffect(() => rememberPipeline(pipelineId), [pipelineId]);

  let body;
  if (data.loading) body = <BoardSkeleton />;
  else if (data.error) {
    body = (
      <LoadError title={t('board.loadError')} error={data.error} onRetry={() => void data.refetch()} />
    );
  } else if (data.board.order.length === 0) {
    body = <EmptyState icon={<BoardIcon />} title={t('board.noStatusesTitle')} body={t('board.noStatusesBody')} />;
  } else body = <Board data={data} />;

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

import { useQuery } from '@apollo/client/react';
import { VIEWS_QUERY } from '../graphql/views';

/** Saved card views (yours and the shared ones); all pipelines unless one is given. */
export function useCardViews(pipelineId?: string) {
  const { data, loading, error } = useQuery(VIEWS_QUERY, {
    variables: { kind: 'CARDS', pipelineId: pipelineId ?? null },
  });
  return { views: data?.views ?? [], loading: loading && !data, error };
}

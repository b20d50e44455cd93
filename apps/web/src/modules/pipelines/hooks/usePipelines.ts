import { useQuery } from '@apollo/client/react';
import { PIPELINES_QUERY } from '../graphql/pipelines';

/** Active pipelines in order, each with its statuses (archived ones flagged). */
export function usePipelines(includeArchived = false) {
  const { data, loading, error, refetch } = useQuery(PIPELINES_QUERY, { variables: { includeArchived } });
  return { pipelines: data?.pipelines ?? [], loading: loading && !data, error, refetch };
}

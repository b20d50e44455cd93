import { useQuery } from '@apollo/client/react';
import { USERS_QUERY } from '../graphql/users';

export function useUsers() {
  const { data, loading, error, refetch } = useQuery(USERS_QUERY);
  return { users: data?.users ?? [], loading: loading && !data, error, refetch };
}

import { useQuery } from '@apollo/client/react';
import { ASSIGNABLE_USERS_QUERY } from '../graphql/users';

/** Active users, for owner and assignee pickers (any signed-in user may read them). */
export function useAssignableUsers() {
  const { data } = useQuery(ASSIGNABLE_USERS_QUERY);
  return data?.assignableUsers ?? [];
}

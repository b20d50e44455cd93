import { createContext, useContext } from 'react';
import { useQuery } from '@apollo/client/react';
import type { CurrentUserFragment } from '../../../graphql/generated/graphql';
import { ME_QUERY } from '../graphql/auth';

export type CurrentUser = CurrentUserFragment;

/** Provided by RequireAuth: inside the shell the user is always known. */
export const CurrentUserContext = createContext<CurrentUser | null>(null);

export function useCurrentUser(): CurrentUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is used outside RequireAuth');
  return user;
}

/** The session check: `me` is null when nobody is signed in. */
export function useMe() {
  const { data, loading, error, refetch } = useQuery(ME_QUERY);
  return { me: data?.me ?? null, loading: loading && !data, error, refetch };
}

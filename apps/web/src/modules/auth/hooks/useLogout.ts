import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router-dom';
import { isUnauthenticated } from '../../../app/errors';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { LOGOUT_MUTATION, ME_QUERY } from '../graphql/auth';

export function useLogout() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [mutate, { loading }] = useMutation(LOGOUT_MUTATION);
  const { error, run } = useMutationErrors();

  const logout = () =>
    run(async () => {
      try {
        await mutate();
      } catch (caught) {
        // A session that already ended is as good as a logout.
        if (!isUnauthenticated(caught)) throw caught;
      }
      await client.clearStore();
      client.writeQuery({ query: ME_QUERY, data: { me: null } });
      navigate('/login', { replace: true });
      return true;
    });

  return { logout, loading, error };
}

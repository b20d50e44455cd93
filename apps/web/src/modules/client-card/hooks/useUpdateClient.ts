import { useMutation } from '@apollo/client/react';
import type { UpdateClientInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { UPDATE_CLIENT_MUTATION } from '../graphql/client';

/**
 * Saves a client's data or labels (`updateClient`). The answer updates the cached ClientDetail;
 * it also returns other clients that share an email, tax id or domain (a warning, not a refusal).
 */
export function useUpdateClient(clientId: string) {
  const [mutate, { loading }] = useMutation(UPDATE_CLIENT_MUTATION, { refetchQueries: ['CardHistory'] });
  const { error, run, clearError } = useMutationErrors();
  const save = (input: UpdateClientInput) =>
    run(async () => (await mutate({ variables: { id: clientId, input } })).data?.updateClient);
  return { save, loading, error, clearError };
}

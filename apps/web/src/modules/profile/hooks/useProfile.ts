import { useMutation, useQuery } from '@apollo/client/react';
import type { ChangePasswordInput, UpdateProfileInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { CHANGE_PASSWORD_MUTATION, PROFILE_QUERY, REMOVE_PHOTO_MUTATION, SET_PHOTO_MUTATION, UPDATE_PROFILE_MUTATION } from '../graphql/profile';

/** The signed-in user's profile (signature and photo included). */
export function useProfile() {
  const { data, loading, error, refetch } = useQuery(PROFILE_QUERY);
  return { profile: data?.me ?? null, loading: loading && !data, error, refetch };
}

/** Saves name, language or signature; the answer updates the header through the cache. */
export function useUpdateProfile() {
  const [mutate, { loading }] = useMutation(UPDATE_PROFILE_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  const updateProfile = (input: UpdateProfileInput) => run(async () => (await mutate({ variables: { input } })).data?.updateMyProfile);
  return { updateProfile, loading, error, clearError };
}

export function usePhoto() {
  const [set, setState] = useMutation(SET_PHOTO_MUTATION);
  const [remove, removeState] = useMutation(REMOVE_PHOTO_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  const setPhoto = (image: string) => run(async () => (await set({ variables: { image } })).data?.setMyPhoto);
  const removePhoto = () => run(async () => (await remove()).data?.removeMyPhoto);
  return { setPhoto, removePhoto, loading: setState.loading || removeState.loading, error, clearError };
}

export function useChangePassword() {
  const [mutate, { loading }] = useMutation(CHANGE_PASSWORD_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  const changePassword = (input: ChangePasswordInput) => run(async () => (await mutate({ variables: { input } })).data?.changeMyPassword);
  return { changePassword, loading, error, clearError };
}

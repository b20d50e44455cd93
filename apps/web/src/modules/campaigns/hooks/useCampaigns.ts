import { useMutation } from '@apollo/client/react';
import type { AddListMembersInput, AddSuppressionInput, CampaignInput, CampaignSettingsInput, DistributionListInput, RemoveSuppressionInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import {
  ADD_MEMBERS_MUTATION,
  ADD_SUPPRESSION_MUTATION,
  REMOVE_SUPPRESSION_MUTATION,
  UPDATE_CAMPAIGN_SETTINGS_MUTATION,
  ARCHIVE_LIST_MUTATION,
  CANCEL_CAMPAIGN_MUTATION,
  CREATE_CAMPAIGN_MUTATION,
  CREATE_LIST_MUTATION,
  PAUSE_CAMPAIGN_MUTATION,
  REMOVE_MEMBERS_MUTATION,
  RESUME_CAMPAIGN_MUTATION,
  SEND_CAMPAIGN_MUTATION,
  TEST_SEND_CAMPAIGN_MUTATION,
  UPDATE_CAMPAIGN_MUTATION,
  UPDATE_LIST_MUTATION,
} from '../graphql/campaigns';

const LIST_QUERIES = ['DistributionLists', 'DistributionList', 'CampaignOptions'];
const CAMPAIGN_QUERIES = ['Campaigns', 'Campaign', 'CampaignReview'];

/** Saving a list (new or changed). */
export function useSaveList() {
  const [create, createState] = useMutation(CREATE_LIST_MUTATION, { refetchQueries: LIST_QUERIES });
  const [update, updateState] = useMutation(UPDATE_LIST_MUTATION, { refetchQueries: LIST_QUERIES });
  const { error, run, clearError } = useMutationErrors();
  return {
    save: (id: string | null, input: DistributionListInput) =>
      run(async () => (id ? (await update({ variables: { id, input } })).data?.updateDistributionList : (await create({ variables: { input } })).data?.createDistributionList)),
    loading: createState.loading || updateState.loading,
    error,
    clearError,
  };
}

export function useArchiveList() {
  const [archive, state] = useMutation(ARCHIVE_LIST_MUTATION, { refetchQueries: LIST_QUERIES });
  const { error, run } = useMutationErrors();
  return { archive: (id: string) => run(async () => (await archive({ variables: { id } })).data?.archiveDistributionList), loading: state.loading, error };
}

/** Adding clients to a static list (picked, or all matching) and removing them. */
export function useListMembers() {
  const [add, addState] = useMutation(ADD_MEMBERS_MUTATION, { refetchQueries: LIST_QUERIES });
  const [remove, removeState] = useMutation(REMOVE_MEMBERS_MUTATION, { refetchQueries: LIST_QUERIES });
  const { error, run, clearError } = useMutationErrors();
  return {
    add: (input: AddListMembersInput) => run(async () => (await add({ variables: { input } })).data?.addListMembers),
    remove: (listId: string, clientIds: string[]) => run(async () => (await remove({ variables: { listId, clientIds } })).data?.removeListMembers),
    loading: addState.loading || removeState.loading,
    error,
    clearError,
  };
}

/** Saving a campaign: a new one, or a draft's changes (`id`). */
export function useSaveCampaign() {
  const [create, createState] = useMutation(CREATE_CAMPAIGN_MUTATION, { refetchQueries: CAMPAIGN_QUERIES });
  const [update, updateState] = useMutation(UPDATE_CAMPAIGN_MUTATION, { refetchQueries: CAMPAIGN_QUERIES });
  const { error, run, clearError } = useMutationErrors();
  return {
    save: (id: string | null, input: CampaignInput) =>
      run(async () => (id ? (await update({ variables: { id, input } })).data?.updateCampaign : (await create({ variables: { input } })).data?.createCampaign)),
    loading: createState.loading || updateState.loading,
    error,
    clearError,
  };
}

/** Send, test send, pause, resume, cancel: one error for the campaign page. */
export function useCampaignActions() {
  const [send, sendState] = useMutation(SEND_CAMPAIGN_MUTATION, { refetchQueries: CAMPAIGN_QUERIES });
  const [testSend, testState] = useMutation(TEST_SEND_CAMPAIGN_MUTATION);
  const [pause, pauseState] = useMutation(PAUSE_CAMPAIGN_MUTATION, { refetchQueries: CAMPAIGN_QUERIES });
  const [resume, resumeState] = useMutation(RESUME_CAMPAIGN_MUTATION, { refetchQueries: CAMPAIGN_QUERIES });
  const [cancel, cancelState] = useMutation(CANCEL_CAMPAIGN_MUTATION, { refetchQueries: CAMPAIGN_QUERIES });
  const { error, run, clearError } = useMutationErrors();
  return {
    send: (id: string, confirmMissing: boolean) => run(async () => (await send({ variables: { id, confirmMissing } })).data?.sendCampaign),
    testSend: (id: string) => run(async () => (await testSend({ variables: { id } })).data?.testSendCampaign),
    pause: (id: string) => run(async () => (await pause({ variables: { id } })).data?.pauseCampaign),
    resume: (id: string) => run(async () => (await resume({ variables: { id } })).data?.resumeCampaign),
    cancel: (id: string) => run(async () => (await cancel({ variables: { id } })).data?.cancelCampaign),
    loading: sendState.loading || testState.loading || pauseState.loading || resumeState.loading || cancelState.loading,
    error,
    clearError,
  };
}

/** Adding an address to the suppression list by hand, and taking one off. */
export function useSuppressions() {
  const [add, addState] = useMutation(ADD_SUPPRESSION_MUTATION, { refetchQueries: ['Suppressions'] });
  const [remove, removeState] = useMutation(REMOVE_SUPPRESSION_MUTATION, { refetchQueries: ['Suppressions'] });
  const adding = useMutationErrors();
  const removing = useMutationErrors();
  return {
    add: (input: AddSuppressionInput) => adding.run(async () => (await add({ variables: { input } })).data?.addSuppression),
    remove: (input: RemoveSuppressionInput) => removing.run(async () => (await remove({ variables: { input } })).data?.removeSuppression),
    adding: { loading: addState.loading, error: adding.error, clearError: adding.clearError },
    removing: { loading: removeState.loading, error: removing.error, clearError: removing.clearError },
  };
}

/** Saving the campaign throttle and tracking switch (admins). */
export function useUpdateCampaignSettings() {
  const [mutate, { loading }] = useMutation(UPDATE_CAMPAIGN_SETTINGS_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  return { update: (input: CampaignSettingsInput) => run(async () => (await mutate({ variables: { input } })).data?.updateCampaignSettings), loading, error, clearError };
}

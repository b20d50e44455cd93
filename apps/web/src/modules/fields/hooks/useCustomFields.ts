import { useMutation, useQuery } from '@apollo/client/react';
import type { CustomFieldInput, CustomFieldSettingsFragment } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import {
  CREATE_CUSTOM_FIELD_MUTATION,
  CUSTOM_FIELDS_SETTINGS_QUERY,
  REORDER_CUSTOM_FIELDS_MUTATION,
  SET_CUSTOM_FIELD_ARCHIVED_MUTATION,
  UPDATE_CUSTOM_FIELD_MUTATION,
} from '../graphql/fields';

const byPosition = (a: CustomFieldSettingsFragment, b: CustomFieldSettingsFragment) => a.position - b.position;

/**
 * A pipeline's custom fields for the settings page: the active ones in order (positions come back
 * from `reorderCustomFields`, so the order follows the cache) and, when asked, the archived ones.
 */
export function useCustomFields(pipelineId: string | undefined, includeArchived: boolean) {
  const { data, previousData, loading, error, refetch } = useQuery(CUSTOM_FIELDS_SETTINGS_QUERY, {
    variables: { pipelineId: pipelineId ?? '', includeArchived },
    skip: !pipelineId,
  });
  // Switching "Show archived" keeps the list on screen while the other variant loads.
  const fields = (data ?? previousData)?.customFields ?? [];
  return {
    active: fields.filter((field) => !field.archivedAt).sort(byPosition),
    archived: fields.filter((field) => field.archivedAt).sort((a, b) => a.label.localeCompare(b.label)),
    loading: loading && !data && !previousData,
    error,
    refetch,
  };
}

const refetchFields = ['CustomFieldsSettings'];

/** Admin changes to custom fields; each reports its error (with `extensions.fields`) in one place. */
export function useCustomFieldMutations() {
  const { error, run, clearError } = useMutationErrors();
  const [createField, a] = useMutation(CREATE_CUSTOM_FIELD_MUTATION, { refetchQueries: refetchFields });
  const [updateField, b] = useMutation(UPDATE_CUSTOM_FIELD_MUTATION);
  const [reorderFields, c] = useMutation(REORDER_CUSTOM_FIELDS_MUTATION);
  const [setArchived, d] = useMutation(SET_CUSTOM_FIELD_ARCHIVED_MUTATION, { refetchQueries: refetchFields });
  const loading = [a, b, c, d].some((state) => state.loading);

  return {
    loading,
    error,
    clearError,
    createField: (pipelineId: string, input: CustomFieldInput) =>
      run(async () => (await createField({ variables: { pipelineId, input } })).data?.createCustomField),
    updateField: (id: string, input: CustomFieldInput) =>
      run(async () => (await updateField({ variables: { id, input } })).data?.updateCustomField),
    reorderFields: (pipelineId: string, fieldIds: string[]) =>
      run(async () => (await reorderFields({ variables: { pipelineId, fieldIds } })).data?.reorderCustomFields),
    setArchived: (id: string, archived: boolean) =>
      run(async () => (await setArchived({ variables: { id, archived } })).data?.setCustomFieldArchived),
  };
}

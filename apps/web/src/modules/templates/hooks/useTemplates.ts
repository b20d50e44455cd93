import { useMutation, useQuery } from '@apollo/client/react';
import type { EmailTemplateInput, TodoTemplateInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import {
  ARCHIVE_EMAIL_TEMPLATE_MUTATION,
  ARCHIVE_TODO_TEMPLATE_MUTATION,
  CREATE_EMAIL_TEMPLATE_MUTATION,
  EMAIL_TEMPLATES_QUERY,
  SAVE_TODO_TEMPLATE_MUTATION,
  TEMPLATE_CUSTOM_FIELDS_QUERY,
  TODO_TEMPLATES_QUERY,
  UPDATE_EMAIL_TEMPLATE_MUTATION,
} from '../graphql/templates';

/** A pipeline's active email templates, ordered by category and name by the API. */
export function useEmailTemplates(pipelineId: string | undefined) {
  const { data, loading, error, refetch } = useQuery(EMAIL_TEMPLATES_QUERY, {
    variables: { pipelineId: pipelineId ?? '' },
    skip: !pipelineId,
  });
  return { templates: data?.emailTemplates ?? [], loading: loading && !data, error, refetch };
}

export function useTemplateCustomFields(pipelineId: string | undefined) {
  const { data } = useQuery(TEMPLATE_CUSTOM_FIELDS_QUERY, { variables: { pipelineId: pipelineId ?? '' }, skip: !pipelineId });
  return data?.customFields ?? [];
}

export function useTodoTemplates(pipelineId: string | undefined) {
  const { data, loading, error, refetch } = useQuery(TODO_TEMPLATES_QUERY, { variables: { pipelineId: pipelineId ?? null }, skip: !pipelineId });
  return { templates: data?.todoTemplates ?? [], loading: loading && !data, error, refetch };
}

const refetchEmail = ['EmailTemplates'];
const refetchTodo = ['TodoTemplates'];

/** Create, update and archive email templates; API problems land per field (subject, body). */
export function useEmailTemplateMutations() {
  const [create, createState] = useMutation(CREATE_EMAIL_TEMPLATE_MUTATION, { refetchQueries: refetchEmail });
  const [update, updateState] = useMutation(UPDATE_EMAIL_TEMPLATE_MUTATION, { refetchQueries: refetchEmail });
  const [archive, archiveState] = useMutation(ARCHIVE_EMAIL_TEMPLATE_MUTATION, { refetchQueries: refetchEmail });
  const { error, run, clearError } = useMutationErrors();
  return {
    save: (id: string | null, input: EmailTemplateInput) =>
      run(async () =>
        id
          ? (await update({ variables: { id, input } })).data?.updateEmailTemplate
          : (await create({ variables: { input } })).data?.createEmailTemplate,
      ),
    archive: (id: string) => run(async () => (await archive({ variables: { id } })).data?.archiveEmailTemplate),
    loading: createState.loading || updateState.loading || archiveState.loading,
    error,
    clearError,
  };
}

export function useTodoTemplateMutations() {
  const [save, saveState] = useMutation(SAVE_TODO_TEMPLATE_MUTATION, { refetchQueries: refetchTodo });
  const [archive, archiveState] = useMutation(ARCHIVE_TODO_TEMPLATE_MUTATION, { refetchQueries: refetchTodo });
  const { error, run, clearError } = useMutationErrors();
  return {
    save: (id: string | null, input: TodoTemplateInput) =>
      run(async () => (await save({ variables: { id, input } })).data?.saveTodoTemplate),
    archive: (id: string) => run(async () => (await archive({ variables: { id } })).data?.archiveTodoTemplate),
    loading: saveState.loading || archiveState.loading,
    error,
    clearError,
  };
}

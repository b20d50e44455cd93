import { useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client';
import type { AutomationFieldsFragment, AutomationInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import {
  ACTIVATE_AUTOMATION_MUTATION,
  AUTOMATION_EDITOR_OPTIONS_QUERY,
  AUTOMATION_QUERY,
  AUTOMATION_RUNS_QUERY,
  AUTOMATIONS_QUERY,
  CREATE_AUTOMATION_MUTATION,
  DELETE_AUTOMATION_MUTATION,
  PAUSE_AUTOMATION_MUTATION,
  RESUME_AUTOMATION_MUTATION,
  STOP_AUTOMATION_MUTATION,
  SEND_TEMPLATE_TO_VIEW_MUTATION,
  UPDATE_AUTOMATION_MUTATION,
} from '../graphql/automations';

export function useAutomations(pipelineId: string) {
  const { data, loading, error, refetch } = useQuery(AUTOMATIONS_QUERY, {
    variables: { pipelineId },
    skip: !pipelineId,
    fetchPolicy: 'cache-and-network',
  });
  return { automations: data?.automations ?? [], loading: loading && !data, error, refetch };
}

export function useAutomation(id: string) {
  const { data, loading, error, refetch } = useQuery(AUTOMATION_QUERY, { variables: { id }, skip: !id });
  return { automation: data?.automation ?? null, loading: loading && !data, error, refetch };
}

export function useAutomationRuns(automationId: string, status: string | null) {
  const { data, loading, error, refetch } = useQuery(AUTOMATION_RUNS_QUERY, {
    variables: { automationId, status, limit: 200 },
    fetchPolicy: 'cache-and-network',
  });
  return { runs: data?.automationRuns ?? [], loading: loading && !data, error, refetch };
}

/**
 * The pipeline's views, templates and users the editor offers: what is cached at once, then read
 * again, so a template made meanwhile (in Settings, another tab, by a colleague) is offered too.
 */
export function useEditorOptions(pipelineId: string) {
  const { data, loading, error, refetch } = useQuery(AUTOMATION_EDITOR_OPTIONS_QUERY, {
    variables: { pipelineId },
    skip: !pipelineId,
    fetchPolicy: 'cache-and-network',
  });
  return {
    views: data?.views ?? [],
    emailTemplates: data?.emailTemplates ?? [],
    todoTemplates: data?.todoTemplates ?? [],
    users: data?.assignableUsers ?? [],
    loading: loading && !data,
    error,
    refetch,
  };
}

export type AutomationProblemList = AutomationFieldsFragment['problems'];

/** The problems the API listed when it refused to activate (`extensions.reason = AUTOMATION_PROBLEMS`). */
export function activationProblems(error: unknown): AutomationProblemList | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const extensions = error.errors[0]?.extensions;
  if (extensions?.reason !== 'AUTOMATION_PROBLEMS' || !Array.isArray(extensions.problems)) return null;
  return (extensions.problems as AutomationProblemList).map((p) => ({ step: p.step ?? null, field: String(p.field), code: String(p.code) }));
}

const refetchList = ['Automations'];

export function useCreateAutomation() {
  const [create, state] = useMutation(CREATE_AUTOMATION_MUTATION, { refetchQueries: refetchList });
  const { error, run, clearError } = useMutationErrors();
  return {
    create: (input: AutomationInput) => run(async () => (await create({ variables: { input } })).data?.createAutomation),
    loading: state.loading,
    error,
    clearError,
  };
}

/**
 * Save, activate, pause, resume, stop and delete from the editor. The Apollo cache updates itself (every
 * mutation returns the whole automation); a refused activation also hands back the API's problem list.
 */
export function useAutomationMutations() {
  const [update, updateState] = useMutation(UPDATE_AUTOMATION_MUTATION);
  const [activate, activateState] = useMutation(ACTIVATE_AUTOMATION_MUTATION, { refetchQueries: ['AutomationRuns'] });
  const [pause, pauseState] = useMutation(PAUSE_AUTOMATION_MUTATION);
  const [resume, resumeState] = useMutation(RESUME_AUTOMATION_MUTATION, { refetchQueries: ['AutomationRuns'] });
  const [stop, stopState] = useMutation(STOP_AUTOMATION_MUTATION, { refetchQueries: ['AutomationRuns'] });
  const [remove, removeState] = useMutation(DELETE_AUTOMATION_MUTATION, { refetchQueries: refetchList });
  const { error, run, clearError } = useMutationErrors();
  return {
    save: (id: string, input: AutomationInput) => run(async () => (await update({ variables: { id, input } })).data?.updateAutomation),
    /** Resolves to the automation, or to the problems that blocked it, or undefined on another error. */
    activate: async (id: string): Promise<{ automation?: AutomationFieldsFragment; problems?: AutomationProblemList }> => {
      let problems: AutomationProblemList | null = null;
      const automation = await run(async () => {
        try {
          return (await activate({ variables: { id } })).data?.activateAutomation;
        } catch (caught) {
          problems = activationProblems(caught);
          throw caught;
        }
      });
      return { automation, problems: problems ?? undefined };
    },
    pause: (id: string) => run(async () => (await pause({ variables: { id } })).data?.pauseAutomation),
    resume: (id: string) => run(async () => (await resume({ variables: { id } })).data?.resumeAutomation),
    stop: (id: string) => run(async () => (await stop({ variables: { id } })).data?.stopAutomation),
    remove: (id: string) => run(async () => (await remove({ variables: { id } })).data?.deleteAutomation),
    busy: updateState.loading || activateState.loading || pauseState.loading || resumeState.loading || stopState.loading || removeState.loading,
    error,
    clearError,
  };
}

export function useSendTemplateToView() {
  const [send, state] = useMutation(SEND_TEMPLATE_TO_VIEW_MUTATION, { refetchQueries: refetchList });
  const { error, run, clearError } = useMutationErrors();
  return {
    send: (viewId: string, emailTemplateId: string, name: string | null) =>
      run(async () => (await send({ variables: { viewId, emailTemplateId, name } })).data?.sendTemplateToView),
    loading: state.loading,
    error,
    clearError,
  };
}

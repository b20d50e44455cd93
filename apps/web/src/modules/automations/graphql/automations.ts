import { graphql } from '../../../graphql/generated';

export const AUTOMATION_STEP_FIELDS_FRAGMENT = graphql(`
  fragment AutomationStepFields on AutomationStep {
    id
    kind
    delayDays
    weekday
    hour
    emailTemplateId
    todoTemplateId
    recipient
    recipientUserId
    sender
    senderUserId
  }
`);

export const AUTOMATION_FIELDS_FRAGMENT = graphql(`
  fragment AutomationFields on Automation {
    id
    pipelineId
    name
    state
    triggerKind
    triggerStatusId
    triggerViewId
    mode
    onlyNew
    reEnrol
    stopOnReply
    activatedAt
    updatedAt
    stats {
      enrolled
      stepsDone
      stepsPending
      failures
      skipped
    }
    createdById
    pausedReason
    problems {
      step
      field
      code
    }
    steps {
      ...AutomationStepFields
    }
  }
`);

export const AUTOMATIONS_QUERY = graphql(`
  query Automations($pipelineId: ID!) {
    automations(pipelineId: $pipelineId) {
      ...AutomationFields
    }
  }
`);

export const AUTOMATION_QUERY = graphql(`
  query Automation($id: ID!) {
    automation(id: $id) {
      ...AutomationFields
    }
  }
`);

export const AUTOMATION_RUNS_QUERY = graphql(`
  query AutomationRuns($automationId: ID!, $status: String, $limit: Int! = 200) {
    automationRuns(automationId: $automationId, status: $status, limit: $limit) {
      id
      cardId
      clientName
      step
      stepKind
      dueAt
      status
      finishedAt
      result
      error
    }
  }
`);

/** What the editor offers: the pipeline's views, templates and the users to address. */
export const AUTOMATION_EDITOR_OPTIONS_QUERY = graphql(`
  query AutomationEditorOptions($pipelineId: ID!) {
    views(kind: CARDS, pipelineId: $pipelineId) {
      id
      name
    }
    emailTemplates(pipelineId: $pipelineId) {
      id
      name
      category
    }
    todoTemplates(pipelineId: $pipelineId) {
      id
      title
    }
    assignableUsers {
      id
      name
    }
  }
`);

/** A card of the pipeline to render an email template's preview with. */
export const AUTOMATION_PREVIEW_CARD_QUERY = graphql(`
  query AutomationPreviewCard($pipelineId: ID!) {
    cards(pipelineId: $pipelineId, filter: {}, page: { limit: 1, offset: 0 }) {
      items {
        id
        client {
          id
          name
        }
      }
    }
  }
`);

export const CREATE_AUTOMATION_MUTATION = graphql(`
  mutation CreateAutomation($input: AutomationInput!) {
    createAutomation(input: $input) {
      ...AutomationFields
    }
  }
`);

export const UPDATE_AUTOMATION_MUTATION = graphql(`
  mutation UpdateAutomation($id: ID!, $input: AutomationInput!) {
    updateAutomation(id: $id, input: $input) {
      ...AutomationFields
    }
  }
`);

export const ACTIVATE_AUTOMATION_MUTATION = graphql(`
  mutation ActivateAutomation($id: ID!) {
    activateAutomation(id: $id) {
      ...AutomationFields
    }
  }
`);

export const PAUSE_AUTOMATION_MUTATION = graphql(`
  mutation PauseAutomation($id: ID!) {
    pauseAutomation(id: $id) {
      ...AutomationFields
    }
  }
`);

export const RESUME_AUTOMATION_MUTATION = graphql(`
  mutation ResumeAutomation($id: ID!) {
    resumeAutomation(id: $id) {
      ...AutomationFields
    }
  }
`);

export const STOP_AUTOMATION_MUTATION = graphql(`
  mutation StopAutomation($id: ID!) {
    stopAutomation(id: $id) {
      ...AutomationFields
    }
  }
`);

export const DELETE_AUTOMATION_MUTATION = graphql(`
  mutation DeleteAutomation($id: ID!) {
    deleteAutomation(id: $id)
  }
`);

export const SEND_TEMPLATE_TO_VIEW_MUTATION = graphql(`
  mutation SendTemplateToView($viewId: ID!, $emailTemplateId: ID!, $name: String) {
    sendTemplateToView(viewId: $viewId, emailTemplateId: $emailTemplateId, name: $name) {
      ...AutomationFields
    }
  }
`);

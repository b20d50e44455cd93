import { graphql } from '../../../graphql/generated';

export const EMAIL_TEMPLATE_FIELDS_FRAGMENT = graphql(`
  fragment EmailTemplateFields on EmailTemplate {
    id
    pipelineId
    name
    category
    subject
    body
    archivedAt
    updatedAt
  }
`);

export const EMAIL_TEMPLATES_QUERY = graphql(`
  query EmailTemplates($pipelineId: ID!) {
    emailTemplates(pipelineId: $pipelineId) {
      ...EmailTemplateFields
    }
  }
`);

export const CREATE_EMAIL_TEMPLATE_MUTATION = graphql(`
  mutation CreateEmailTemplate($input: EmailTemplateInput!) {
    createEmailTemplate(input: $input) {
      ...EmailTemplateFields
    }
  }
`);

export const UPDATE_EMAIL_TEMPLATE_MUTATION = graphql(`
  mutation UpdateEmailTemplate($id: ID!, $input: EmailTemplateInput!) {
    updateEmailTemplate(id: $id, input: $input) {
      ...EmailTemplateFields
    }
  }
`);

export const ARCHIVE_EMAIL_TEMPLATE_MUTATION = graphql(`
  mutation ArchiveEmailTemplate($id: ID!) {
    archiveEmailTemplate(id: $id)
  }
`);

export const TODO_TEMPLATE_FIELDS_FRAGMENT = graphql(`
  fragment TodoTemplateFields on TodoTemplate {
    id
    pipelineId
    title
    text
    deadlineOffsetDays
    deadlineTime
  }
`);

export const TODO_TEMPLATES_QUERY = graphql(`
  query TodoTemplates($pipelineId: ID) {
    todoTemplates(pipelineId: $pipelineId) {
      ...TodoTemplateFields
    }
  }
`);

export const SAVE_TODO_TEMPLATE_MUTATION = graphql(`
  mutation SaveTodoTemplate($id: ID, $input: TodoTemplateInput!) {
    saveTodoTemplate(id: $id, input: $input) {
      ...TodoTemplateFields
    }
  }
`);

export const ARCHIVE_TODO_TEMPLATE_MUTATION = graphql(`
  mutation ArchiveTodoTemplate($id: ID!) {
    archiveTodoTemplate(id: $id)
  }
`);

/** The pipeline's custom fields, offered in the variable picker as {{card.fields.<key>}}. */
export const TEMPLATE_CUSTOM_FIELDS_QUERY = graphql(`
  query TemplateCustomFields($pipelineId: ID!) {
    customFields(pipelineId: $pipelineId) {
      id
      label
      kind
    }
  }
`);

/** Cards of the pipeline to preview a template with, found by client name, email or phone. */
export const TEMPLATE_PREVIEW_CARDS_QUERY = graphql(`
  query TemplatePreviewCards($pipelineId: ID!, $text: String) {
    cards(pipelineId: $pipelineId, filter: { text: $text }, page: { limit: 8, offset: 0 }) {
      items {
        id
        client {
          id
          name
        }
      }
      total
    }
  }
`);

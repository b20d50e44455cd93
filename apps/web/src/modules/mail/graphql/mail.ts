import { graphql } from '../../../graphql/generated';

/** A subject and body (or a template) rendered for a card and one recipient. */
export const MAIL_PREVIEW_QUERY = graphql(`
  query MailPreview($input: MailDraftInput!) {
    mailPreview(input: $input) {
      subject
      html
      text
      missing
    }
  }
`);

export const SEND_MAIL_MUTATION = graphql(`
  mutation SendMail($input: SendMailInput!) {
    sendMail(input: $input) {
      queued
      mailIds
    }
  }
`);

export const MAIL_QUERY = graphql(`
  query Mail($id: ID!) {
    mail(id: $id) {
      id
      to
      subject
      html
      text
      status
      lastError
      sentAt
      createdAt
    }
  }
`);

/** What the send dialog needs: the card's pipeline (for its templates) and the client's contacts. */
export const SEND_MAIL_CONTEXT_QUERY = graphql(`
  query SendMailContext($cardId: ID!, $clientId: ID!) {
    card(id: $cardId) {
      id
      pipelineId
    }
    contacts(clientId: $clientId) {
      id
      name
      title
      emails
      isPrimary
    }
  }
`);

/** An incoming mail, as History opens it (plain text only). */
export const INBOUND_MAIL_FIELDS = graphql(`
  fragment InboundMailFields on InboundMail {
    id
    fromAddress
    fromName
    toAddresses
    subject
    text
    html
    kind
    clientId
    sentAt
    receivedAt
    detectedCharset
    documentIds
    candidateClientIds
    attachments {
      name
      mimeType
      size
      inline
    }
  }
`);

export const INBOUND_MAIL_QUERY = graphql(`
  query InboundMail($id: ID!) {
    inboundMail(id: $id) {
      ...InboundMailFields
      inlineImages {
        contentId
        dataUrl
      }
      calendarEvents {
        summary
        start
        end
        location
        organizer
        method
      }
    }
  }
`);

export const RESEND_MAIL_MUTATION = graphql(`
  mutation ResendMail($id: ID!) {
    resendMail(id: $id) {
      id
      status
      lastError
    }
  }
`);

export const INBOUND_MAIL_TEXT_QUERY = graphql(`
  query InboundMailText($id: ID!, $charset: String!) {
    inboundMailText(id: $id, charset: $charset) {
      text
      html
    }
  }
`);

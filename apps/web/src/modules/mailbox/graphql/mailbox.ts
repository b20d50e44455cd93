import { graphql } from '../../../graphql/generated';

export const MAIL_ACCOUNT_FIELDS = graphql(`
  fragment MailAccountFields on MailAccountType {
    id
    name
    host
    port
    security
    username
    folders
    sinceDays
    enabled
    messagesSynced
    lastSyncAt
    lastErrorCode
    lastErrorAt
    syncJob {
      ...BackgroundJobFields
    }
  }
`);

export const MAILBOX_SETTINGS_QUERY = graphql(`
  query MailboxSettings {
    mailboxSettings {
      keyConfigured
      account {
        ...MailAccountFields
      }
    }
  }
`);

export const SAVE_MAIL_ACCOUNT_MUTATION = graphql(`
  mutation SaveMailAccount($input: MailAccountInput!) {
    saveMailAccount(input: $input) {
      ...MailAccountFields
    }
  }
`);

export const TEST_MAIL_ACCOUNT_MUTATION = graphql(`
  mutation TestMailAccount($input: MailAccountInput!) {
    testMailAccount(input: $input) {
      ok
      code
    }
  }
`);

export const SYNC_MAIL_ACCOUNT_MUTATION = graphql(`
  mutation SyncMailAccount {
    syncMailAccount {
      ...MailAccountFields
    }
  }
`);

export const DELETE_MAIL_ACCOUNT_MUTATION = graphql(`
  mutation DeleteMailAccount {
    deleteMailAccount
  }
`);

export const SHARED_MAILBOXES_QUERY = graphql(`
  query SharedMailboxes {
    sharedMailboxes {
      ...MailAccountFields
    }
  }
`);

export const SAVE_SHARED_MAILBOX_MUTATION = graphql(`
  mutation SaveSharedMailbox($id: ID, $input: SharedMailboxInput!) {
    saveSharedMailbox(id: $id, input: $input) {
      ...MailAccountFields
    }
  }
`);

export const TEST_SHARED_MAILBOX_MUTATION = graphql(`
  mutation TestSharedMailbox($id: ID, $input: MailAccountInput!) {
    testSharedMailbox(id: $id, input: $input) {
      ok
      code
    }
  }
`);

export const SYNC_SHARED_MAILBOX_MUTATION = graphql(`
  mutation SyncSharedMailbox($id: ID!) {
    syncSharedMailbox(id: $id) {
      ...MailAccountFields
    }
  }
`);

export const DELETE_SHARED_MAILBOX_MUTATION = graphql(`
  mutation DeleteSharedMailbox($id: ID!) {
    deleteSharedMailbox(id: $id)
  }
`);

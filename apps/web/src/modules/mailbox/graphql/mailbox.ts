import { graphql } from '../../../graphql/generated';

export const MAIL_ACCOUNT_FIELDS = graphql(`
  fragment MailAccountFields on MailAccountType {
    id
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

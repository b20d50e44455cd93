import { graphql } from '../../../graphql/generated';

export const AUDIT_LOG_QUERY = graphql(`
  query AuditLog($filter: AuditFilterInput, $before: ID, $limit: Int! = 50) {
    auditLog(filter: $filter, before: $before, limit: $limit) {
      ...HistoryEntryFields
    }
  }
`);

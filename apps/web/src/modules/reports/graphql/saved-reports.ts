import { graphql } from '../../../graphql/generated';

export const SAVED_REPORT_FRAGMENT = graphql(`
  fragment SavedReportFields on SavedReport {
    id
    name
    ownerId
    shared
    editable
    subscribed
    compare
    widgets
    filter {
      pipelineId
      period
      from
      to
      ownerIds
      departmentIds
      categoryIds
      tagIds
    }
  }
`);

export const SAVED_REPORTS_QUERY = graphql(`
  query SavedReports {
    savedReports {
      ...SavedReportFields
    }
  }
`);

export const CREATE_SAVED_REPORT_MUTATION = graphql(`
  mutation CreateSavedReport($input: SavedReportInput!) {
    createSavedReport(input: $input) {
      ...SavedReportFields
    }
  }
`);

export const RENAME_SAVED_REPORT_MUTATION = graphql(`
  mutation RenameSavedReport($id: ID!, $input: RenameSavedReportInput!) {
    renameSavedReport(id: $id, input: $input) {
      ...SavedReportFields
    }
  }
`);

export const DELETE_SAVED_REPORT_MUTATION = graphql(`
  mutation DeleteSavedReport($id: ID!) {
    deleteSavedReport(id: $id)
  }
`);

export const SUBSCRIBE_SAVED_REPORT_MUTATION = graphql(`
  mutation SubscribeSavedReport($id: ID!, $subscribed: Boolean!) {
    subscribeSavedReport(id: $id, subscribed: $subscribed) {
      ...SavedReportFields
    }
  }
`);

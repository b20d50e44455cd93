import { graphql } from '../../../graphql/generated';

export const START_EXPORT_MUTATION = graphql(`
  mutation StartExport($input: ExportInput!) {
    startExport(input: $input) {
      ...BackgroundJobFields
    }
  }
`);

export const PAST_EXPORTS_QUERY = graphql(`
  query PastExports {
    pastExports(limit: 5) {
      id
      state
      format
      fileName
      rows
      createdAt
    }
  }
`);

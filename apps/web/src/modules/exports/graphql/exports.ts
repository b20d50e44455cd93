import { graphql } from '../../../graphql/generated';

export const START_EXPORT_MUTATION = graphql(`
  mutation StartExport($input: ExportInput!) {
    startExport(input: $input) {
      ...BackgroundJobFields
    }
  }
`);

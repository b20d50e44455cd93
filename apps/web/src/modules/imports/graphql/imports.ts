import { graphql } from '../../../graphql/generated';

export const BACKGROUND_JOB_FIELDS = graphql(`
  fragment BackgroundJobFields on BackgroundJobType {
    id
    kind
    state
    rowsDone
    rowsTotal
    rowsPerSecond
    secondsLeft
    errorCode
    errorParams
    finishedAt
  }
`);

export const IMPORT_RUN_FIELDS = graphql(`
  fragment ImportRunFields on ImportRunType {
    id
    fileName
    createdAt
    undoneAt
    undoUntil
    rejectsPath
    counts {
      created
      updated
      skipped
      rejected
    }
    job {
      ...BackgroundJobFields
    }
    undoJob {
      ...BackgroundJobFields
    }
  }
`);

export const BACKGROUND_JOB_QUERY = graphql(`
  query BackgroundJob($id: ID!) {
    backgroundJob(id: $id) {
      ...BackgroundJobFields
    }
  }
`);

export const CANCEL_BACKGROUND_JOB_MUTATION = graphql(`
  mutation CancelBackgroundJob($id: ID!) {
    cancelBackgroundJob(id: $id) {
      ...BackgroundJobFields
    }
  }
`);

export const IMPORT_PREVIEW_QUERY = graphql(`
  query ImportPreview($input: ImportInput!) {
    importPreview(input: $input) {
      settings {
        format
        encoding
        delimiter
        headerRow
        sheet
        skipBrokenRows
      }
      sheets
      headers
      mapping
      targets
      sample
      counts {
        created
        updated
        skipped
        rejected
      }
      rowsChecked
      more
      rows {
        rowNo
        outcome
        reason
        reasonParams
        draft
        problems {
          column
          code
          params
        }
      }
    }
  }
`);

export const START_IMPORT_MUTATION = graphql(`
  mutation StartImport($input: ImportInput!) {
    startImport(input: $input) {
      ...ImportRunFields
    }
  }
`);

export const IMPORT_RUN_QUERY = graphql(`
  query ImportRun($id: ID!) {
    importRun(id: $id) {
      ...ImportRunFields
    }
  }
`);

export const IMPORT_RUNS_QUERY = graphql(`
  query ImportRuns {
    importRuns(limit: 10) {
      ...ImportRunFields
    }
  }
`);

export const UNDO_IMPORT_MUTATION = graphql(`
  mutation UndoImport($id: ID!) {
    undoImport(id: $id) {
      ...ImportRunFields
    }
  }
`);

export const SAVE_IMPORT_MAPPING_MUTATION = graphql(`
  mutation SaveImportMapping($name: String!, $headers: [String!]!, $mapping: [String]!) {
    saveImportMapping(name: $name, headers: $headers, mapping: $mapping) {
      id
      name
    }
  }
`);

export const IMPORT_TARGET_OPTIONS_QUERY = graphql(`
  query ImportTargetOptions {
    importMaxMegabytes
    pipelines {
      id
      name
      statuses {
        id
        name
      }
    }
    departments: labels(kind: DEPARTMENT) {
      id
      name
    }
    categories: labels(kind: CATEGORY) {
      id
      name
    }
  }
`);

export const IMPORT_CUSTOM_FIELDS_QUERY = graphql(`
  query ImportCustomFields($pipelineId: ID!) {
    customFields(pipelineId: $pipelineId) {
      id
      label
    }
  }
`);

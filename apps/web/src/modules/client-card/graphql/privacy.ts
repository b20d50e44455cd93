import { graphql } from '../../../graphql/generated';

/** Erases a client (with its contacts) everywhere; the typed name confirms it (NAME_MISMATCH otherwise). */
export const ERASE_PERSONAL_DATA_MUTATION = graphql(`
  mutation ErasePersonalData($kind: PersonalDataKind!, $id: ID!, $confirmName: String!) {
    erasePersonalData(kind: $kind, id: $id, confirmName: $confirmName)
  }
`);

/** The archive of everything held about a client: a plain download (the session cookie authorises it). */
export const personalDataExportUrl = (kind: 'CLIENT' | 'CONTACT', id: string) => `/privacy/export?kind=${kind}&id=${encodeURIComponent(id)}`;

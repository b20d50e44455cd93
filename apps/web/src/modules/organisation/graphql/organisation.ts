import { graphql } from '../../../graphql/generated';

export const ORGANISATION_FRAGMENT = graphql(`
  fragment OrganisationSettings on Organisation {
    timeZone
    language
    defaultCountry
    defaultTimeZone
    companyLookupCountries
    baseCurrency
  }
`);

export const ORGANISATION_QUERY = graphql(`
  query Organisation {
    organisation {
      ...OrganisationSettings
    }
  }
`);

export const UPDATE_ORGANISATION_MUTATION = graphql(`
  mutation UpdateOrganisationSettings($input: OrganisationSettingsInput!) {
    updateOrganisationSettings(input: $input) {
      ...OrganisationSettings
    }
  }
`);

import { graphql } from '../../../graphql/generated';

export const LOOKUP_COMPANY_QUERY = graphql(`
  query LookupCompany($taxId: String!, $country: String) {
    lookupCompany(taxId: $taxId, country: $country) {
      code
      taxIdError
      country
      taxId
      name
      address
      vatStatus
      regon
      sources
    }
  }
`);

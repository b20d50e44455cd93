// Apart from the organisation's settings: the first screen loads those, the settings page these.
import { graphql } from '../../../graphql/generated';

export const EXCHANGE_RATE_FRAGMENT = graphql(`
  fragment ExchangeRateFields on ExchangeRate {
    id
    currency
    baseCurrency
    validFrom
    rate
    updatedAt
  }
`);

/** The rates into the current base currency (Admins). */
export const EXCHANGE_RATES_QUERY = graphql(`
  query ExchangeRates {
    exchangeRates {
      ...ExchangeRateFields
    }
  }
`);

export const SET_BASE_CURRENCY_MUTATION = graphql(`
  mutation SetBaseCurrency($currency: String) {
    setBaseCurrency(currency: $currency) {
      ...OrganisationSettings
    }
  }
`);

export const CREATE_EXCHANGE_RATE_MUTATION = graphql(`
  mutation CreateExchangeRate($input: ExchangeRateInput!) {
    createExchangeRate(input: $input) {
      ...ExchangeRateFields
    }
  }
`);

export const UPDATE_EXCHANGE_RATE_MUTATION = graphql(`
  mutation UpdateExchangeRate($id: ID!, $input: ExchangeRateInput!) {
    updateExchangeRate(id: $id, input: $input) {
      ...ExchangeRateFields
    }
  }
`);

export const DELETE_EXCHANGE_RATE_MUTATION = graphql(`
  mutation DeleteExchangeRate($id: ID!) {
    deleteExchangeRate(id: $id)
  }
`);

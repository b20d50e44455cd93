import { graphql } from '../../../graphql/generated';

export const UPDATE_CARD_LABELS_MUTATION = graphql(`
  mutation UpdateCardLabels($input: MassUpdateCardsInput!) {
    massUpdateCards(input: $input) {
      matched
      changed
    }
  }
`);

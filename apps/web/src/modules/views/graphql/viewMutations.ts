// Apart from the views query: the first screen's navigation loads that one, the list page these.
import { graphql } from '../../../graphql/generated';

export const CREATE_VIEW_MUTATION = graphql(`
  mutation CreateView($input: ViewInput!) {
    createView(input: $input) {
      ...ViewFields
    }
  }
`);

export const UPDATE_VIEW_MUTATION = graphql(`
  mutation UpdateView($id: ID!, $input: ViewInput!) {
    updateView(id: $id, input: $input) {
      ...ViewFields
    }
  }
`);

export const DELETE_VIEW_MUTATION = graphql(`
  mutation DeleteView($id: ID!) {
    deleteView(id: $id)
  }
`);

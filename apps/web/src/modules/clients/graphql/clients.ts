import { graphql } from '../../../graphql/generated';

export const CLIENT_DETAIL_QUERY = graphql(`
  query ClientDetail($id: ID!) {
    client(id: $id) {
      id
      name
      type
      emails
      phones
      address
      taxId
      website
      domain
      createdAt
      updatedAt
      owner {
        id
        name
      }
      department {
        id
        name
      }
      classification {
        id
        name
      }
      categories {
        id
        name
      }
      tags {
        id
        name
      }
      contacts {
        id
        name
        title
        emails
        phones
        isPrimary
      }
      cards {
        id
        pipelineId
        pipelineName
        statusId
        statusName
        statusColor
        value
        currency
        expectedCloseDate
        createdAt
        owner {
          id
          name
        }
        nextTodo {
          id
          title
          deadline
          assigneeId
        }
      }
    }
  }
`);

export const CLIENT_ROW_FRAGMENT = graphql(`
  fragment ClientRow on Client {
    id
    name
    type
    emails
    phones
    createdAt
    owner {
      id
      name
    }
    department {
      id
      name
    }
    classification {
      id
      name
    }
    tags {
      id
      name
    }
  }
`);

export const CLIENT_LIST_QUERY = graphql(`
  query ClientList($filter: ClientFilterInput, $sort: ClientSortInput, $page: PageInput) {
    clients(filter: $filter, sort: $sort, page: $page) {
      items {
        ...ClientRow
      }
      total
    }
  }
`);

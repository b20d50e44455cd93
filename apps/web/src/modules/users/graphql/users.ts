import { graphql } from '../../../graphql/generated';

export const USER_ROW_FRAGMENT = graphql(`
  fragment UserRow on User {
    id
    name
    email
    role
    locale
    active
    lastLoginAt
    departments {
      id
      name
    }
  }
`);

export const USERS_QUERY = graphql(`
  query Users {
    users {
      ...UserRow
    }
  }
`);

export const CREATE_USER_MUTATION = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserRow
    }
  }
`);

export const UPDATE_USER_MUTATION = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...UserRow
    }
  }
`);

export const SET_USER_ACTIVE_MUTATION = graphql(`
  mutation SetUserActive($id: ID!, $active: Boolean!) {
    setUserActive(id: $id, active: $active) {
      ...UserRow
    }
  }
`);

export const RESET_USER_PASSWORD_MUTATION = graphql(`
  mutation ResetUserPassword($id: ID!, $password: String!) {
    resetUserPassword(id: $id, password: $password)
  }
`);

export const ASSIGNABLE_USERS_QUERY = graphql(`
  query AssignableUsers {
    assignableUsers {
      id
      name
    }
  }
`);

export const SET_USER_DEPARTMENTS_MUTATION = graphql(`
  mutation SetUserDepartments($id: ID!, $departmentIds: [ID!]!) {
    setUserDepartments(id: $id, departmentIds: $departmentIds) {
      ...UserRow
    }
  }
`);

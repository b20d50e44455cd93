import { graphql } from '../../../graphql/generated';

export const CURRENT_USER_FRAGMENT = graphql(`
  fragment CurrentUser on User {
    id
    name
    email
    role
    locale
    photoUrl
  }
`);

export const ME_QUERY = graphql(`
  query Me {
    me {
      ...CurrentUser
    }
  }
`);

export const LOGIN_MUTATION = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      ...CurrentUser
    }
  }
`);

export const LOGOUT_MUTATION = graphql(`
  mutation Logout {
    logout
  }
`);

export const UPDATE_MY_LOCALE_MUTATION = graphql(`
  mutation UpdateMyLocale($locale: String!) {
    updateMyProfile(input: { locale: $locale }) {
      id
      locale
    }
  }
`);

import { graphql } from '../../../graphql/generated';

export const PROFILE_FRAGMENT = graphql(`
  fragment Profile on User {
    id
    name
    email
    role
    locale
    signature
    photoUrl
  }
`);

export const PROFILE_QUERY = graphql(`
  query MyProfile {
    me {
      ...Profile
    }
  }
`);

export const UPDATE_PROFILE_MUTATION = graphql(`
  mutation UpdateMyProfile($input: UpdateProfileInput!) {
    updateMyProfile(input: $input) {
      ...Profile
    }
  }
`);

export const SET_PHOTO_MUTATION = graphql(`
  mutation SetMyPhoto($image: String!) {
    setMyPhoto(image: $image) {
      ...Profile
    }
  }
`);

export const REMOVE_PHOTO_MUTATION = graphql(`
  mutation RemoveMyPhoto {
    removeMyPhoto {
      ...Profile
    }
  }
`);

export const CHANGE_PASSWORD_MUTATION = graphql(`
  mutation ChangeMyPassword($input: ChangePasswordInput!) {
    changeMyPassword(input: $input)
  }
`);

import { graphql } from '../../../graphql/generated';

export const LIST_FRAGMENT = graphql(`
  fragment DistributionListFields on DistributionList {
    id
    name
    kind
    channel
    recipients
    role
    clientCount
    updatedAt
    filter {
      text
      type
      categoryIds
      classificationIds
      tagIds
      departmentIds
      ownerIds
      pipelineIds
      statusIds
      custom {
        fieldId
        value
        min
        max
      }
    }
  }
`);

export const LISTS_QUERY = graphql(`
  query DistributionLists {
    distributionLists {
      ...DistributionListFields
    }
  }
`);

export const LIST_QUERY = graphql(`
  query DistributionList($id: ID!, $text: String, $page: PageInput) {
    distributionList(id: $id) {
      ...DistributionListFields
    }
    listMembers(listId: $id, text: $text, page: $page) {
      total
      items {
        ...ClientRow
      }
    }
  }
`);

export const CREATE_LIST_MUTATION = graphql(`
  mutation CreateDistributionList($input: DistributionListInput!) {
    createDistributionList(input: $input) {
      ...DistributionListFields
    }
  }
`);

export const UPDATE_LIST_MUTATION = graphql(`
  mutation UpdateDistributionList($id: ID!, $input: DistributionListInput!) {
    updateDistributionList(id: $id, input: $input) {
      ...DistributionListFields
    }
  }
`);

export const ARCHIVE_LIST_MUTATION = graphql(`
  mutation ArchiveDistributionList($id: ID!) {
    archiveDistributionList(id: $id)
  }
`);

export const ADD_MEMBERS_MUTATION = graphql(`
  mutation AddListMembers($input: AddListMembersInput!) {
    addListMembers(input: $input)
  }
`);

export const REMOVE_MEMBERS_MUTATION = graphql(`
  mutation RemoveListMembers($listId: ID!, $clientIds: [ID!]!) {
    removeListMembers(listId: $listId, clientIds: $clientIds)
  }
`);

export const CAMPAIGN_FRAGMENT = graphql(`
  fragment CampaignFields on Campaign {
    id
    name
    listId
    listName
    templateId
    templateName
    fromName
    fromAddress
    replyTo
    scheduledAt
    status
    perMinute
    perDomainPerMinute
    tracking
    startedAt
    finishedAt
    createdAt
    totals {
      recipients
      queued
      sent
      failed
      bounced
      unsubscribed
      complained
      replied
      skipped
      cancelled
      opened
      clicked
    }
  }
`);

export const CAMPAIGNS_QUERY = graphql(`
  query Campaigns {
    campaigns {
      ...CampaignFields
    }
  }
`);

export const CAMPAIGN_OPTIONS_QUERY = graphql(`
  query CampaignOptions {
    distributionLists {
      id
      name
      channel
      clientCount
    }
    campaignTemplates {
      id
      name
      pipelineName
    }
  }
`);

export const CAMPAIGN_QUERY = graphql(`
  query Campaign($id: ID!, $state: String, $page: PageInput) {
    campaign(id: $id) {
      ...CampaignFields
    }
    campaignRecipients(campaignId: $id, state: $state, page: $page) {
      total
      items {
        id
        clientId
        clientName
        contactName
        email
        state
        skipReason
        missing
        at
      }
    }
  }
`);

export const CAMPAIGN_REVIEW_QUERY = graphql(`
  query CampaignReview($id: ID!) {
    campaignReview(id: $id) {
      recipients
      clients
      noAddress
      hidden
      suppressed {
        reason
        count
      }
      missingValues {
        email
        clientName
        missing
      }
      previews {
        email
        clientName
        subject
        html
        text
      }
    }
  }
`);

export const CREATE_CAMPAIGN_MUTATION = graphql(`
  mutation CreateCampaign($input: CampaignInput!) {
    createCampaign(input: $input) {
      ...CampaignFields
    }
  }
`);

export const SEND_CAMPAIGN_MUTATION = graphql(`
  mutation SendCampaign($id: ID!, $confirmMissing: Boolean) {
    sendCampaign(id: $id, confirmMissing: $confirmMissing) {
      ...CampaignFields
    }
  }
`);

export const TEST_SEND_CAMPAIGN_MUTATION = graphql(`
  mutation TestSendCampaign($id: ID!) {
    testSendCampaign(id: $id)
  }
`);

export const PAUSE_CAMPAIGN_MUTATION = graphql(`
  mutation PauseCampaign($id: ID!) {
    pauseCampaign(id: $id) {
      ...CampaignFields
    }
  }
`);

export const RESUME_CAMPAIGN_MUTATION = graphql(`
  mutation ResumeCampaign($id: ID!) {
    resumeCampaign(id: $id) {
      ...CampaignFields
    }
  }
`);

export const CANCEL_CAMPAIGN_MUTATION = graphql(`
  mutation CancelCampaign($id: ID!) {
    cancelCampaign(id: $id) {
      ...CampaignFields
    }
  }
`);

export const CONSENTS_QUERY = graphql(`
  query ContactConsents($contactId: ID!) {
    contactConsents(contactId: $contactId) {
      id
      email
      status
      source
      createdAt
    }
  }
`);

export const SET_CONSENT_MUTATION = graphql(`
  mutation SetContactConsent($input: ConsentInput!) {
    setContactConsent(input: $input) {
      id
    }
  }
`);

export const SUPPRESSIONS_QUERY = graphql(`
  query Suppressions($search: String, $page: PageInput) {
    suppressions(search: $search, page: $page) {
      total
      items {
        email
        reason
        scope
        source
        campaignName
        createdByName
        createdAt
      }
    }
  }
`);

export const ADD_SUPPRESSION_MUTATION = graphql(`
  mutation AddSuppression($input: AddSuppressionInput!) {
    addSuppression(input: $input) {
      email
      reason
    }
  }
`);

export const REMOVE_SUPPRESSION_MUTATION = graphql(`
  mutation RemoveSuppression($input: RemoveSuppressionInput!) {
    removeSuppression(input: $input)
  }
`);

export const CAMPAIGN_SETTINGS_FRAGMENT = graphql(`
  fragment CampaignSettingsFields on CampaignSettings {
    perMinute
    perDomainPerMinute
    defaultPerMinute
    defaultPerDomainPerMinute
    tracking
  }
`);

export const CAMPAIGN_SETTINGS_QUERY = graphql(`
  query CampaignSettings {
    campaignSettings {
      ...CampaignSettingsFields
    }
  }
`);

export const UPDATE_CAMPAIGN_SETTINGS_MUTATION = graphql(`
  mutation UpdateCampaignSettings($input: CampaignSettingsInput!) {
    updateCampaignSettings(input: $input) {
      ...CampaignSettingsFields
    }
  }
`);

export const LIST_CUSTOM_FIELDS_QUERY = graphql(`
  query ListCustomFields {
    customFields {
      id
      pipelineId
      label
      kind
      options
      position
    }
  }
`);

export const UPDATE_CAMPAIGN_MUTATION = graphql(`
  mutation UpdateCampaign($id: ID!, $input: CampaignInput!) {
    updateCampaign(id: $id, input: $input) {
      ...CampaignFields
    }
  }
`);

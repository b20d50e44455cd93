import { graphql } from '../../../graphql/generated';

export const WEBHOOK_ROW_FRAGMENT = graphql(`
  fragment WebhookRow on Webhook {
    id
    url
    events
    active
    disabledReason
    disabledAt
    createdAt
  }
`);

export const WEBHOOK_DELIVERY_ROW_FRAGMENT = graphql(`
  fragment WebhookDeliveryRow on WebhookDelivery {
    id
    event
    state
    attempts
    responseCode
    lastError
    durationMs
    requestBody
    createdAt
    lastAttemptAt
  }
`);

export const WEBHOOKS_QUERY = graphql(`
  query Webhooks {
    webhooks {
      ...WebhookRow
    }
    webhookSettings {
      allowPrivateTargets
    }
  }
`);

export const CREATE_WEBHOOK_MUTATION = graphql(`
  mutation CreateWebhook($input: WebhookInput!) {
    createWebhook(input: $input) {
      secret
      webhook {
        ...WebhookRow
      }
    }
  }
`);

export const SET_WEBHOOK_ACTIVE_MUTATION = graphql(`
  mutation SetWebhookActive($id: ID!, $active: Boolean!) {
    updateWebhook(id: $id, active: $active) {
      ...WebhookRow
    }
  }
`);

export const DELETE_WEBHOOK_MUTATION = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`);

export const SET_WEBHOOK_SETTINGS_MUTATION = graphql(`
  mutation SetWebhookSettings($allowPrivateTargets: Boolean!) {
    setWebhookSettings(allowPrivateTargets: $allowPrivateTargets) {
      allowPrivateTargets
    }
  }
`);

export const WEBHOOK_DELIVERIES_QUERY = graphql(`
  query WebhookDeliveries($webhookId: ID!, $filter: WebhookDeliveryFilter, $before: ID) {
    webhookDeliveries(webhookId: $webhookId, filter: $filter, before: $before) {
      ...WebhookDeliveryRow
    }
  }
`);

export const REDELIVER_WEBHOOK_MUTATION = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      ...WebhookDeliveryRow
    }
  }
`);

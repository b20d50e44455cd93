/** The events a webhook may listen to (the `type` of each delivery's body). */
export const WEBHOOK_EVENTS = [
  'card.created',
  'card.moved',
  'card.won',
  'card.lost',
  'client.created',
  'client.updated',
  'client.merged',
  'client.deleted',
  'todo.done',
  'mail.received',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** The one event still sent about an item in the trash: its deletion. */
export const DELETE_EVENTS: ReadonlySet<string> = new Set(['client.deleted']);

/** The admin setting that lets hooks reach private and loopback addresses (off by default). */
export const ALLOW_PRIVATE_TARGETS = 'webhooks.allowPrivateTargets';

/**
 * The variables an email template may use, by group (PRODUCT.md 4). The settings page offers them
 * in its picker; the API refuses a template that uses anything else. Custom fields appear as
 * `card.fields.<Label>` and are checked against the pipeline's fields.
 */
export const TEMPLATE_VARIABLES = {
  card: ['card.status', 'card.value', 'card.currency', 'card.createdAt', 'card.pipeline'],
  client: ['client.name', 'client.email', 'client.phone', 'client.address', 'client.taxId', 'client.website', 'client.domain'],
  contact: ['contact.name', 'contact.firstName', 'contact.email', 'contact.phone', 'contact.title'],
  sender: ['sender.name', 'sender.email', 'sender.signature'],
  owner: ['owner.name', 'owner.email'],
  dates: ['today', 'todo.title', 'todo.deadline'],
} as const;

export type TemplateVariableGroup = keyof typeof TEMPLATE_VARIABLES;

export const ALL_TEMPLATE_VARIABLES: ReadonlySet<string> = new Set(Object.values(TEMPLATE_VARIABLES).flat());

/** Helpers a template may call: {{date todo.deadline}}, {{money card.value card.currency}}, {{fallback contact.firstName "Partner"}}. */
export const TEMPLATE_HELPERS = ['date', 'datetime', 'money', 'fallback'] as const;

export const CUSTOM_FIELD_PREFIX = 'card.fields.';

import type { ClientDetailQuery } from '../../../graphql/generated/graphql';

/** The client as the record page loads it (ClientDetail), and one of its cards. */
export type CardPageClient = ClientDetailQuery['client'];
export type CardPageCard = CardPageClient['cards'][number];

export const CARD_TABS = ['todos', 'contacts', 'fields', 'labels', 'documents', 'notes', 'deals', 'related'] as const;
export type CardTab = (typeof CARD_TABS)[number];

export function isCardTab(value: string | undefined): value is CardTab {
  return (CARD_TABS as readonly string[]).includes(value ?? '');
}

/** The record page URL of a client, a tab and the pipeline whose card is shown. */
export function cardTabPath(clientId: string, tab: CardTab, pipelineId?: string | null): string {
  const query = pipelineId ? `?pipeline=${encodeURIComponent(pipelineId)}` : '';
  return `/clients/${clientId}/${tab}${query}`;
}

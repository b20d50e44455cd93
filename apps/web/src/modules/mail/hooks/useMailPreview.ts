import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { MAIL_PREVIEW_QUERY } from '../graphql/mail';

export const PREVIEW_DEBOUNCE_MS = 400;

interface Draft {
  cardId: string | null | undefined;
  contactId?: string | null;
  subject: string;
  body: string;
}

/**
 * The unsaved subject and body rendered by the API for a card and recipient, re-rendered once the
 * text has stopped changing. Keeps showing the last rendering while the next one loads.
 */
export function useMailPreview({ cardId, contactId, subject, body }: Draft) {
  const draft = {
    subject: useDebouncedValue(subject, PREVIEW_DEBOUNCE_MS),
    body: useDebouncedValue(body, PREVIEW_DEBOUNCE_MS),
  };
  const { data, previousData, loading, error } = useQuery(MAIL_PREVIEW_QUERY, {
    variables: { input: { cardId: cardId ?? '', contactId: contactId ?? null, subject: draft.subject, body: draft.body } },
    skip: !cardId,
  });
  const pending = draft.subject !== subject || draft.body !== body;
  return {
    preview: error ? null : (data ?? previousData)?.mailPreview ?? null,
    loading: loading || pending,
    error,
  };
}

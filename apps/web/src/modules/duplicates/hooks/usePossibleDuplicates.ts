import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '../../../ui/useDebouncedValue';
import { POSSIBLE_DUPLICATES_QUERY } from '../graphql/duplicates';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Enough digits to be worth asking about (the API normalises the number). */
const PHONE = /(\d.*){6,}/;

/**
 * Existing clients with this email (or its company domain) or phone, asked while the user types
 * (debounced; only for complete-looking values). A warning source: nothing is refused.
 */
export function usePossibleDuplicates(email: string, phone: string, delay = 400) {
  const probeEmail = useDebouncedValue(email.trim(), delay);
  const probePhone = useDebouncedValue(phone.trim(), delay);
  const input = {
    ...(EMAIL.test(probeEmail) ? { email: probeEmail } : {}),
    ...(PHONE.test(probePhone) ? { phone: probePhone } : {}),
  };
  const skip = !input.email && !input.phone;
  const { data } = useQuery(POSSIBLE_DUPLICATES_QUERY, { variables: { input }, skip, fetchPolicy: 'network-only' });
  return {
    clients: skip ? [] : (data?.possibleDuplicates ?? []),
    /** Which values the answer is about. */
    byEmail: !!input.email,
    byPhone: !!input.phone,
  };
}

import { formatPhone, phoneHref } from '../../../ui/phone';
import { useOrganisation } from './useOrganisation';

/** Phones formatted for the organisation's default country (national for its numbers, international otherwise). */
export function usePhoneFormat() {
  const country = useOrganisation().organisation?.defaultCountry ?? null;
  return { format: (phone: string) => formatPhone(phone, country), href: (phone: string) => phoneHref(phone, country) };
}

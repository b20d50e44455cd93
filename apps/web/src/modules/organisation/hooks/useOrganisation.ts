import { useMutation, useQuery } from '@apollo/client/react';
import type { OrganisationSettingsInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { setOrgTimeZone } from '../../../ui/datetime';
import { ORGANISATION_QUERY, UPDATE_ORGANISATION_MUTATION } from '../graphql/organisation';

/** The organisation's settings (every signed-in user reads them). */
export function useOrganisation(skip = false) {
  const { data, loading, error, refetch } = useQuery(ORGANISATION_QUERY, { skip });
  return { organisation: data?.organisation ?? null, loading: loading && !data, error, refetch };
}

/** Saves the settings; the new zone applies to this tab at once. */
export function useUpdateOrganisation() {
  const [mutate, { loading }] = useMutation(UPDATE_ORGANISATION_MUTATION);
  const { error, run, clearError } = useMutationErrors();
  const update = (input: OrganisationSettingsInput) =>
    run(async () => {
      const saved = (await mutate({ variables: { input } })).data?.updateOrganisationSettings;
      if (saved) setOrgTimeZone(saved.timeZone);
      return saved;
    });
  return { update, loading, error, clearError };
}

/** The browser's own zone ("Europe/London"), or null when it cannot tell. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
  } catch {
    return null;
  }
}

/** Every zone the browser knows, for the settings' list (the current one kept when missing). */
export function knownTimeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}

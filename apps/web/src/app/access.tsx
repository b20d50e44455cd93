import type { ReactNode } from 'react';
import { isAtLeast, Role } from '@crm/shared';
import { NoAccess } from '../modules/auth/components/RequireAuth';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';

/**
 * What each role may use, as the manuals set it: Normal users work cards, todos and their own mail;
 * Managers and Admins also build automations and merge clients; settings are for Managers (templates)
 * and Admins. The API enforces the same with @Authorized; the UI hides what the API would refuse.
 */
export const FEATURE_MIN_ROLE = {
  inbox: Role.Normal,
  /** Managers read everyone's numbers in their scope, Normal users their own. */
  reports: Role.Normal,
  /** Sharing a saved report with the team, and its weekly summary mail. */
  shareReports: Role.Manager,
  automations: Role.Manager,
  merge: Role.Manager,
  imports: Role.Manager,
  /** Managers and Admins configure the organisation; every Normal user connects their own mailbox there. */
  settings: Role.Normal,
  mailbox: Role.Normal,
  /** Normal users use distribution lists within their scope; Managers and Admins build them and send campaigns. */
  lists: Role.Normal,
  campaigns: Role.Manager,
} as const;

export type Feature = keyof typeof FEATURE_MIN_ROLE;

export function canUse(role: string, feature: Feature): boolean {
  return isAtLeast(role as Role, FEATURE_MIN_ROLE[feature]);
}

/** Whether the signed-in user may use a feature. */
export function useCan(feature: Feature): boolean {
  return canUse(useCurrentUser().role, feature);
}

/** The page for users whose role may use the feature, a clean "You do not have access" page for the rest. */
export function RequireFeature({ feature, children }: { feature: Feature; children: ReactNode }) {
  return useCan(feature) ? <>{children}</> : <NoAccess />;
}

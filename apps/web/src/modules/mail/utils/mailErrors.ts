import { CombinedGraphQLErrors } from '@apollo/client';

/**
 * The reasons a send was refused as a whole (`extensions.reason = 'MISSING_VALUES'`): one line per
 * contact without an email or variable without a value. Empty for any other error.
 */
export function refusalProblems(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  const first = error.errors[0];
  if (first?.extensions?.reason !== 'MISSING_VALUES') return [];
  const problems = first.extensions.problems;
  return Array.isArray(problems) ? problems.filter((p): p is string => typeof p === 'string') : [];
}

/** A key made once per send dialog, so that sending twice queues nothing twice. */
export function newRequestId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

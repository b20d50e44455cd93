import { useCallback, useState } from 'react';
import { useTranslation } from './i18n';
import type { TFunction } from './i18n';
import { describeError, type AppError } from './errors';

/**
 * Error state for a feature's mutation hook: runs the mutation, and on failure stores the
 * translated error from `describeError` (optionally refined by the feature, e.g. a CONFLICT that
 * belongs to the email field). Returns undefined when the mutation failed.
 */
export function useMutationErrors(refine?: (error: AppError, t: TFunction) => AppError) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);

  const run = useCallback(
    async <T,>(mutation: () => Promise<T>): Promise<T | undefined> => {
      setError(null);
      try {
        return await mutation();
      } catch (caught) {
        const described = describeError(caught, t);
        setError(refine ? refine(described, t) : described);
        return undefined;
      }
    },
    // `refine` is a module-level function in every caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t],
  );

  const clearError = useCallback(() => setError(null), []);
  return { error, run, clearError };
}

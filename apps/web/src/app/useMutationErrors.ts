import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from './i18n';
import type { TFunction } from './i18n';
import { describeError, type AppError } from './errors';

/**
 * Error state for a feature's mutation hook: runs the mutation, and on failure keeps what it threw;
 * `error` is the translated error from `describeError` (optionally refined by the feature, e.g. a
 * CONFLICT that belongs to the email field). It is described as it renders, so a message that came
 * with the rest of the language after the failure (the first screen has only its own) shows too.
 * Returns undefined when the mutation failed.
 */
export function useMutationErrors(refine?: (error: AppError, t: TFunction) => AppError) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<{ caught: unknown } | null>(null);

  const run = useCallback(async <T,>(mutation: () => Promise<T>): Promise<T | undefined> => {
    setFailure(null);
    try {
      return await mutation();
    } catch (caught) {
      setFailure({ caught });
      return undefined;
    }
  }, []);

  const error = useMemo(() => {
    if (!failure) return null;
    const described = describeError(failure.caught, t);
    return refine ? refine(described, t) : described;
    // `refine` is a module-level function in every caller.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [failure, t]);

  const clearError = useCallback(() => setFailure(null), []);
  return { error, run, clearError };
}

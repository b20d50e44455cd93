import type { AppError } from '../app/errors';
import { AlertIcon } from './icons';

/** A mutation's translated error, announced when it appears. */
export function ErrorAlert({ error }: { error: AppError | null | undefined }) {
  if (!error) return null;
  return (
    <div className="alert alert--danger card-alert" role="alert">
      <AlertIcon />
      <span>{error.message}</span>
    </div>
  );
}

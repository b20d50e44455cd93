import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import type { TFunction } from './i18n';

/** The error codes the API sends in `extensions.code`, plus NETWORK for transport failures. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

const KNOWN_CODES: readonly ErrorCode[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'INTERNAL_SERVER_ERROR',
];

export interface AppError {
  code: ErrorCode;
  /** A translated message for the whole operation. */
  message: string;
  /** Per-field messages from `extensions.fields` (validation and conflicts). */
  fields: Record<string, string>;
  retryAfterSeconds?: number;
}

interface ErrorDetails {
  code: ErrorCode;
  /** `extensions.reason`: a finer code some refusals carry (e.g. CLIENT_HAS_HIDDEN_CARDS). */
  reason?: string;
  /** `extensions.params`: the values for the reason's placeholders (a count, a name). */
  params?: Record<string, string | number>;
  /** `extensions.fieldReasons`: a code per field message the web app can translate (serverFields.*). */
  fieldReasons?: Record<string, string>;
  /** `extensions.fieldParams`: the values for a field code's placeholders. */
  fieldParams?: Record<string, Record<string, string | number>>;
  serverMessage?: string;
  fields: Record<string, string>;
  retryAfterSeconds?: number;
}

function readFields(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  const fields: Record<string, string> = {};
  for (const [key, message] of Object.entries(value as Record<string, unknown>)) {
    if (typeof message === 'string') fields[key] = message;
    else if (Array.isArray(message) && typeof message[0] === 'string') fields[key] = message[0];
  }
  return fields;
}

function readFieldParams(value: unknown): Record<string, Record<string, string | number>> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v))) as Record<
    string,
    Record<string, string | number>
  >;
}

/** Reads the code and details of the first GraphQL error, or classifies a transport failure. */
export function errorDetails(error: unknown): ErrorDetails {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const rawCode = first?.extensions?.code;
    const code = KNOWN_CODES.includes(rawCode as ErrorCode) ? (rawCode as ErrorCode) : 'INTERNAL_SERVER_ERROR';
    const retry = Number(first?.extensions?.retryAfterSeconds);
    const reason = first?.extensions?.reason;
    const params = first?.extensions?.params;
    return {
      code,
      reason: typeof reason === 'string' ? reason : undefined,
      params: params && typeof params === 'object' && !Array.isArray(params) ? (params as Record<string, string | number>) : undefined,
      serverMessage: first?.message,
      fields: readFields(first?.extensions?.fields),
      fieldReasons: readFields(first?.extensions?.fieldReasons),
      fieldParams: readFieldParams(first?.extensions?.fieldParams),
      retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? Math.ceil(retry) : undefined,
    };
  }
  if (ServerError.is(error) && error.statusCode >= 500) {
    return { code: 'INTERNAL_SERVER_ERROR', fields: {} };
  }
  return { code: 'NETWORK', fields: {} };
}

export function isUnauthenticated(error: unknown): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

function waitMessage(t: TFunction, seconds: number | undefined): string {
  if (!seconds) return t('errors.TOO_MANY_REQUESTS');
  if (seconds < 60) return t('errors.TOO_MANY_REQUESTS_seconds', { count: seconds });
  return t('errors.TOO_MANY_REQUESTS_minutes', { count: Math.ceil(seconds / 60) });
}

/**
 * The one place that turns an API error into what the user reads.
 * BAD_USER_INPUT keeps the server's own message (it explains the rule that was broken,
 * e.g. "you cannot deactivate yourself"); every other code gets a translated message.
 */
export function describeError(error: unknown, t: TFunction): AppError {
  const details = errorDetails(error);
  let message: string;
  // A refusal with a reason we have words for says exactly that (errors.reasons.*).
  const reasoned = details.reason
    ? t(`errors.reasons.${details.reason}`, { defaultValue: '', ...details.params }) || t(`serverReasons.${details.reason}`, { defaultValue: '', ...details.params })
    : '';
  switch (reasoned ? 'REASON' : details.code) {
    case 'REASON':
      message = reasoned;
      break;
    case 'TOO_MANY_REQUESTS':
      message = waitMessage(t, details.retryAfterSeconds);
      break;
    case 'BAD_USER_INPUT':
      message =
        Object.keys(details.fields).length === 0 && details.serverMessage
          ? details.serverMessage
          : t('errors.BAD_USER_INPUT');
      break;
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'CONFLICT':
    case 'INTERNAL_SERVER_ERROR':
    case 'NETWORK':
      message = t(`errors.${details.code}`);
      break;
  }
  // A field message with a code we have words for is said in the user's language.
  const fields = Object.fromEntries(
    Object.entries(details.fields).map(([key, text]) => {
      const code = details.fieldReasons?.[key];
      return [key, (code && t(`serverFields.${code}`, { defaultValue: '', ...details.fieldParams?.[key] })) || text];
    }),
  );
  return {
    code: details.code,
    message,
    fields,
    retryAfterSeconds: details.retryAfterSeconds,
  };
}

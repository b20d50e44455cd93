import { getMetadataStorage, type ValidationError } from 'class-validator';
import { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { Logger } from '../logger';

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS' | 'PAYLOAD_TOO_LARGE';

/** An error the user caused and may read; every module throws these (or subclasses) for user errors. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const notAuthenticated = () => new AppError('UNAUTHENTICATED', 'You are not signed in.');
export const forbidden = () => new AppError('FORBIDDEN', 'You may not do this.');
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found.`);
export const badInput = (message: string, fields?: Record<string, string>) => new AppError('BAD_USER_INPUT', message, fields ? { fields } : {});
/** A size limit in MB as people read it: whole, or to a tenth below 10 MB (a test's 0.25 MB is 0.3, not 0). */
export const megabytes = (bytes: number) => {
  const mb = bytes / 1024 / 1024;
  return mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10;
};
/** An upload over its limit (FILE_TOO_LARGE, with the limit in MB). */
export const fileTooLarge = (maxBytes: number) =>
  new AppError('BAD_USER_INPUT', `The file is larger than ${megabytes(maxBytes)} MB.`, { reason: 'FILE_TOO_LARGE', params: { maxMb: megabytes(maxBytes) } });
/**
 * A refusal the user reads: `reason` is a code the web app translates (errors.reasons / serverReasons),
 * with `params` for its placeholders; `message` stays the English text for API clients.
 */
/**
 * Field errors the user reads: each field gets its English text (for API clients) and a code the web
 * app translates (serverFields.<code>), under extensions.fields and extensions.fieldReasons, with
 * extensions.fieldParams for codes with placeholders.
 */
export interface FieldProblem {
  code: string;
  text: string;
  /** Values for the code's placeholders (a maximum, a list of names). */
  params?: Record<string, string | number>;
}
export const badFields = (message: string, fields: Record<string, FieldProblem>, code: ErrorCode = 'BAD_USER_INPUT') => {
  const params = Object.entries(fields).filter(([, v]) => v.params);
  return new AppError(code, message, {
    fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.text])),
    fieldReasons: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.code])),
    ...(params.length ? { fieldParams: Object.fromEntries(params.map(([k, v]) => [k, v.params])) } : {}),
  });
};
/** One field's problem: `code` for the web app (serverFields.<code>), `text` in English for API clients. */
export const fieldProblem = (code: string, text: string, params?: Record<string, string | number>): FieldProblem => (params ? { code, text, params } : { code, text });
export const refused = (reason: string, message: string, params?: Record<string, string | number>) =>
  new AppError('BAD_USER_INPUT', message, params ? { reason, params } : { reason });

/**
 * A class-validator constraint as a field problem: a code the web app translates (serverFields.<code>)
 * with its limit as a parameter, and the decorator's English text for API clients. The limit is the
 * number the default message states ("must be shorter than or equal to 200 characters").
 */
const CONSTRAINT_CODES: Record<string, [code: string, param?: 'max' | 'min']> = {
  maxLength: ['TOO_LONG', 'max'],
  minLength: ['TOO_SHORT', 'min'],
  isLength: ['BAD_LENGTH'],
  max: ['TOO_LARGE', 'max'],
  min: ['TOO_SMALL', 'min'],
  arrayMaxSize: ['TOO_MANY', 'max'],
  arrayMinSize: ['TOO_FEW', 'min'],
  arrayNotEmpty: ['REQUIRED'],
  isNotEmpty: ['REQUIRED'],
  isDefined: ['REQUIRED'],
  isEmail: ['NOT_EMAIL'],
  isUrl: ['NOT_URL'],
  isInt: ['NOT_INTEGER'],
  isPositive: ['NOT_POSITIVE'],
  isUUID: ['NOT_ID'],
  isIn: ['NOT_ALLOWED'],
  isEnum: ['NOT_ALLOWED'],
  matches: ['BAD_FORMAT'],
};
export function constraintProblem(constraint: string, text: string, target?: object, property?: string): FieldProblem {
  const [code, param] = CONSTRAINT_CODES[constraint] ?? ['INVALID'];
  let limit: unknown;
  if (param && target && property) {
    // The decorator's own limit (a custom message need not state it).
    const meta = getMetadataStorage()
      .getTargetValidationMetadatas(target.constructor, '', true, false)
      .find((m) => m.propertyName === property && m.name === constraint);
    limit = meta?.constraints?.[0];
  }
  if (param && typeof limit !== 'number') limit = /(-?\d+(?:\.\d+)?)/.exec(text)?.[1];
  return fieldProblem(code, text, param && limit !== undefined ? { [param]: Number(limit) } : undefined);
}

// Errors GraphQL itself raises for a malformed or invalid document: safe to show as they are.
const GRAPHQL_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * The one place errors become responses: our AppErrors and input validation keep their message
 * and code; anything else is logged with its stack and masked as an internal error.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.extensions } };
    }
    if (original instanceof ArgumentValidationError) {
      const fields: Record<string, FieldProblem> = {};
      const walk = (errors: ValidationError[], prefix = '') => {
        for (const e of errors) {
          const key = prefix ? `${prefix}.${e.property}` : e.property;
          const [constraint] = Object.entries(e.constraints ?? {});
          if (constraint) fields[key] = constraintProblem(constraint[0], constraint[1], e.target, e.property);
          if (e.children?.length) walk(e.children, key);
        }
      };
      walk(original.extensions.validationErrors);
      // `input.email` -> `email`: the client knows which argument it sent.
      const flat = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.replace(/^input\./, ''), v]));
      const { extensions } = badFields('Some fields are not valid.', flat);
      return { ...base, message: 'Some fields are not valid.', extensions: { code: 'BAD_USER_INPUT', ...extensions } };
    }
    // PostgreSQL could not read a value as its column's type: an id that is not an id, a number out of range.
    const pgCode = (original as { driverError?: { code?: string } })?.driverError?.code;
    if (pgCode === '22P02' || pgCode === '22003') {
      return { ...base, message: 'An id or value in the request is malformed.', extensions: { code: 'BAD_USER_INPUT', reason: 'MALFORMED_VALUE' } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && GRAPHQL_CODES.has(code)) {
      return { ...base, extensions: { code } };
    }
    logger.error({ err: original, path: formatted.path }, 'unhandled error in a GraphQL operation');
    return { message: 'Something went wrong on our side. Please try again.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

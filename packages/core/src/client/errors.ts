import type { FieldError, Problem } from '../schemas/common.js';

/** Base class of every error the Settings client throws. */
export class SettingsError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SettingsError';
  }
}

/** The API answered with an error status. Carries the problem document (RFC 9457) and its field errors. */
export class SettingsApiError extends SettingsError {
  /** HTTP status, e.g. 403. */
  readonly status: number;
  readonly problem: Problem;
  /** Machine-readable problem code, e.g. `csrf_invalid`, `validation_failed`, `http_502`. */
  readonly code: string;
  readonly fieldErrors: FieldError[];
  /** Seconds to wait before trying again (from the problem document or the Retry-After header). */
  readonly retryAfterSeconds: number | undefined;
  /** Operation id of the endpoint called, e.g. `organization.update`. */
  readonly endpointId: string | undefined;

  constructor(problem: Problem, options: { retryAfterSeconds?: number; endpointId?: string; cause?: unknown } = {}) {
    super(problem.detail || problem.title, { cause: options.cause });
    this.name = 'SettingsApiError';
    this.status = problem.status;
    this.problem = problem;
    this.code = problem.code;
    this.fieldErrors = problem.fieldErrors ?? [];
    this.retryAfterSeconds = problem.retryAfterSeconds ?? options.retryAfterSeconds;
    this.endpointId = options.endpointId;
  }

  /** The message of the first error on a field (dotted path), if any. */
  fieldError(path: string): string | undefined {
    return this.fieldErrors.find((error) => error.path === path)?.message;
  }
}

export type NetworkErrorKind = 'network' | 'timeout' | 'aborted';

/** No usable answer: the server could not be reached, took too long, or the caller aborted. */
export class SettingsNetworkError extends SettingsError {
  readonly kind: NetworkErrorKind;

  constructor(kind: NetworkErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SettingsNetworkError';
    this.kind = kind;
  }
}

export interface SchemaIssue {
  /** Dotted path inside the response body ('' for the root). */
  path: string;
  message: string;
}

/** The request worked, but the response did not fit the endpoint's schema. */
export class SettingsSchemaError extends SettingsError {
  readonly endpointId: string;
  readonly issues: SchemaIssue[];

  constructor(endpointId: string, issues: SchemaIssue[]) {
    const list = issues.slice(0, 5).map((issue) => `${issue.path || '(root)'}: ${issue.message}`).join('; ');
    super(`Unexpected response from ${endpointId}: ${list}${issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''}`);
    this.name = 'SettingsSchemaError';
    this.endpointId = endpointId;
    this.issues = issues;
  }
}

/** Refused before sending: the input does not fit the endpoint's schema (or upload rules). */
export class SettingsValidationError extends SettingsError {
  readonly fieldErrors: FieldError[];

  constructor(fieldErrors: FieldError[], message = 'Check the highlighted fields.') {
    super(message);
    this.name = 'SettingsValidationError';
    this.fieldErrors = fieldErrors;
  }

  /** The message of the first error on a field (dotted path), if any. */
  fieldError(path: string): string | undefined {
    return this.fieldErrors.find((error) => error.path === path)?.message;
  }
}

export function isSettingsError(value: unknown): value is SettingsError {
  return value instanceof SettingsError;
}

/** Wraps anything thrown into a SettingsError (an abort becomes a SettingsNetworkError of kind `aborted`). */
export function toSettingsError(error: unknown): SettingsError {
  if (error instanceof SettingsError) return error;
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return error.name === 'AbortError'
      ? new SettingsNetworkError('aborted', 'The request was cancelled.', { cause: error })
      : new SettingsNetworkError('timeout', 'The request timed out.', { cause: error });
  }
  return new SettingsError(error instanceof Error ? error.message : String(error), { cause: error });
}

const statusMessages: Record<number, string> = {
  401: 'Your session has ended. Sign in again.',
  403: 'You do not have permission to do this.',
  404: 'This item no longer exists.',
  409: 'This conflicts with a change made elsewhere. Reload and try again.',
  412: 'Someone else changed this in the meantime. Reload to see the latest version.',
  413: 'The file is too large.',
  428: 'Reload before saving: the current version is unknown.',
};

/** A short human message for any error (English; the elements localise by `code`/`kind`). */
export function errorMessage(error: unknown): string {
  if (error instanceof SettingsValidationError) {
    return error.fieldErrors.length === 1 ? error.fieldErrors[0]!.message : error.message;
  }
  if (error instanceof SettingsApiError) {
    if (error.status === 429 || error.status === 503) {
      const wait = error.retryAfterSeconds;
      const base = error.status === 429 ? 'Too many requests.' : 'The service is busy.';
      return wait ? `${base} Try again in ${formatWait(wait)}.` : `${base} Try again shortly.`;
    }
    return error.problem.detail || statusMessages[error.status] || error.problem.title;
  }
  if (error instanceof SettingsNetworkError) {
    if (error.kind === 'timeout') return 'The server took too long to answer. Try again.';
    if (error.kind === 'aborted') return 'The request was cancelled.';
    return 'Cannot reach the server. Check your connection and try again.';
  }
  if (error instanceof SettingsSchemaError) return 'The server sent an answer this page does not understand. Reload and try again.';
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} second${Math.ceil(seconds) === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

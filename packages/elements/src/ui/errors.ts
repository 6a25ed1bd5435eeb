import type { FieldError } from '@billingone/settings-core';
import type { MessageKey, MessageParams } from '../i18n/localize.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

// Core's error classes are recognised by shape, so errors from another copy of core (a host bundle) work too.

/** An HTTP error of the Settings API (core's `SettingsApiError`). */
export interface ApiErrorLike extends Error {
  readonly status: number;
  readonly code?: string;
  readonly problem?: { readonly title?: string; readonly detail?: string; readonly code?: string };
  readonly fieldErrors?: readonly FieldError[];
  readonly retryAfterSeconds?: number;
}

export function isApiError(error: unknown): error is ApiErrorLike {
  return error instanceof Error && typeof (error as Partial<ApiErrorLike>).status === 'number' && 'problem' in error;
}

/** Whether an error is an API answer with this HTTP status (403: not allowed, 412: changed elsewhere). */
export function hasStatus(error: unknown, status: number): boolean {
  return isApiError(error) && error.status === status;
}

/** A network failure, timeout or abort (core's `SettingsNetworkError`), or a DOM `AbortError`. */
export function isNetworkError(error: unknown): error is Error & { kind: 'network' | 'timeout' | 'aborted' } {
  const kind = (error as { kind?: unknown } | null)?.kind;
  return error instanceof Error && (kind === 'network' || kind === 'timeout' || kind === 'aborted');
}

/** Whether an error only says that the request was cancelled (nothing to show). */
export function isAbort(error: unknown): boolean {
  return (error instanceof DOMException && error.name === 'AbortError') || (isNetworkError(error) && error.kind === 'aborted');
}

/** The field errors an error carries (validation before sending, or the server's 400/422). */
export function fieldErrorsOf(error: unknown): readonly FieldError[] {
  const list = (error as { fieldErrors?: unknown } | null)?.fieldErrors;
  return error instanceof Error && Array.isArray(list) ? (list as FieldError[]) : [];
}

/** The problem `code` of an API error (e.g. `last_owner`), if any. */
export function problemCode(error: unknown): string | undefined {
  return isApiError(error) ? (error.code ?? error.problem?.code) : undefined;
}

/**
 * A short, localised sentence for any error a section can meet. Statuses with a generic meaning
 * (401, 412, 429, 5xx, network, unreadable answers) get the catalogue's sentence; refusals that the
 * server explains (400, 403, 404, 409, 422) show the server's explanation when it gives one.
 */
export function describeError(error: unknown, t: Translate): string {
  if (isNetworkError(error)) return t(error.kind === 'timeout' ? 'common.error.timeout' : 'common.error.network');
  if (isApiError(error)) {
    const detail = error.problem?.detail;
    const status = error.status;
    if (status === 401) return t('common.error.signedOut');
    if (status === 412 || status === 428) return t('common.error.conflict');
    if (status === 429) return t('common.error.rateLimited', { seconds: error.retryAfterSeconds ?? 0 });
    if (status >= 500) return t('common.error.server');
    if (detail) return detail;
    if (status === 403) return t('common.error.forbidden');
    if (status === 404) return t('common.error.notFound');
    if (status === 409) return t('common.error.conflict');
    if (fieldErrorsOf(error).length > 0) return t('common.error.validation');
    return error.problem?.title ?? t('common.error.title');
  }
  if (error instanceof Error && 'endpointId' in error && 'issues' in error) return t('common.error.unexpected');
  if (fieldErrorsOf(error).length > 0) return t('common.error.validation');
  return t('common.error.title');
}

/**
 * One error type for everything that goes wrong while talking to Pax8 or Xero.
 *
 * `reason` is what the server acts on:
 * - `invalid_credentials`: the client ID/secret (Pax8) or the app credentials (Xero) were refused.
 * - `insufficient_access`: the credentials work but lack access to what was asked for.
 * - `rate_limited`: the provider answered 429 and waiting was not an option; see `retryAfterSeconds`.
 * - `provider_unavailable`: network failure, timeout or 5xx after the retries allowed.
 * - `needs_reauth`: the Xero grant is gone (invalid_grant, revoked, organisation disconnected);
 *   only a new consent fixes it.
 * - `token_expired`: the Xero access token is no longer accepted; refresh and try again.
 * - `invalid_request`: the provider refused the request itself (a bug on our side, not the user's).
 * - `invalid_response`: the provider answered 2xx with data that does not have the documented shape.
 */
export const PROVIDER_ERROR_REASONS = [
  'invalid_credentials',
  'insufficient_access',
  'rate_limited',
  'provider_unavailable',
  'needs_reauth',
  'token_expired',
  'invalid_request',
  'invalid_response',
] as const;

export type ProviderErrorReason = (typeof PROVIDER_ERROR_REASONS)[number];

export type ProviderName = 'pax8' | 'xero';

export interface ProviderErrorInit {
  provider: ProviderName;
  reason: ProviderErrorReason;
  /** HTTP status of the provider's answer, when there was one. */
  status?: number;
  /** The provider's own error code (e.g. `invalid_grant`, `access_denied`). */
  providerCode?: string;
  /** Seconds the provider asked us to wait (429 `Retry-After`). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly provider: ProviderName;
  readonly reason: ProviderErrorReason;
  readonly status: number | undefined;
  readonly providerCode: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, init: ProviderErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.provider = init.provider;
    this.reason = init.reason;
    this.status = init.status;
    this.providerCode = init.providerCode;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}

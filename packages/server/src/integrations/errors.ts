import type { Provider } from '@billingone/settings-core';
import { problem, ProblemError } from '../app/problem.js';
import { ProviderError } from '../providers/errors.js';
import { providerLabel, type StoredStatus } from './store.js';

/** What a failed sync records (and the card shows): a code and a message for people. */
export interface SyncFailure {
  code: string;
  message: string;
}

export function syncFailureOf(error: unknown): SyncFailure {
  if (error instanceof ProviderError) return { code: error.reason, message: error.message };
  if (error instanceof ProblemError) return { code: error.code, message: error.message };
  return { code: 'sync_failed', message: 'The sync stopped on an unexpected error. Try again later.' };
}

/**
 * The status an integration takes after a failed sync: refused credentials or a lost grant need
 * the member to act (`needs_reauth`); anything else is an `error` the next sync may clear.
 */
export function statusAfterFailure(provider: Provider, code: string): StoredStatus {
  if (code === 'needs_reauth') return 'needs_reauth';
  if (provider === 'pax8' && code === 'invalid_credentials') return 'needs_reauth';
  if (provider === 'xero' && code === 'insufficient_access') return 'needs_reauth';
  return 'error';
}

/** A provider failure as the API answers it to the browser (never a 5xx from our side for their outage). */
export function providerProblem(error: ProviderError): ProblemError {
  const name = providerLabel[error.provider];
  switch (error.reason) {
    case 'rate_limited': {
      const seconds = error.retryAfterSeconds ?? 60;
      return problem(429, 'rate_limited', error.message, { headers: { 'retry-after': String(seconds) }, extra: { retryAfterSeconds: seconds } });
    }
    case 'provider_unavailable':
      return problem(503, 'provider_unavailable', `${name} is not answering. Try again in a few minutes.`);
    case 'invalid_credentials':
      return problem(502, 'provider_rejected_app', `${name} refused this server's app credentials. Ask your administrator to check the ${name} app settings.`);
    case 'needs_reauth':
      return problem(409, 'needs_reauth', error.message);
    case 'insufficient_access':
      return problem(403, 'insufficient_access', error.message);
    default:
      return problem(502, 'provider_error', `${name} answered in a way we did not expect. Try again later.`);
  }
}

export function providerNotConfigured(provider: Provider): ProblemError {
  return problem(503, 'provider_not_configured', `${providerLabel[provider]} is not set up on this server.`);
}

export function notConfigured(provider: Provider): ProblemError {
  return problem(404, 'integration_not_configured', `${providerLabel[provider]} is not connected.`);
}

import type * as z from 'zod/mini';
import type { Integration, XeroCallbackResult, XeroTenant } from '../schemas/integrations.js';
import { flowErrorCodes, type FlowError } from './flow-error.js';

export type XeroTenantInfo = z.output<typeof XeroTenant>;

/** The query parameters Xero appends to the return URL. */
export interface XeroCallbackParams {
  readonly code?: string;
  readonly state?: string;
  /** OAuth error, e.g. `access_denied` when the user declined. */
  readonly error?: string;
  readonly errorDescription?: string;
}

export type XeroConnectMode = 'redirect' | 'popup';

/**
 * Why connecting failed:
 * - `authorize_failed`: the API gave no authorize URL,
 * - `provider_error`: Xero returned an OAuth error other than `access_denied`,
 * - `invalid_callback`: the return URL has no code or no state,
 * - `state_mismatch`: the returned `state` is not the one this flow started with (or the API no longer knows it),
 * - `exchange_failed`: the API could not exchange the code,
 * - `no_tenants`: the grant gives access to no Xero organisation.
 */
export type XeroFailureReason = 'authorize_failed' | 'provider_error' | 'invalid_callback' | 'state_mismatch' | 'exchange_failed' | 'no_tenants';

/**
 * Connecting Xero with OAuth 2.0. In `redirect` mode the page leaves for Xero and a fresh flow
 * receives the `callback` on return (with the `state` the driver kept, when it kept one; the API
 * checks it in any case). In `popup` mode the driver opens `authorizeUrl` in a window and sends
 * `callback` with what the window reports, or `popup_closed`. After the exchange the member picks
 * the organisation when the grant covers several; with one it is chosen at once.
 */
export type XeroConnectState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'authorizing'; readonly mode: XeroConnectMode }
  | { readonly kind: 'redirecting'; readonly mode: 'redirect'; readonly authorizeUrl: string; readonly state: string }
  | { readonly kind: 'popup_open'; readonly mode: 'popup'; readonly authorizeUrl: string; readonly state: string }
  | { readonly kind: 'callback_received'; readonly code: string; readonly state: string }
  | { readonly kind: 'exchanging'; readonly code: string; readonly state: string }
  | { readonly kind: 'choose_tenant'; readonly tenants: readonly XeroTenantInfo[]; readonly error?: FlowError }
  | { readonly kind: 'saving_tenant'; readonly tenants: readonly XeroTenantInfo[]; readonly tenantId: string }
  | { readonly kind: 'connected'; readonly integration: Integration }
  | { readonly kind: 'cancelled'; readonly reason: 'access_denied' | 'popup_closed' | 'user' }
  | { readonly kind: 'failed'; readonly reason: XeroFailureReason; readonly error: FlowError };

export type XeroConnectEvent =
  /** Start (from `idle`, or again after `cancelled`/`failed`). */
  | { readonly type: 'connect'; readonly mode: XeroConnectMode }
  | { readonly type: 'authorize_succeeded'; readonly authorizeUrl: string; readonly state: string }
  | { readonly type: 'authorize_failed'; readonly error: FlowError }
  /** The browser would not open the popup: fall back to a redirect. */
  | { readonly type: 'popup_blocked' }
  | { readonly type: 'popup_closed' }
  /**
   * What Xero returned (see {@link parseXeroCallback}). In `idle` (back from a redirect),
   * `expectedState` is the state the driver kept before leaving, if any.
   */
  | { readonly type: 'callback'; readonly params: XeroCallbackParams; readonly expectedState?: string }
  /** The driver is sending the code to the API. */
  | { readonly type: 'exchange' }
  | { readonly type: 'exchange_succeeded'; readonly result: XeroCallbackResult }
  | { readonly type: 'exchange_failed'; readonly error: FlowError }
  | { readonly type: 'choose_tenant'; readonly tenantId: string }
  | { readonly type: 'tenant_saved'; readonly integration: Integration }
  | { readonly type: 'tenant_failed'; readonly error: FlowError }
  | { readonly type: 'cancel' };

export const initialXeroConnectState: XeroConnectState = { kind: 'idle' };

/**
 * Read `code`, `state`, `error` and `error_description` from a return URL: absolute, relative
 * (`/settings?code=…`) or a query string (`?code=…`, `code=…`). Parameters in the fragment are read when the query
 * has none. Missing or empty parameters are left out.
 */
export function parseXeroCallback(url: string): XeroCallbackParams {
  const input = url.trim();
  // A bare query string such as `code=…&state=…` (no path, no scheme).
  const bareQuery = !/[?#/:]/.test(input) && input.includes('=');
  let parsed: URL;
  try {
    parsed = new URL(bareQuery ? `?${input}` : input, 'http://return.invalid/');
  } catch {
    return {};
  }
  const pick = (params: URLSearchParams): XeroCallbackParams => {
    const result: { -readonly [K in keyof XeroCallbackParams]: XeroCallbackParams[K] } = {};
    const code = params.get('code');
    const state = params.get('state');
    const error = params.get('error');
    const description = params.get('error_description');
    if (code) result.code = code;
    if (state) result.state = state;
    if (error) result.error = error;
    if (description) result.errorDescription = description;
    return result;
  };
  const fromQuery = pick(parsed.searchParams);
  if (Object.keys(fromQuery).length > 0 || parsed.hash.length <= 1) return fromQuery;
  return pick(new URLSearchParams(parsed.hash.slice(1)));
}

function fromCallback(params: XeroCallbackParams, expectedState: string | undefined): XeroConnectState {
  if (params.error) {
    if (params.error === 'access_denied') return { kind: 'cancelled', reason: 'access_denied' };
    return {
      kind: 'failed',
      reason: 'provider_error',
      error: { code: params.error, message: params.errorDescription ?? 'Xero could not authorise the connection.' },
    };
  }
  if (!params.code || !params.state) {
    return { kind: 'failed', reason: 'invalid_callback', error: { code: 'invalid_callback', message: 'Xero returned without an authorisation code.' } };
  }
  if (expectedState !== undefined && params.state !== expectedState) {
    return { kind: 'failed', reason: 'state_mismatch', error: { code: flowErrorCodes.oauthStateInvalid, message: 'This Xero response does not belong to this connection attempt. Start again.' } };
  }
  return { kind: 'callback_received', code: params.code, state: params.state };
}

export function xeroConnectTransition(state: XeroConnectState, event: XeroConnectEvent): XeroConnectState {
  switch (event.type) {
    case 'connect':
      return state.kind === 'idle' || state.kind === 'cancelled' || state.kind === 'failed' ? { kind: 'authorizing', mode: event.mode } : state;
    case 'authorize_succeeded':
      if (state.kind !== 'authorizing') return state;
      return state.mode === 'popup'
        ? { kind: 'popup_open', mode: 'popup', authorizeUrl: event.authorizeUrl, state: event.state }
        : { kind: 'redirecting', mode: 'redirect', authorizeUrl: event.authorizeUrl, state: event.state };
    case 'authorize_failed':
      return state.kind === 'authorizing' ? { kind: 'failed', reason: 'authorize_failed', error: event.error } : state;
    case 'popup_blocked':
      return state.kind === 'popup_open' ? { kind: 'redirecting', mode: 'redirect', authorizeUrl: state.authorizeUrl, state: state.state } : state;
    case 'popup_closed':
      return state.kind === 'popup_open' ? { kind: 'cancelled', reason: 'popup_closed' } : state;
    case 'callback':
      if (state.kind === 'idle') return fromCallback(event.params, event.expectedState);
      if (state.kind === 'popup_open' || state.kind === 'redirecting') return fromCallback(event.params, state.state);
      return state;
    case 'exchange':
      return state.kind === 'callback_received' ? { kind: 'exchanging', code: state.code, state: state.state } : state;
    case 'exchange_succeeded': {
      if (state.kind !== 'exchanging') return state;
      const { result } = event;
      if (result.status === 'connected') return { kind: 'connected', integration: result.integration };
      if (result.tenants.length === 0) {
        return { kind: 'failed', reason: 'no_tenants', error: { code: 'no_tenants', message: 'Your Xero login has access to no organisation.' } };
      }
      if (result.tenants.length === 1) return { kind: 'saving_tenant', tenants: result.tenants, tenantId: result.tenants[0].id };
      return { kind: 'choose_tenant', tenants: result.tenants };
    }
    case 'exchange_failed':
      if (state.kind !== 'exchanging') return state;
      return event.error.code === flowErrorCodes.oauthStateInvalid
        ? { kind: 'failed', reason: 'state_mismatch', error: event.error }
        : { kind: 'failed', reason: 'exchange_failed', error: event.error };
    case 'choose_tenant':
      if (state.kind !== 'choose_tenant') return state;
      if (!state.tenants.some((tenant) => tenant.id === event.tenantId)) {
        return { kind: 'choose_tenant', tenants: state.tenants, error: { code: flowErrorCodes.invalidFormat, message: 'Choose an organisation.' } };
      }
      return { kind: 'saving_tenant', tenants: state.tenants, tenantId: event.tenantId };
    case 'tenant_saved':
      return state.kind === 'saving_tenant' ? { kind: 'connected', integration: event.integration } : state;
    case 'tenant_failed':
      return state.kind === 'saving_tenant' ? { kind: 'choose_tenant', tenants: state.tenants, error: event.error } : state;
    case 'cancel':
      switch (state.kind) {
        case 'authorizing':
        case 'redirecting':
        case 'popup_open':
        case 'callback_received':
        case 'choose_tenant':
          return { kind: 'cancelled', reason: 'user' };
        default:
          return state;
      }
  }
}

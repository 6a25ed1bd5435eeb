import { describe, expect, it } from 'vitest';
import type { Integration } from '../schemas/integrations.js';
import { checkEventTable, replay } from './event-table.fixture.test.js';
import { flowErrorCodes } from './flow-error.js';
import {
  initialXeroConnectState as idle,
  parseXeroCallback,
  xeroConnectTransition as transition,
  type XeroConnectEvent,
  type XeroConnectState,
} from './xero-connect.js';

const authorizeUrl = 'https://login.xero.example/identity/connect/authorize?client_id=abc&state=st_9f2c&code_challenge=xyz&code_challenge_method=S256';
const integration: Integration = {
  provider: 'xero', status: 'connected', accountLabel: 'Northwind Ltd', secretLast4: null,
  tenant: { id: 'ten_1', name: 'Northwind Ltd' }, lastSyncAt: null, nextSyncAt: null, counts: {}, error: null,
  connectedAt: '2026-11-24T09:00:00.000Z',
};
const tenants = [{ id: 'ten_1', name: 'Northwind Ltd' }, { id: 'ten_2', name: 'Northwind Holdings' }];
const apiError = { code: 'http_502', message: 'Xero did not answer.' };

const popup = replay(transition, idle, [{ type: 'connect', mode: 'popup' }, { type: 'authorize_succeeded', authorizeUrl, state: 'st_9f2c' }]);
const received = transition(popup, { type: 'callback', params: { code: 'code_1', state: 'st_9f2c' } });
const exchanging = transition(received, { type: 'exchange' });
const choosing = transition(exchanging, { type: 'exchange_succeeded', result: { status: 'choose_tenant', tenants } });
const savingTenant = transition(choosing, { type: 'choose_tenant', tenantId: 'ten_2' });

describe('parseXeroCallback', () => {
  it('reads code and state from an absolute return URL', () => {
    expect(parseXeroCallback('https://portal.northwind-msp.example/settings/integrations?code=c0de&state=st_9f2c&scope=openid')).toEqual({ code: 'c0de', state: 'st_9f2c' });
  });

  it('reads the OAuth error and its description', () => {
    expect(parseXeroCallback('/settings?error=access_denied&error_description=User+declined&state=st_9f2c')).toEqual({
      error: 'access_denied', errorDescription: 'User declined', state: 'st_9f2c',
    });
  });

  it('accepts query strings with or without the question mark, and the fragment', () => {
    expect(parseXeroCallback('?code=a%2Fb&state=s1')).toEqual({ code: 'a/b', state: 's1' });
    expect(parseXeroCallback('code=abc&state=s2')).toEqual({ code: 'abc', state: 's2' });
    expect(parseXeroCallback('https://host.example/cb#code=frag&state=s3')).toEqual({ code: 'frag', state: 's3' });
  });

  it('leaves out missing and empty parameters', () => {
    expect(parseXeroCallback('https://host.example/settings')).toEqual({});
    expect(parseXeroCallback('https://host.example/settings?code=&state=s')).toEqual({ state: 's' });
    expect(parseXeroCallback('')).toEqual({});
    expect(parseXeroCallback('http://[bad')).toEqual({});
  });
});

describe('Xero connect', () => {
  it('redirects in redirect mode', () => {
    const authorizing = transition(idle, { type: 'connect', mode: 'redirect' });
    expect(authorizing).toEqual({ kind: 'authorizing', mode: 'redirect' });
    expect(transition(authorizing, { type: 'authorize_succeeded', authorizeUrl, state: 'st_9f2c' })).toEqual({
      kind: 'redirecting', mode: 'redirect', authorizeUrl, state: 'st_9f2c',
    });
  });

  it('opens a popup in popup mode, falling back to a redirect when blocked', () => {
    expect(popup).toEqual({ kind: 'popup_open', mode: 'popup', authorizeUrl, state: 'st_9f2c' });
    expect(transition(popup, { type: 'popup_blocked' })).toEqual({ kind: 'redirecting', mode: 'redirect', authorizeUrl, state: 'st_9f2c' });
  });

  it('exchanges the code and lets the member choose among several organisations', () => {
    expect(received).toEqual({ kind: 'callback_received', code: 'code_1', state: 'st_9f2c' });
    expect(exchanging).toEqual({ kind: 'exchanging', code: 'code_1', state: 'st_9f2c' });
    expect(choosing).toEqual({ kind: 'choose_tenant', tenants });
    expect(savingTenant).toEqual({ kind: 'saving_tenant', tenants, tenantId: 'ten_2' });
    expect(transition(savingTenant, { type: 'tenant_saved', integration })).toEqual({ kind: 'connected', integration });
  });

  it('connects directly when the API already connected, and picks a single organisation at once', () => {
    expect(transition(exchanging, { type: 'exchange_succeeded', result: { status: 'connected', integration } })).toEqual({ kind: 'connected', integration });
    expect(transition(exchanging, { type: 'exchange_succeeded', result: { status: 'choose_tenant', tenants: [tenants[0]] } })).toEqual({
      kind: 'saving_tenant', tenants: [tenants[0]], tenantId: 'ten_1',
    });
    expect(transition(exchanging, { type: 'exchange_succeeded', result: { status: 'choose_tenant', tenants: [] } })).toMatchObject({ kind: 'failed', reason: 'no_tenants' });
  });

  it('refuses a tenant that was not offered, and returns to the choice when saving it fails', () => {
    expect(transition(choosing, { type: 'choose_tenant', tenantId: 'ten_9' })).toMatchObject({
      kind: 'choose_tenant', tenants, error: { message: 'Choose an organisation.' },
    });
    expect(transition(savingTenant, { type: 'tenant_failed', error: apiError })).toEqual({ kind: 'choose_tenant', tenants, error: apiError });
  });

  it('treats a declined consent and a closed popup as cancellations', () => {
    expect(transition(popup, { type: 'callback', params: { error: 'access_denied', state: 'st_9f2c' } })).toEqual({ kind: 'cancelled', reason: 'access_denied' });
    expect(transition(popup, { type: 'popup_closed' })).toEqual({ kind: 'cancelled', reason: 'popup_closed' });
  });

  it('fails on other provider errors, with their description', () => {
    expect(transition(popup, { type: 'callback', params: { error: 'server_error', errorDescription: 'Try later', state: 'st_9f2c' } })).toEqual({
      kind: 'failed', reason: 'provider_error', error: { code: 'server_error', message: 'Try later' },
    });
  });

  it('fails when the state does not match or the callback lacks a code', () => {
    expect(transition(popup, { type: 'callback', params: { code: 'code_1', state: 'st_other' } })).toMatchObject({
      kind: 'failed', reason: 'state_mismatch', error: { code: flowErrorCodes.oauthStateInvalid },
    });
    expect(transition(popup, { type: 'callback', params: { state: 'st_9f2c' } })).toMatchObject({ kind: 'failed', reason: 'invalid_callback' });
    expect(transition(popup, { type: 'callback', params: { code: 'code_1' } })).toMatchObject({ kind: 'failed', reason: 'invalid_callback' });
  });

  it('handles the return from a redirect in a fresh flow, checking the kept state when there is one', () => {
    const back = transition(idle, { type: 'callback', params: parseXeroCallback('/settings?code=code_2&state=st_1'), expectedState: 'st_1' });
    expect(back).toEqual({ kind: 'callback_received', code: 'code_2', state: 'st_1' });
    expect(transition(idle, { type: 'callback', params: { code: 'code_2', state: 'st_1' } })).toMatchObject({ kind: 'callback_received' });
    expect(transition(idle, { type: 'callback', params: { code: 'code_2', state: 'st_1' }, expectedState: 'st_2' })).toMatchObject({ kind: 'failed', reason: 'state_mismatch' });
  });

  it('fails when the exchange fails, as a state mismatch when the API no longer knows the state', () => {
    expect(transition(exchanging, { type: 'exchange_failed', error: apiError })).toEqual({ kind: 'failed', reason: 'exchange_failed', error: apiError });
    const stale = { code: flowErrorCodes.oauthStateInvalid, message: 'This authorisation expired.' };
    expect(transition(exchanging, { type: 'exchange_failed', error: stale })).toEqual({ kind: 'failed', reason: 'state_mismatch', error: stale });
  });

  it('fails when no authorize URL comes, and can start again after failing or cancelling', () => {
    const failed = replay(transition, idle, [{ type: 'connect', mode: 'redirect' }, { type: 'authorize_failed', error: apiError }]);
    expect(failed).toEqual({ kind: 'failed', reason: 'authorize_failed', error: apiError });
    expect(transition(failed, { type: 'connect', mode: 'popup' })).toEqual({ kind: 'authorizing', mode: 'popup' });
    expect(transition(transition(popup, { type: 'popup_closed' }), { type: 'connect', mode: 'popup' })).toEqual({ kind: 'authorizing', mode: 'popup' });
  });

  it('can be cancelled before the exchange and while choosing, and ignores late answers', () => {
    const cancelled = transition(popup, { type: 'cancel' });
    expect(cancelled).toEqual({ kind: 'cancelled', reason: 'user' });
    expect(transition(cancelled, { type: 'callback', params: { code: 'code_1', state: 'st_9f2c' } })).toBe(cancelled);
    expect(transition(choosing, { type: 'cancel' })).toEqual({ kind: 'cancelled', reason: 'user' });
    expect(transition(exchanging, { type: 'cancel' })).toBe(exchanging);
    expect(transition(savingTenant, { type: 'cancel' })).toBe(savingTenant);
  });

  it('ignores every event that does not apply to the state', () => {
    const states: XeroConnectState[] = [
      idle,
      { kind: 'authorizing', mode: 'popup' },
      { kind: 'redirecting', mode: 'redirect', authorizeUrl, state: 'st_9f2c' },
      popup,
      received,
      exchanging,
      choosing,
      savingTenant,
      { kind: 'connected', integration },
      { kind: 'cancelled', reason: 'user' },
      { kind: 'failed', reason: 'exchange_failed', error: apiError },
    ];
    const events: XeroConnectEvent[] = [
      { type: 'connect', mode: 'redirect' },
      { type: 'authorize_succeeded', authorizeUrl, state: 'st_new' },
      { type: 'authorize_failed', error: apiError },
      { type: 'popup_blocked' },
      { type: 'popup_closed' },
      { type: 'callback', params: { code: 'code_1', state: 'st_9f2c' } },
      { type: 'exchange' },
      { type: 'exchange_succeeded', result: { status: 'connected', integration } },
      { type: 'exchange_failed', error: apiError },
      { type: 'choose_tenant', tenantId: 'ten_1' },
      { type: 'tenant_saved', integration },
      { type: 'tenant_failed', error: apiError },
      { type: 'cancel' },
    ];
    checkEventTable(transition, states, events, {
      idle: ['connect', 'callback'],
      authorizing: ['authorize_succeeded', 'authorize_failed', 'cancel'],
      redirecting: ['callback', 'cancel'],
      popup_open: ['popup_blocked', 'popup_closed', 'callback', 'cancel'],
      callback_received: ['exchange', 'cancel'],
      exchanging: ['exchange_succeeded', 'exchange_failed'],
      choose_tenant: ['choose_tenant', 'cancel'],
      saving_tenant: ['tenant_saved', 'tenant_failed'],
      connected: [],
      cancelled: ['connect'],
      failed: ['connect'],
    });
  });
});

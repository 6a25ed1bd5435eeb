import { describe, expect, it } from 'vitest';
import { expectIssue, expectValid, issuesOf } from '../../test/schema-assert.js';
import {
  CompanyMappingPage, CompanyMappingQuery, CompanyMappingUpdate, Integration, IntegrationList, Pax8Credentials, Pax8TestResult,
  SyncRun, XeroAuthorizeRequest, XeroCallback, XeroCallbackResult, XeroTenantChoice,
} from './integrations.js';

const at = '2026-11-24T09:00:00.000Z';
const pax8 = {
  provider: 'pax8', status: 'connected', accountLabel: 'client-id-123', secretLast4: '1234', tenant: null,
  lastSyncAt: at, nextSyncAt: null, counts: { companies: 12, subscriptions: 40 }, error: null, connectedAt: at,
};

describe('Integration', () => {
  it('accepts every status and refuses an unknown one', () => {
    for (const status of ['not_configured', 'connected', 'syncing', 'error', 'needs_reauth']) expectValid(Integration, { ...pax8, status });
    expectIssue(IntegrationList, { items: [pax8, { ...pax8, status: 'broken' }] }, ['items', 1, 'status']);
    expectIssue(Integration, { ...pax8, provider: 'quickbooks' }, ['provider']);
    expectIssue(Integration, { ...pax8, counts: { companies: -1 } }, ['counts', 'companies']);
  });
});

describe('Pax8Credentials', () => {
  it('trims and checks the client ID and optional secret', () => {
    expect(expectValid(Pax8Credentials, { clientId: ' client-id-123 ' })).toEqual({ clientId: 'client-id-123' });
    expectValid(Pax8Credentials, { clientId: 'client-id-123', clientSecret: 's'.repeat(16) });
    expectIssue(Pax8Credentials, { clientId: 'short' }, ['clientId'], /at least 8/);
    expectIssue(Pax8Credentials, { clientId: 'client-id-123', clientSecret: 'too-short' }, ['clientSecret'], /at least 16/);
  });
});

describe('Pax8TestResult', () => {
  it('is a union on ok: success carries a company count', () => {
    expect(expectValid(Pax8TestResult, { ok: true, companyCount: 3 })).toEqual({ ok: true, companyCount: 3 });
    expectIssue(Pax8TestResult, { ok: true, companyCount: -1 }, ['companyCount']);
  });

  it('failure carries one of the mapped reasons', () => {
    for (const reason of ['invalid_credentials', 'insufficient_access', 'rate_limited', 'provider_unavailable']) {
      expectValid(Pax8TestResult, { ok: false, reason, message: 'x' });
    }
    expectValid(Pax8TestResult, { ok: false, reason: 'rate_limited', message: 'Slow down', retryAfterSeconds: 30 });
    expectIssue(Pax8TestResult, { ok: false, reason: 'timeout', message: 'x' }, ['reason']);
    expectIssue(Pax8TestResult, { ok: false, reason: 'rate_limited' }, ['message']);
    expect(issuesOf(Pax8TestResult, { ok: 'maybe' })).not.toEqual([]);
  });
});

describe('Xero', () => {
  it('authorize accepts http(s) return URLs only', () => {
    expectValid(XeroAuthorizeRequest, {});
    expectValid(XeroAuthorizeRequest, { returnTo: 'https://portal.example.com/settings/integrations', mode: 'popup' });
    expectIssue(XeroAuthorizeRequest, { returnTo: '/settings' }, ['returnTo'], /absolute/);
    expectIssue(XeroAuthorizeRequest, { returnTo: 'javascript:alert(1)' }, ['returnTo']);
    expectIssue(XeroAuthorizeRequest, { mode: 'tab' }, ['mode']);
  });

  it('callback needs the state; the result is connected or choose_tenant', () => {
    expectValid(XeroCallback, { state: 's', code: 'c' });
    expectValid(XeroCallback, { state: 's', error: 'access_denied' });
    expectIssue(XeroCallback, { state: '', code: 'c' }, ['state']);
    expectValid(XeroCallbackResult, { status: 'connected', integration: { ...pax8, provider: 'xero' } });
    expectValid(XeroCallbackResult, { status: 'choose_tenant', tenants: [{ id: 't1', name: 'Acme Ltd' }] });
    expectIssue(XeroCallbackResult, { status: 'choose_tenant', tenants: [{ id: 't1' }] }, ['tenants', 0, 'name']);
    expectIssue(XeroTenantChoice, { tenantId: '' }, ['tenantId'], /Choose an organisation/);
  });
});

describe('sync runs and company mappings', () => {
  it('SyncRun', () => {
    const run = { id: 'r1', provider: 'xero', trigger: 'manual', status: 'running', startedAt: at, finishedAt: null, counts: {}, error: null };
    expectValid(SyncRun, run);
    expectIssue(SyncRun, { ...run, trigger: 'webhook' }, ['trigger']);
  });

  it('CompanyMappingQuery coerces limit and filters by status', () => {
    expect(expectValid(CompanyMappingQuery, { limit: '20', status: 'unmapped' })).toEqual({ limit: 20, status: 'unmapped' });
    expectIssue(CompanyMappingQuery, { status: 'ignored' }, ['status']);
  });

  it('CompanyMappingPage lists mappings and the clients to choose from', () => {
    const mapping = { pax8CompanyId: 'p1', pax8CompanyName: 'Acme', clientId: null, clientName: null, status: 'unmapped', suggestion: { clientId: 'c1', clientName: 'ACME Ltd', score: 0.9 } };
    expectValid(CompanyMappingPage, { items: [mapping], nextCursor: null, clients: [{ id: 'c1', name: 'ACME Ltd' }] });
    expectIssue(CompanyMappingPage, { items: [mapping], nextCursor: null }, ['clients']);
  });

  it('CompanyMappingUpdate maps or unmaps in bulk', () => {
    expectValid(CompanyMappingUpdate, { mappings: [{ pax8CompanyId: 'p1', clientId: 'c1' }, { pax8CompanyId: 'p2', clientId: null }] });
    expectIssue(CompanyMappingUpdate, { mappings: [] }, ['mappings'], /at least one/);
    expectIssue(CompanyMappingUpdate, { mappings: [{ pax8CompanyId: 'p1', clientId: 'c1' }, { pax8CompanyId: '', clientId: 'c1' }] }, ['mappings', 1, 'pax8CompanyId']);
    expectIssue(CompanyMappingUpdate, { mappings: [{ pax8CompanyId: 'p1' }] }, ['mappings', 0, 'clientId']);
  });
});

import { integrationEndpoints, providers, type Pax8TestResult, type Provider, type SyncRun } from '@billingone/settings-core';
import { createNameMatcher, fieldProblem, keysetPage, problem, decodeCursor, decodeTimeCursor, encodeCursor } from '@billingone/settings-core/implementation';
import { handler, iso, isoOrNull } from '../context.js';
import { compareText } from '../text-order.js';
import { pax8Demo, xeroDemo } from '../fixtures/people.js';
import type { IntegrationRecord, MockState } from '../state.js';

const label: Record<Provider, string> = { pax8: 'Pax8', xero: 'Xero' };
const SYNC_INTERVAL_MS = 6 * 3600_000;
const SUGGESTION_THRESHOLD = 0.5;
const PAX8_TEST_LIMIT = { limit: 10, windowSeconds: 60 } as const;

const defaultCounts = (provider: Provider): Record<string, number> => (provider === 'pax8' ? { companies: 0, products: 0, subscriptions: 0 } : { invoices: 0 });
const integrationTarget = (provider: Provider) => ({ type: 'integration', id: provider, label: label[provider] });

/** The card of a provider as `GET /integrations` answers it; secrets never appear. */
export function integrationJson(provider: Provider, row: IntegrationRecord | undefined) {
  if (!row || row.status === 'choose_tenant') {
    return {
      provider, status: 'not_configured' as const, accountLabel: null, secretLast4: null, tenant: null, lastSyncAt: null, nextSyncAt: null,
      counts: defaultCounts(provider),
      error: row ? { code: 'tenant_required', message: 'Choose the Xero organisation to sync.' } : null,
      connectedAt: null,
    };
  }
  return {
    provider,
    status: row.status,
    accountLabel: provider === 'pax8' ? row.clientId : (row.tenant?.name ?? null),
    secretLast4: provider === 'pax8' && row.secret ? row.secret.slice(-4) : null,
    tenant: provider === 'xero' ? row.tenant : null,
    lastSyncAt: isoOrNull(row.lastSyncAt),
    nextSyncAt: row.status === 'needs_reauth' ? null : isoOrNull(row.nextSyncAt),
    counts: { ...defaultCounts(provider), ...row.counts },
    error: row.error,
    connectedAt: isoOrNull(row.connectedAt),
  };
}

/** What the Pax8 simulator answers to Test Connection (token, then one company). */
function simulatePax8(clientId: string, clientSecret: string): Pax8TestResult {
  if (clientId === pax8Demo.clientId && clientSecret === pax8Demo.secret) return { ok: true, companyCount: pax8Demo.companies };
  if (clientId === pax8Demo.limitedClientId && clientSecret === pax8Demo.limitedSecret) {
    return { ok: false, reason: 'insufficient_access', message: 'The credentials are valid but cannot read companies. Give the Pax8 API client access to companies.' };
  }
  return { ok: false, reason: 'invalid_credentials', message: 'Pax8 refused the client ID and client secret.' };
}

/** The secret sent, or the stored one when omitted (only with the client ID it was saved with). */
function resolvePax8(state: MockState, body: { clientId: string; clientSecret?: string | undefined }) {
  const stored = state.integrations.get('pax8');
  if (body.clientSecret) return { clientId: body.clientId, clientSecret: body.clientSecret, newSecret: true };
  if (!stored?.secret) throw fieldProblem('clientSecret', 'Enter the client secret.', 'required');
  if (stored.clientId !== body.clientId) throw fieldProblem('clientSecret', 'Enter the client secret that goes with this client ID.', 'required');
  return { clientId: body.clientId, clientSecret: stored.secret, newSecret: false };
}

function auditView(provider: Provider, row: IntegrationRecord | undefined) {
  if (!row) return null;
  return { status: row.status, ...(provider === 'pax8' ? { clientId: row.clientId } : { tenant: row.tenant }) };
}

function companies(state: MockState) {
  const pax8 = state.integrations.get('pax8');
  return pax8?.lastSyncAt ? state.pax8Companies : [];
}

export const integrationHandlers = [
  handler(integrationEndpoints.list, ({ state }) => ({ items: providers.map((provider) => integrationJson(provider, state.integrations.get(provider))) })),
  handler(integrationEndpoints.testPax8, ({ state, body, rateLimit }) => {
    const credentials = resolvePax8(state, body);
    rateLimit('integrations.pax8.test', state.organization.id, PAX8_TEST_LIMIT);
    return simulatePax8(credentials.clientId, credentials.clientSecret);
  }),
  handler(integrationEndpoints.savePax8, ({ state, body, now, audit, rateLimit }) => {
    const credentials = resolvePax8(state, body);
    rateLimit('integrations.pax8.test', state.organization.id, PAX8_TEST_LIMIT);
    const result = simulatePax8(credentials.clientId, credentials.clientSecret);
    if (!result.ok) {
      const field = result.reason === 'invalid_credentials' ? 'clientSecret' : result.reason === 'insufficient_access' ? 'clientId' : '';
      throw problem(422, result.reason, result.message, {
        fieldErrors: [{ path: field, message: result.message, code: result.reason }],
        extra: { reason: result.reason },
      });
    }
    const before = state.integrations.get('pax8');
    const sameClient = before?.clientId === credentials.clientId;
    const row: IntegrationRecord = {
      status: before?.status === 'syncing' ? 'syncing' : 'connected',
      clientId: credentials.clientId,
      secret: credentials.clientSecret,
      tenant: null,
      tenants: [],
      counts: before?.counts ?? defaultCounts('pax8'),
      error: null,
      connectedAt: sameClient && before?.connectedAt ? before.connectedAt : now,
      lastSyncAt: before?.lastSyncAt ?? null,
      nextSyncAt: now,
    };
    state.integrations.set('pax8', row);
    audit({
      action: 'integration.pax8.configured',
      target: integrationTarget('pax8'),
      before: auditView('pax8', before),
      after: { ...auditView('pax8', row), credentialReplaced: credentials.newSecret, companiesVisible: result.companyCount },
    });
    return integrationJson('pax8', row);
  }),
  handler(integrationEndpoints.authorizeXero, ({ actor, state, body, now, request, rateLimit }) => {
    rateLimit('integrations.xero.authorize', actor.memberId, { limit: 20, windowSeconds: 600 });
    const mode = body.mode ?? 'redirect';
    const apiOrigin = new URL(request.url).origin;
    const allowed = new Set([apiOrigin, ...state.organization.embedOrigins]);
    if (body.returnTo) {
      const origin = new URL(body.returnTo).origin;
      if (!allowed.has(origin)) {
        throw fieldProblem('returnTo', `Xero can only return to this API's origin or one of the organization's embedding origins, not ${origin}.`, 'origin_not_allowed');
      }
    } else if (mode === 'redirect') {
      throw fieldProblem('returnTo', 'Give the page Xero returns to (returnTo) when connecting by redirect.', 'required');
    }
    const oauthState = state.newId('xst');
    const expiresAt = now + 10 * 60_000;
    state.xeroStates.set(oauthState, { memberId: actor.memberId, expiresAt, used: false });
    const authorize = new URL('https://login.xero.com/identity/connect/authorize');
    authorize.search = new URLSearchParams({
      response_type: 'code', client_id: 'XERO_DEMO_CLIENT_ID', redirect_uri: `${apiOrigin}/v1/integrations/xero/return`,
      scope: 'openid profile email accounting.transactions offline_access', state: oauthState, code_challenge: 'mock-pkce-challenge', code_challenge_method: 'S256',
    }).toString();
    return { authorizeUrl: authorize.toString(), state: oauthState, expiresAt: iso(expiresAt) };
  }),
  handler(integrationEndpoints.xeroCallback, ({ actor, state, body, now, audit }) => {
    const pending = state.xeroStates.get(body.state);
    if (!pending || pending.used || pending.expiresAt <= now || pending.memberId !== actor.memberId) {
      const message = 'This Xero sign-in is unknown, expired, already used or was started in another session. Connect again.';
      throw problem(400, 'oauth_state_invalid', message, { fieldErrors: [{ path: 'state', message, code: 'oauth_state_invalid' }] });
    }
    pending.used = true;
    if (body.error) {
      const [code, message] = body.error === 'access_denied'
        ? ['oauth_cancelled', 'Connecting Xero was cancelled.']
        : ['oauth_failed', `Xero did not authorise the connection (${body.error.slice(0, 100)}). Try again.`];
      throw problem(400, code, message, { fieldErrors: [{ path: 'error', message, code }] });
    }
    if (!body.code) throw fieldProblem('code', 'The authorisation code from Xero is missing.', 'required');
    if (body.code !== `xero-code-${body.state}`) {
      const message = 'Xero refused the authorisation (it expired or was already used). Connect again.';
      throw problem(400, 'oauth_exchange_failed', message, { fieldErrors: [{ path: 'code', message, code: 'oauth_exchange_failed' }] });
    }
    const before = state.integrations.get('xero');
    const tenants = [...xeroDemo.tenants];
    const row: IntegrationRecord = {
      status: 'choose_tenant', clientId: null, secret: null, tenant: null, tenants, counts: {}, error: null, connectedAt: now, lastSyncAt: null, nextSyncAt: now,
    };
    state.integrations.set('xero', row);
    audit({ action: 'integration.xero.authorized', target: integrationTarget('xero'), before: auditView('xero', before), after: { ...auditView('xero', row), tenantsAvailable: tenants.length } });
    return { status: 'choose_tenant' as const, tenants };
  }),
  handler(integrationEndpoints.chooseXeroTenant, ({ state, body, now, audit }) => {
    const before = state.integrations.get('xero');
    if (!before) throw problem(409, 'xero_not_connected', 'Connect Xero first.');
    if (before.status === 'syncing') throw problem(409, 'sync_in_progress', 'A sync is running. Choose the organisation when it has finished.');
    const tenant = before.tenants.find((each) => each.id === body.tenantId);
    if (!tenant) throw fieldProblem('tenantId', 'This organisation is not part of the Xero connection. Choose one of the list.', 'unknown_tenant');
    const changed = before.tenant?.id !== tenant.id || before.status === 'choose_tenant';
    const after: IntegrationRecord = {
      ...before,
      status: before.status === 'needs_reauth' ? 'needs_reauth' : 'connected',
      tenant,
      error: before.status === 'needs_reauth' ? before.error : null,
      connectedAt: changed ? now : before.connectedAt,
      nextSyncAt: changed ? now : before.nextSyncAt,
      counts: changed ? {} : before.counts,
    };
    state.integrations.set('xero', after);
    audit({ action: 'integration.xero.connected', target: integrationTarget('xero'), before: auditView('xero', before), after: auditView('xero', after) });
    return integrationJson('xero', after);
  }),
  handler(integrationEndpoints.sync, ({ state, params, now, audit }) => {
    const provider = params.provider;
    const row = state.integrations.get(provider);
    if (!row) throw problem(404, 'integration_not_configured', `${label[provider]} is not connected.`);
    if (row.status === 'needs_reauth') {
      throw problem(409, 'needs_reauth', provider === 'pax8' ? 'Pax8 refused the saved credentials. Enter them again.' : 'Xero needs to be connected again.');
    }
    if (row.status === 'choose_tenant') throw problem(409, 'tenant_required', 'Choose the Xero organisation to sync first.');
    if (row.status === 'syncing') throw problem(409, 'sync_in_progress', 'A sync is already running. Wait for it to finish.');
    const counts: Record<string, number> = provider === 'pax8'
      ? { companies: pax8Demo.companies, products: pax8Demo.products, subscriptions: pax8Demo.subscriptions }
      : { invoices: row.tenant?.id === xeroDemo.tenants[1].id ? 24 : xeroDemo.invoices };
    const run: SyncRun = {
      id: state.newId('syn'), provider, trigger: 'manual', status: 'succeeded',
      startedAt: iso(now), finishedAt: iso(now + 1200), counts, error: null,
    };
    state.syncRuns.push(run);
    Object.assign(row, { status: 'connected', counts, error: null, lastSyncAt: now, nextSyncAt: now + SYNC_INTERVAL_MS });
    audit({ action: 'integration.synced', target: integrationTarget(provider), after: { runId: run.id, status: run.status, counts, error: null } });
    return run;
  }),
  handler(integrationEndpoints.syncRuns, ({ state, params, query }) => {
    const limit = query.limit ?? 20;
    const runs = state.syncRuns
      .filter((run) => run.provider === params.provider)
      .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || compareText(b.id, a.id));
    const after = query.cursor ? decodeTimeCursor(query.cursor) : null;
    const rest = after ? runs.filter((run) => Date.parse(run.startedAt) < after.at || (Date.parse(run.startedAt) === after.at && run.id < after.id)) : runs;
    const { page, nextCursor } = keysetPage(rest, limit, (last) => encodeCursor([last.startedAt, last.id]));
    return { items: page, nextCursor };
  }),
  handler(integrationEndpoints.disconnect, ({ state, params, audit }) => {
    const provider = params.provider;
    const row = state.integrations.get(provider);
    if (!row) throw problem(404, 'integration_not_configured', `${label[provider]} is not connected.`);
    state.integrations.delete(provider);
    if (provider === 'pax8') state.mappings.clear();
    audit({
      action: 'integration.disconnected',
      target: integrationTarget(provider),
      before: auditView(provider, row),
      after: provider === 'xero' ? { revokedAtXero: true } : { storedCredentialsDeleted: true },
    });
  }),
  /** Pax8 companies (as last synced) sorted by name, the client each maps to, and a suggestion for the others. */
  handler(integrationEndpoints.companyMappings, ({ state, query }) => {
    const limit = query.limit ?? 50;
    const clientsById = new Map(state.clients.map((client) => [client.id, client]));
    const mappedClients = new Set(state.mappings.values());
    const matcher = createNameMatcher(state.clients);
    const all = companies(state)
      .map((company) => ({ company, key: company.name.toLowerCase() }))
      .sort((a, b) => compareText(a.key, b.key) || compareText(a.company.id, b.company.id))
      .map(({ company, key }) => {
        const clientId = state.mappings.get(company.id);
        if (clientId) {
          return { key, item: { pax8CompanyId: company.id, pax8CompanyName: company.name, clientId, clientName: clientsById.get(clientId)?.name ?? null, status: 'mapped' as const, suggestion: null } };
        }
        const best = matcher.best(company.name, SUGGESTION_THRESHOLD, mappedClients);
        const suggestion = best ? { clientId: best.id, clientName: best.name, score: best.score } : null;
        return { key, item: { pax8CompanyId: company.id, pax8CompanyName: company.name, clientId: null, clientName: null, status: best ? ('suggested' as const) : ('unmapped' as const), suggestion } };
      });
    const filtered = query.status ? all.filter((entry) => entry.item.status === query.status) : all;
    const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
    const rest = after ? filtered.filter((entry) => compareText(entry.key, after[0]!) > 0 || (entry.key === after[0] && compareText(entry.item.pax8CompanyId, after[1]!) > 0)) : filtered;
    const { page, nextCursor } = keysetPage(rest, limit, (last) => encodeCursor([last.key, last.item.pax8CompanyId]));
    return {
      items: page.map((entry) => entry.item),
      nextCursor,
      total: filtered.length,
      clients: state.clients.map((client) => ({ id: client.id, name: client.name })),
    };
  }),
  handler(integrationEndpoints.updateCompanyMappings, ({ state, body, audit }) => {
    if (!state.integrations.has('pax8')) throw problem(409, 'integration_not_configured', 'Pax8 is not connected. Connect it to map companies.');
    const companyName = new Map(companies(state).map((company) => [company.id, company.name]));
    const clientName = new Map(state.clients.map((client) => [client.id, client.name]));
    const fieldErrors: { path: string; message: string; code: string }[] = [];
    const seen = new Set<string>();
    body.mappings.forEach((mapping, index) => {
      if (seen.has(mapping.pax8CompanyId)) fieldErrors.push({ path: `mappings.${index}.pax8CompanyId`, message: 'This company is listed twice.', code: 'duplicate' });
      seen.add(mapping.pax8CompanyId);
      if (!companyName.has(mapping.pax8CompanyId)) fieldErrors.push({ path: `mappings.${index}.pax8CompanyId`, message: 'No synced Pax8 company has this ID.', code: 'unknown_company' });
      if (mapping.clientId && !clientName.has(mapping.clientId)) fieldErrors.push({ path: `mappings.${index}.clientId`, message: 'No client of this organization has this ID.', code: 'unknown_client' });
    });
    if (fieldErrors.length > 0) throw problem(422, 'validation_failed', 'Some mappings name a company or client that does not exist.', { fieldErrors });
    let updated = 0;
    for (const mapping of body.mappings) {
      if ((state.mappings.get(mapping.pax8CompanyId) ?? null) === mapping.clientId) continue;
      if (mapping.clientId === null) state.mappings.delete(mapping.pax8CompanyId);
      else state.mappings.set(mapping.pax8CompanyId, mapping.clientId);
      updated++;
    }
    audit({ action: 'integration.pax8.mappings_updated', target: integrationTarget('pax8'), after: { updated } });
    return { updated };
  }),
];

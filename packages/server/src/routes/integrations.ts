import { api, providers } from '@billingone/settings-core';
import type { Hono } from 'hono';
import type { ResolvedDeps } from '../app/deps.js';
import type { AppEnv } from '../app/env.js';
import { problem } from '../app/problem.js';
import { defineRoute, type RouteContext } from '../app/route.js';
import { deleteIntegration, revokeAtProvider } from '../integrations/disconnect.js';
import { integrationEnv } from '../integrations/env.js';
import { notConfigured, providerNotConfigured } from '../integrations/errors.js';
import { listCompanyMappings, updateCompanyMappings } from '../integrations/mappings.js';
import { PAX8_TEST_LIMIT, pax8SaveProblem, resolvePax8Credentials, storePax8Credentials, testPax8 } from '../integrations/pax8-credentials.js';
import { integrationJson, integrationTarget, loadIntegration, loadIntegrations, providerLabel, type IntegrationRow } from '../integrations/store.js';
import { listSyncRuns } from '../integrations/sync-runs.js';
import { runSync } from '../integrations/sync.js';
import {
  apiBaseUrl,
  callbackResult,
  chooseXeroTenant,
  exchangeXeroCallback,
  startXeroAuthorization,
  storeXeroGrant,
} from '../integrations/xero-oauth.js';
import { registerXeroReturnPage } from '../integrations/xero-return-page.js';

const envOf = (ctx: RouteContext) => integrationEnv(ctx.deps);

/** The integration as the audit log shows it: identifiers and state, never secrets or tokens. */
function auditView(row: IntegrationRow | null) {
  if (!row) return null;
  return {
    status: row.status,
    ...(row.provider === 'pax8' ? { clientId: row.client_id } : { tenant: row.tenant_id ? { id: row.tenant_id, name: row.tenant_name } : null }),
  };
}

const list = defineRoute(api.integrations.list, async (ctx) => {
  const stored = await loadIntegrations(ctx.tx, ctx.actor.orgId);
  return { items: providers.map((provider) => integrationJson(provider, stored.get(provider) ?? null)) };
});

const testPax8Route = defineRoute(
  api.integrations.testPax8,
  async (ctx) => {
    const env = envOf(ctx);
    const { credentials } = await resolvePax8Credentials(env, ctx.actor.orgId, ctx.body);
    if (!env.pax8) throw providerNotConfigured('pax8');
    ctx.rateLimit('integrations.pax8.test', ctx.actor.orgId, PAX8_TEST_LIMIT);
    return testPax8(env, credentials);
  },
  { transaction: false },
);

const savePax8 = defineRoute(
  api.integrations.savePax8,
  async (ctx) => {
    const env = envOf(ctx);
    const { orgId } = ctx.actor;
    const { credentials, stored, newSecret } = await resolvePax8Credentials(env, orgId, ctx.body);
    if (!env.pax8) throw providerNotConfigured('pax8');
    ctx.rateLimit('integrations.pax8.test', orgId, PAX8_TEST_LIMIT);
    const result = await testPax8(env, credentials);
    if (!result.ok) throw pax8SaveProblem(result);
    return ctx.db.transaction(async (tx) => {
      await storePax8Credentials(env, tx, orgId, credentials);
      const after = (await loadIntegration(tx, orgId, 'pax8'))!;
      await ctx.audit(
        {
          action: 'integration.pax8.configured',
          target: integrationTarget('pax8'),
          before: auditView(stored),
          after: { ...auditView(after), credentialReplaced: newSecret, companiesVisible: result.companyCount },
        },
        tx,
      );
      return integrationJson('pax8', after);
    });
  },
  { transaction: false },
);

const authorizeXero = defineRoute(api.integrations.authorizeXero, async (ctx) => {
  const env = envOf(ctx);
  ctx.rateLimit('integrations.xero.authorize', ctx.actor.memberId, { limit: 20, windowSeconds: 600 });
  return startXeroAuthorization(env, ctx.tx, {
    actor: ctx.actor,
    returnTo: ctx.body.returnTo,
    mode: ctx.body.mode,
    apiBase: apiBaseUrl(ctx.deps.publicUrl, ctx.c.req.url),
    origin: ctx.c.req.header('origin') ?? null,
  });
});

const xeroCallback = defineRoute(
  api.integrations.xeroCallback,
  async (ctx) => {
    const env = envOf(ctx);
    const grant = await exchangeXeroCallback(env, { actor: ctx.actor, ...ctx.body });
    return ctx.db.transaction(async (tx) => {
      const { before, after } = await storeXeroGrant(env, tx, ctx.actor.orgId, grant);
      const connected = after.status === 'connected';
      await ctx.audit(
        {
          action: connected ? 'integration.xero.connected' : 'integration.xero.authorized',
          target: integrationTarget('xero'),
          before: auditView(before),
          after: { ...auditView(after), tenantsAvailable: grant.tenants.length },
        },
        tx,
      );
      return callbackResult(after);
    });
  },
  { transaction: false },
);

const chooseTenant = defineRoute(api.integrations.chooseXeroTenant, async (ctx) => {
  const { before, after, integration } = await chooseXeroTenant(envOf(ctx), ctx.tx, ctx.actor.orgId, ctx.body.tenantId);
  await ctx.audit({ action: 'integration.xero.connected', target: integrationTarget('xero'), before: auditView(before), after: auditView(after) });
  return integration;
});

const sync = defineRoute(
  api.integrations.sync,
  async (ctx) => {
    const provider = ctx.params.provider;
    return runSync(envOf(ctx), ctx.actor.orgId, provider, {
      trigger: 'manual',
      onFinished: (tx, run) =>
        ctx.audit(
          {
            action: 'integration.synced',
            target: integrationTarget(provider),
            after: { runId: run.id, status: run.status, counts: run.counts, error: run.error },
          },
          tx,
        ),
    });
  },
  { transaction: false },
);

const syncRuns = defineRoute(api.integrations.syncRuns, async (ctx) =>
  listSyncRuns(ctx.tx, ctx.actor.orgId, ctx.params.provider, ctx.query),
);

const disconnect = defineRoute(
  api.integrations.disconnect,
  async (ctx) => {
    const env = envOf(ctx);
    const { orgId } = ctx.actor;
    const provider = ctx.params.provider;
    const row = await loadIntegration(ctx.db, orgId, provider);
    if (!row) throw notConfigured(provider);
    const revoked = await revokeAtProvider(env, row);
    await ctx.db.transaction(async (tx) => {
      await deleteIntegration(tx, orgId, provider);
      await ctx.audit(
        {
          action: 'integration.disconnected',
          target: integrationTarget(provider),
          before: auditView(row),
          after: provider === 'xero' ? { revokedAtXero: revoked } : { storedCredentialsDeleted: true },
        },
        tx,
      );
    });
  },
  { transaction: false },
);

const companyMappings = defineRoute(api.integrations.companyMappings, async (ctx) =>
  listCompanyMappings(ctx.tx, ctx.actor.orgId, ctx.query),
);

const updateCompanyMappingsRoute = defineRoute(api.integrations.updateCompanyMappings, async (ctx) => {
  const { orgId } = ctx.actor;
  const { rows } = await ctx.tx.query('SELECT 1 FROM integrations WHERE org_id = $1 AND provider = $2', [orgId, 'pax8']);
  if (rows.length === 0) throw problem(409, 'integration_not_configured', `${providerLabel.pax8} is not connected. Connect it to map companies.`);
  const changes = await updateCompanyMappings(ctx.tx, orgId, ctx.actor.memberId, ctx.body.mappings, ctx.now);
  await ctx.audit({
    action: 'integration.pax8.mappings_updated',
    target: integrationTarget('pax8'),
    after: {
      updated: changes.length,
      mapped: changes.filter((c) => c.to).slice(0, 100).map((c) => ({ company: c.pax8CompanyName, companyId: c.pax8CompanyId, client: c.to!.name, clientId: c.to!.id })),
      unmapped: changes.filter((c) => !c.to).slice(0, 100).map((c) => ({ company: c.pax8CompanyName, companyId: c.pax8CompanyId, previousClient: c.from?.name ?? null })),
    },
  });
  return { updated: changes.length };
});

export const routes = [
  list,
  testPax8Route,
  savePax8,
  authorizeXero,
  xeroCallback,
  chooseTenant,
  sync,
  syncRuns,
  disconnect,
  companyMappings,
  updateCompanyMappingsRoute,
];

/** The page Xero returns the browser to (outside the contract: it answers HTML and redirects). */
export function register(app: Hono<AppEnv>, deps: ResolvedDeps): void {
  registerXeroReturnPage(app, deps);
}

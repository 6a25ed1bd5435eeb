import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { Id, Page, PageQuery, Timestamp } from './common.js';

export const providers = ['pax8', 'xero'] as const;
export const ProviderSchema = z.enum(providers);
export type Provider = (typeof providers)[number];

export const integrationStatuses = ['not_configured', 'connected', 'syncing', 'error', 'needs_reauth'] as const;
export const IntegrationStatus = z.enum(integrationStatuses);
export type IntegrationStatus = (typeof integrationStatuses)[number];

export const SyncCounts = z.record(z.string(), z.number().check(z.int(), z.gte(0)));

export const Integration = z.object({
  provider: ProviderSchema,
  status: IntegrationStatus,
  /** Pax8: the client ID; Xero: the chosen tenant's name. */
  accountLabel: z.nullable(z.string()),
  /** Pax8: last 4 characters of the stored secret (the secret itself is never returned). */
  secretLast4: z.nullable(z.string()),
  /** Xero: the chosen tenant. */
  tenant: z.nullable(z.object({ id: z.string(), name: z.string() })),
  lastSyncAt: z.nullable(Timestamp),
  nextSyncAt: z.nullable(Timestamp),
  counts: SyncCounts,
  error: z.nullable(z.object({ code: z.string(), message: z.string() })),
  connectedAt: z.nullable(Timestamp),
});
export type Integration = z.infer<typeof Integration>;
export const IntegrationList = z.object({ items: z.array(Integration) });

export const Pax8ClientId = z.string().check(z.trim(), z.minLength(8, 'A Pax8 client ID has at least 8 characters.'), z.maxLength(128));
export const Pax8ClientSecret = z.string().check(z.trim(), z.minLength(16, 'A Pax8 client secret has at least 16 characters.'), z.maxLength(256));

/** Test or save Pax8 credentials. Omit `clientSecret` to keep (or test) the stored one. */
export const Pax8Credentials = z.object({
  clientId: Pax8ClientId,
  clientSecret: z.optional(Pax8ClientSecret),
});
export type Pax8Credentials = z.input<typeof Pax8Credentials>;

export const pax8TestFailures = ['invalid_credentials', 'insufficient_access', 'rate_limited', 'provider_unavailable'] as const;
export const Pax8TestResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), companyCount: z.number().check(z.int(), z.gte(0)) }),
  z.object({ ok: z.literal(false), reason: z.enum(pax8TestFailures), message: z.string(), retryAfterSeconds: z.optional(z.number()) }),
]);
export type Pax8TestResult = z.infer<typeof Pax8TestResult>;

export const XeroAuthorizeRequest = z.object({
  /** Where the provider returns to: the host page that finishes the flow (must be an allowed origin). */
  returnTo: z.optional(z.url({ protocol: /^https?$/, error: 'Use an absolute http(s) URL.' })),
  mode: z.optional(z.enum(['redirect', 'popup'])),
});
export const XeroAuthorization = z.object({ authorizeUrl: z.url(), state: z.string(), expiresAt: Timestamp });
export const XeroCallback = z.object({
  state: z.string().check(z.minLength(1)),
  code: z.optional(z.string()),
  error: z.optional(z.string()),
});
export const XeroTenant = z.object({ id: z.string(), name: z.string() });
export const XeroCallbackResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('connected'), integration: Integration }),
  z.object({ status: z.literal('choose_tenant'), tenants: z.array(XeroTenant) }),
]);
export type XeroCallbackResult = z.infer<typeof XeroCallbackResult>;
export const XeroTenantChoice = z.object({ tenantId: z.string().check(z.minLength(1, 'Choose an organisation.')) });

export const syncTriggers = ['manual', 'scheduled'] as const;
export const SyncRun = z.object({
  id: Id,
  provider: ProviderSchema,
  trigger: z.enum(syncTriggers),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedAt: Timestamp,
  finishedAt: z.nullable(Timestamp),
  counts: SyncCounts,
  error: z.nullable(z.object({ code: z.string(), message: z.string() })),
});
export type SyncRun = z.infer<typeof SyncRun>;

export const CompanyMapping = z.object({
  pax8CompanyId: z.string(),
  pax8CompanyName: z.string(),
  clientId: z.nullable(Id),
  clientName: z.nullable(z.string()),
  status: z.enum(['mapped', 'suggested', 'unmapped']),
  /** Name-similarity suggestion, 0–1, when unmapped. */
  suggestion: z.nullable(z.object({ clientId: Id, clientName: z.string(), score: z.number() })),
});
export type CompanyMapping = z.infer<typeof CompanyMapping>;
export const CompanyMappingQuery = z.extend(PageQuery, {
  status: z.optional(z.enum(['mapped', 'suggested', 'unmapped'])),
});
export const BillingClient = z.object({ id: Id, name: z.string() });
export const CompanyMappingPage = z.extend(Page(CompanyMapping), { clients: z.array(BillingClient) });
export const CompanyMappingUpdate = z.object({
  mappings: z.array(z.object({ pax8CompanyId: z.string().check(z.minLength(1)), clientId: z.nullable(Id) }))
    .check(z.minLength(1, 'Choose at least one mapping.'), z.maxLength(500)),
});

const i = { tag: 'Integrations' } as const;
const ProviderParams = z.object({ provider: ProviderSchema });
export const integrationEndpoints = {
  list: endpoint({ ...i, id: 'integrations.list', method: 'GET', path: '/integrations', access: 'integrations.view', response: IntegrationList }),
  testPax8: endpoint({ ...i, id: 'integrations.pax8.test', method: 'POST', path: '/integrations/pax8/test', access: 'integrations.manage', body: Pax8Credentials, response: Pax8TestResult }),
  savePax8: endpoint({ ...i, id: 'integrations.pax8.save', method: 'PUT', path: '/integrations/pax8', access: 'integrations.manage', body: Pax8Credentials, response: Integration }),
  authorizeXero: endpoint({ ...i, id: 'integrations.xero.authorize', method: 'POST', path: '/integrations/xero/authorize', access: 'integrations.manage', body: XeroAuthorizeRequest, response: XeroAuthorization }),
  xeroCallback: endpoint({ ...i, id: 'integrations.xero.callback', method: 'POST', path: '/integrations/xero/callback', access: 'integrations.manage', body: XeroCallback, response: XeroCallbackResult }),
  chooseXeroTenant: endpoint({ ...i, id: 'integrations.xero.tenant', method: 'PUT', path: '/integrations/xero/tenant', access: 'integrations.manage', body: XeroTenantChoice, response: Integration }),
  sync: endpoint({ ...i, id: 'integrations.sync', method: 'POST', path: '/integrations/{provider}/sync', access: 'integrations.manage', creates: true, params: ProviderParams, response: SyncRun }),
  syncRuns: endpoint({ ...i, id: 'integrations.syncRuns', method: 'GET', path: '/integrations/{provider}/syncs', access: 'integrations.view', params: ProviderParams, query: PageQuery, response: Page(SyncRun) }),
  disconnect: endpoint({ ...i, id: 'integrations.disconnect', method: 'DELETE', path: '/integrations/{provider}', access: 'integrations.manage', params: ProviderParams }),
  companyMappings: endpoint({ ...i, id: 'integrations.pax8.mappings', method: 'GET', path: '/integrations/pax8/company-mappings', access: 'integrations.view', query: CompanyMappingQuery, response: CompanyMappingPage }),
  updateCompanyMappings: endpoint({ ...i, id: 'integrations.pax8.mappings.update', method: 'PUT', path: '/integrations/pax8/company-mappings', access: 'integrations.manage', body: CompanyMappingUpdate, response: z.object({ updated: z.number().check(z.int()) }) }),
};

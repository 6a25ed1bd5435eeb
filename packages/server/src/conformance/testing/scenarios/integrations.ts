import { api } from '@billingone/settings-core';
import type { Context } from '../context.js';
import { placeholderParams } from '../endpoints.js';
import type { Scenario } from '../scenario.js';
import { accessOnly, valid } from './prepared.js';

const pax8 = { params: { provider: 'pax8' } };

/** A Pax8 company and its current client, to map again to the same client (changes nothing). */
async function currentMapping(ctx: Context) {
  const owner = await ctx.sessions.of('owner');
  const first = async () => (await ctx.client.must(api.integrations.companyMappings, { query: { limit: 1 } }, owner)).items[0];
  let mapping = await first();
  if (!mapping) {
    await ctx.pax8.idle();
    await ctx.client.must(api.integrations.sync, pax8, owner);
    mapping = await first();
  }
  return mapping && { pax8CompanyId: mapping.pax8CompanyId, clientId: mapping.status === 'mapped' ? mapping.clientId : null };
}

export const integrationScenarios: Record<string, Scenario> = {
  'integrations.list': async () => valid(),
  /** Answers 200 whether Pax8 accepts the credentials or not; nothing is stored. */
  'integrations.pax8.test': async (ctx) =>
    valid({ body: ctx.pax8.credentials ?? { clientId: 'conformance-client', clientSecret: 'conformance-secret-0000' } }),
  'integrations.pax8.save': async (ctx) => {
    const current = await ctx.pax8.status();
    if ((current.status === 'connected' || current.status === 'syncing') && current.accountLabel) {
      return valid({ body: { clientId: current.accountLabel } });
    }
    if (await ctx.pax8.owns()) return valid({ body: ctx.pax8.credentials });
    return accessOnly({ body: { clientId: 'conformance-client' } });
  },
  /** Popup mode needs no return page; the state it creates expires unused. */
  'integrations.xero.authorize': async () => valid({ body: { mode: 'popup' } }),
  /** Finishing consent needs the provider's consent page; only the access side is checked. */
  'integrations.xero.callback': async () => accessOnly({ body: { state: 'conformance-unknown-state', code: 'conformance' } }),
  'integrations.xero.tenant': async () => accessOnly({ body: { tenantId: 'conformance-unknown-tenant' } }),
  'integrations.sync': async (ctx) => {
    if (!(await ctx.pax8.connect())) return accessOnly(pax8);
    await ctx.pax8.idle();
    return valid(pax8);
  },
  'integrations.syncRuns': async () => valid({ ...pax8, query: { limit: 5 } }),
  /** Only a connection the suite made; it connects again when a later request needs it. */
  'integrations.disconnect': async (ctx) => {
    if (!(await ctx.pax8.owns()) || !(await ctx.pax8.connect())) return accessOnly({ params: placeholderParams(api.integrations.disconnect) });
    await ctx.pax8.idle();
    return valid(pax8);
  },
  'integrations.pax8.mappings': async () => valid({ query: { limit: 10 } }),
  'integrations.pax8.mappings.update': async (ctx) => {
    const mapping = (await ctx.pax8.connect()) ? await currentMapping(ctx) : undefined;
    if (!mapping) return accessOnly({ body: { mappings: [{ pax8CompanyId: 'conformance-unknown', clientId: null }] } });
    return valid({ body: { mappings: [mapping] } });
  },
};

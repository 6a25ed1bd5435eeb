import { api, type EndpointResponse } from '@billingone/settings-core';
import { describe, expect, it } from 'vitest';
import type { Context } from '../context.js';
import { nonce } from '../scenarios/prepared.js';
import { invite, inviteeAddress, revokeInvitationsTo } from '../scenarios/team.js';
import type { Suite } from '../suite.js';

type AuditEntry = EndpointResponse<typeof api.audit.list>['items'][number];

/** The newest entries (as the Owner); with `since`, only those not in it. */
async function newestEntries(ctx: Context, since?: AuditEntry[]): Promise<AuditEntry[]> {
  const { items } = await ctx.client.must(api.audit.list, { query: { limit: 100 } }, await ctx.sessions.of('owner'));
  const seen = new Set(since?.map((entry) => entry.id));
  return items.filter((entry) => !seen.has(entry.id));
}

const mentions = (entry: AuditEntry, text: string) => JSON.stringify(entry).includes(text);

export function describeAudit(suite: Suite): void {
  describe('mutations show up in GET /audit-logs', () => {
    it('a profile change, with its actor, action and before/after', async () => {
      const { ctx } = suite;
      const owner = await ctx.sessions.of('owner');
      const ownerId = await ctx.sessions.memberId('owner');
      const before = await newestEntries(ctx);
      const profile = await ctx.client.must(api.profile.get, {}, owner);
      const changed = `${profile.name.slice(0, 90)} (conformance ${nonce()})`;
      await ctx.client.must(api.profile.update, { body: { name: changed } }, owner);
      await ctx.client.must(api.profile.update, { body: { name: profile.name } }, owner);
      const added = await newestEntries(ctx, before);
      const entry = added.find((e) => mentions(e, changed));
      expect(entry, JSON.stringify(added)).toBeDefined();
      expect(entry!.actor?.id).toBe(ownerId);
      expect(entry!.action).toMatch(/\S/);
      expect(JSON.stringify(entry!.changes)).toContain(changed);
    });

    it('an invitation, with its actor, action and target', async () => {
      const { ctx } = suite;
      const ownerId = await ctx.sessions.memberId('owner');
      const email = inviteeAddress();
      const before = await newestEntries(ctx);
      try {
        const id = await invite(ctx, email);
        const added = await newestEntries(ctx, before);
        const entry = added.find((e) => e.target?.id === id || mentions(e, email));
        expect(entry, JSON.stringify(added)).toBeDefined();
        expect(entry!.actor?.id).toBe(ownerId);
        expect(entry!.action).toMatch(/\S/);
        expect(entry!.target).not.toBeNull();
      } finally {
        await revokeInvitationsTo(ctx, email);
      }
    });

    it('a Pax8 save, without the client secret', async (test) => {
      const { ctx } = suite;
      const credentials = ctx.credentials.pax8;
      if (!credentials) return test.skip('no Pax8 credentials given');
      if (!(await ctx.pax8.owns())) return test.skip('Pax8 was configured on the target before the run; the suite leaves it alone');
      const owner = await ctx.sessions.of('owner');
      const before = await newestEntries(ctx);
      await ctx.pax8.idle();
      await ctx.client.must(api.integrations.savePax8, { body: credentials }, owner);
      const added = await newestEntries(ctx, before);
      expect(added.some((e) => e.actor?.id !== undefined && mentions(e, credentials.clientId)), JSON.stringify(added)).toBe(true);
      expect(JSON.stringify(added)).not.toContain(credentials.clientSecret);
    });
  });
}

import { api, roles, type Role } from '@billingone/settings-core';
import type { ApiClient } from './http.js';
import type { Sessions } from './sessions.js';

/** What the run may touch and must leave as it found it: the suite's members, the organization, its branding, invitations and integrations. */
export async function snapshotTarget(client: ApiClient, sessions: Sessions) {
  const members = {} as Record<Role, unknown>;
  for (const role of roles) {
    const session = await sessions.of(role);
    const me = await client.must(api.me.get, {}, session);
    const { name, locale, timeZone, avatarUrl } = await client.must(api.profile.get, {}, session);
    const { preferences } = await client.must(api.notifications.get, {}, session);
    members[role] = { role: me.role, totpEnabled: me.mfa.totpEnabled, passkeyCount: me.mfa.passkeyCount, name, locale, timeZone, avatarUrl, preferences };
  }
  const owner = await sessions.of('owner');
  const { name, slug, requireMfa, embedOrigins } = await client.must(api.organization.get, {}, owner);
  const { primaryColor, accentColor, logoUrl } = await client.must(api.branding.get, {}, owner);
  const invitations = (await client.must(api.team.listInvitations, {}, owner)).items.map((i) => `${i.email} (${i.role})`).sort();
  const { total: memberCount } = await client.must(api.team.listMembers, { query: { limit: 1 } }, owner);
  const integrations = (await client.must(api.integrations.list, {}, owner)).items.map((i) => `${i.provider}: ${i.status === 'not_configured' ? 'not configured' : `configured as ${i.accountLabel}`}`);
  return { members, organization: { name, slug, requireMfa, embedOrigins }, branding: { primaryColor, accentColor, logoUrl }, invitations, memberCount, integrations };
}

export type Snapshot = Awaited<ReturnType<typeof snapshotTarget>>;

import { api, permissionsOf, roleLabels, roles, type Role, type RoleDescription } from '@billingone/settings-core';
import { defineRoute } from '../app/route.js';

/** English descriptions of the roles (the UI localises its own). */
export const roleDescriptions: Readonly<Record<Role, string>> = {
  owner: 'Full control, including the MFA policy, Owners and ownership transfer.',
  admin: 'Manages the organization, branding, team (except Owners), integrations and the audit log.',
  finance: 'Uses BillingOne and manages integrations; no team or organization settings.',
  engineer: 'Sees integration status; manages only their own account.',
  viewer: 'Read-only access; manages only their own account.',
};

const list = defineRoute(api.team.listRoles, async (ctx) => {
  const { rows } = await ctx.tx.query<{ role: Role; count: number }>(
    'SELECT role, members AS count FROM member_counts WHERE org_id = $1',
    [ctx.actor.orgId],
  );
  const counts = new Map(rows.map((row) => [row.role, Number(row.count)]));
  const items: RoleDescription[] = roles.map((role) => ({
    role,
    label: roleLabels[role],
    description: roleDescriptions[role],
    permissions: permissionsOf(role),
    memberCount: counts.get(role) ?? 0,
  }));
  return { items };
});

export const routes = [list];

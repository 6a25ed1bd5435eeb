import { describe, expect, it } from 'vitest';
import {
  assignableRoles, can, canSeeSection, checkInvite, checkOwnershipTransfer, checkRemoval, checkRoleChange, permissions, permissionsOf,
  roles, sections, teamRuleMessages, visibleSections, type Permission, type Role, type TeamMemberRef,
} from './index.js';

/**
 * SPEC section 3, written out cell by cell (columns Owner, Admin, Finance, Engineer, Viewer).
 * Kept independent of roleTable on purpose: a change to either shows up here.
 */
const Y = true;
const N = false;
const specTable: Record<Permission, [owner: boolean, admin: boolean, finance: boolean, engineer: boolean, viewer: boolean]> = {
  'self.manage': [Y, Y, Y, Y, Y], // own profile, security, sessions, notifications
  'organization.read': [Y, Y, Y, Y, Y], // organization name and branding, read
  'organization.edit': [Y, Y, N, N, N], // organization: edit name/slug
  'organization.mfa_policy': [Y, Y, N, N, N], // organization: MFA policy
  'branding.edit': [Y, Y, N, N, N], // branding: edit
  'team.view': [Y, Y, N, N, N], // team: view
  'team.manage': [Y, Y, N, N, N], // team: invite, change role, remove (not Owners)
  'team.manage_owners': [Y, N, N, N, N], // team: grant/revoke Owner, transfer ownership
  'integrations.view': [Y, Y, Y, Y, Y], // integrations: view status
  'integrations.manage': [Y, Y, Y, N, N], // integrations: configure, connect, disconnect, sync, map
  'audit.view': [Y, Y, N, N, N], // audit log: view and export
};
const specColumns: Role[] = ['owner', 'admin', 'finance', 'engineer', 'viewer'];

describe('role table', () => {
  it('has the five roles and eleven permissions of the spec', () => {
    expect([...roles].sort()).toEqual([...specColumns].sort());
    expect([...permissions].sort()).toEqual(Object.keys(specTable).sort());
  });

  for (const permission of Object.keys(specTable) as Permission[]) {
    it(`${permission}: ${specColumns.map((role, i) => `${role} ${specTable[permission][i] ? '✓' : '–'}`).join(', ')}`, () => {
      const actual = specColumns.map((role) => can({ role }, permission));
      expect(actual).toEqual(specTable[permission]);
    });
  }

  it('grants nothing without a member', () => {
    for (const permission of permissions) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
    }
  });

  it('permissionsOf lists what each role holds, in table order', () => {
    for (const [column, role] of specColumns.entries()) {
      const expected = permissions.filter((permission) => specTable[permission][column]);
      expect(permissionsOf(role)).toEqual(expected);
    }
    expect(permissionsOf('viewer')).toEqual(['self.manage', 'organization.read', 'integrations.view']);
  });
});

describe('visible sections', () => {
  const everyone = ['profile', 'security', 'sessions', 'notifications', 'integrations'];
  const ownersAndAdmins = [...everyone, 'organization', 'branding', 'team', 'audit-log'];
  const expected: Record<Role, string[]> = {
    owner: ownersAndAdmins,
    admin: ownersAndAdmins,
    finance: everyone,
    engineer: everyone,
    viewer: everyone,
  };

  for (const role of specColumns) {
    it(`${role} sees ${expected[role].join(', ')}`, () => {
      expect([...visibleSections({ role })].sort()).toEqual([...expected[role]].sort());
      for (const section of sections) expect(canSeeSection({ role }, section), section).toBe(expected[role].includes(section));
    });
  }

  it('keeps navigation order', () => {
    expect(visibleSections({ role: 'owner' })).toEqual([...sections]);
    expect(visibleSections({ role: 'viewer' })).toEqual(['profile', 'security', 'sessions', 'notifications', 'integrations']);
  });

  it('shows nothing without a member', () => {
    expect(visibleSections(null)).toEqual([]);
  });

  it('integrations are read-only for Engineer and Viewer', () => {
    for (const role of ['engineer', 'viewer'] as const) {
      expect(canSeeSection({ role }, 'integrations')).toBe(true);
      expect(can({ role }, 'integrations.manage')).toBe(false);
    }
  });
});

describe('team rules', () => {
  const owner: TeamMemberRef = { id: 'owner-1', role: 'owner' };
  const owner2: TeamMemberRef = { id: 'owner-2', role: 'owner' };
  const admin: TeamMemberRef = { id: 'admin-1', role: 'admin' };
  const admin2: TeamMemberRef = { id: 'admin-2', role: 'admin' };
  const finance: TeamMemberRef = { id: 'finance-1', role: 'finance' };
  const engineer: TeamMemberRef = { id: 'engineer-1', role: 'engineer' };
  const viewer: TeamMemberRef = { id: 'viewer-1', role: 'viewer' };
  const ok = { ok: true };
  const refused = (reason: string) => ({ ok: false, reason });

  describe('role changes', () => {
    it('lets Owners and Admins change the role of non-Owners', () => {
      expect(checkRoleChange(owner, viewer, 'admin', 1)).toEqual(ok);
      expect(checkRoleChange(admin, viewer, 'finance', 1)).toEqual(ok);
      expect(checkRoleChange(admin, admin2, 'engineer', 1)).toEqual(ok);
    });

    it('refuses roles without team.manage', () => {
      for (const actor of [finance, engineer, viewer]) expect(checkRoleChange(actor, viewer, 'engineer', 1)).toEqual(refused('forbidden'));
    });

    it('nobody changes their own role, not even an Owner among several', () => {
      expect(checkRoleChange(owner, owner, 'admin', 2)).toEqual(refused('own_role'));
      expect(checkRoleChange(admin, admin, 'viewer', 1)).toEqual(refused('own_role'));
      expect(checkRoleChange(admin, { ...admin }, 'owner', 1)).toEqual(refused('own_role'));
    });

    it('an Admin cannot touch an Owner', () => {
      expect(checkRoleChange(admin, owner, 'viewer', 2)).toEqual(refused('admin_cannot_touch_owner'));
      expect(checkRoleChange(admin, owner, 'owner', 2)).toEqual(refused('admin_cannot_touch_owner'));
    });

    it('only an Owner grants the Owner role', () => {
      expect(checkRoleChange(admin, viewer, 'owner', 1)).toEqual(refused('only_owner_grants_owner'));
      expect(checkRoleChange(owner, admin, 'owner', 1)).toEqual(ok);
    });

    it('keeps at least one Owner', () => {
      expect(checkRoleChange(owner, owner2, 'admin', 1)).toEqual(refused('last_owner'));
      expect(checkRoleChange(owner, owner2, 'admin', 2)).toEqual(ok);
      expect(checkRoleChange(owner, owner2, 'owner', 1)).toEqual(ok);
    });
  });

  describe('removal', () => {
    it('lets Owners and Admins remove non-Owners', () => {
      expect(checkRemoval(owner, admin, 1)).toEqual(ok);
      expect(checkRemoval(admin, finance, 1)).toEqual(ok);
      expect(checkRemoval(admin, admin2, 1)).toEqual(ok);
    });

    it('refuses roles without team.manage', () => {
      for (const actor of [finance, engineer, viewer]) expect(checkRemoval(actor, viewer, 1)).toEqual(refused('forbidden'));
    });

    it('refuses removing yourself', () => {
      expect(checkRemoval(owner, owner, 3)).toEqual(refused('remove_self'));
      expect(checkRemoval(admin, admin, 1)).toEqual(refused('remove_self'));
    });

    it('an Admin cannot remove an Owner; an Owner can while another Owner remains', () => {
      expect(checkRemoval(admin, owner, 2)).toEqual(refused('admin_cannot_touch_owner'));
      expect(checkRemoval(owner, owner2, 2)).toEqual(ok);
      expect(checkRemoval(owner, owner2, 1)).toEqual(refused('last_owner'));
    });
  });

  describe('invitations', () => {
    it('Owners invite with any role, Admins with any but Owner', () => {
      for (const role of roles) expect(checkInvite(owner, role), role).toEqual(ok);
      for (const role of roles.filter((r) => r !== 'owner')) expect(checkInvite(admin, role), role).toEqual(ok);
      expect(checkInvite(admin, 'owner')).toEqual(refused('only_owner_grants_owner'));
    });

    it('refuses roles without team.manage', () => {
      for (const actor of [finance, engineer, viewer]) expect(checkInvite(actor, 'viewer')).toEqual(refused('forbidden'));
    });
  });

  describe('ownership transfer', () => {
    it('only an Owner transfers ownership, and not to themselves', () => {
      expect(checkOwnershipTransfer(owner, admin)).toEqual(ok);
      expect(checkOwnershipTransfer(owner, viewer)).toEqual(ok);
      expect(checkOwnershipTransfer(owner, owner)).toEqual(refused('transfer_to_self'));
      for (const actor of [admin, finance, engineer, viewer]) expect(checkOwnershipTransfer(actor, owner)).toEqual(refused('forbidden'));
    });
  });

  it('assignableRoles follows the same rules', () => {
    expect(assignableRoles(owner)).toEqual([...roles]);
    expect(assignableRoles(admin)).toEqual(['admin', 'finance', 'engineer', 'viewer']);
    for (const actor of [finance, engineer, viewer]) expect(assignableRoles(actor)).toEqual([]);
  });

  it('explains every refusal', () => {
    for (const reason of ['forbidden', 'own_role', 'admin_cannot_touch_owner', 'only_owner_grants_owner', 'last_owner', 'remove_self', 'transfer_to_self'] as const) {
      expect(teamRuleMessages[reason].length, reason).toBeGreaterThan(10);
    }
  });
});

/** The five roles of a BillingOne organization, most powerful first. */
export const roles = ['owner', 'admin', 'finance', 'engineer', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** Every permission of the role table (SPEC section 3). */
export const permissions = [
  'self.manage',
  'organization.read',
  'organization.edit',
  'organization.mfa_policy',
  'branding.edit',
  'team.view',
  'team.manage',
  'team.manage_owners',
  'integrations.view',
  'integrations.manage',
  'audit.view',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: readonly Role[] = roles;
const ownerAndAdmin: readonly Role[] = ['owner', 'admin'];

/** Which roles hold each permission. This table is the one source for the server and the UI. */
export const roleTable: Readonly<Record<Permission, readonly Role[]>> = {
  'self.manage': everyone,
  'organization.read': everyone,
  'organization.edit': ownerAndAdmin,
  'organization.mfa_policy': ownerAndAdmin,
  'branding.edit': ownerAndAdmin,
  'team.view': ownerAndAdmin,
  'team.manage': ownerAndAdmin,
  'team.manage_owners': ['owner'],
  'integrations.view': everyone,
  'integrations.manage': ['owner', 'admin', 'finance'],
  'audit.view': ownerAndAdmin,
};

/** Human labels of roles, in English; elements localise them through their catalogue. */
export const roleLabels: Readonly<Record<Role, string>> = {
  owner: 'Owner',
  admin: 'Admin',
  finance: 'Finance',
  engineer: 'Engineer',
  viewer: 'Viewer',
};

/** Anything with a role: a member, the signed-in user from `/me`. */
export interface HasRole {
  readonly role: Role;
}

/** Whether a member holds a permission. */
export function can(member: HasRole | null | undefined, permission: Permission): boolean {
  if (!member) return false;
  return roleTable[permission].includes(member.role);
}

/** The permissions a role holds, in table order. */
export function permissionsOf(role: Role): Permission[] {
  return permissions.filter((permission) => roleTable[permission].includes(role));
}

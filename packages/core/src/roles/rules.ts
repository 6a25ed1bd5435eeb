import { can, roles, type Role } from './permissions.js';

/** A member as the team rules need it. */
export interface TeamMemberRef {
  readonly id: string;
  readonly role: Role;
}

/** Why a team change is refused; the server answers with the same codes. */
export type TeamRuleViolation =
  | 'forbidden'
  | 'own_role'
  | 'admin_cannot_touch_owner'
  | 'only_owner_grants_owner'
  | 'last_owner'
  | 'remove_self'
  | 'transfer_to_self';

export type TeamRuleResult = { ok: true } | { ok: false; reason: TeamRuleViolation };

const allowed: TeamRuleResult = { ok: true };
const refuse = (reason: TeamRuleViolation): TeamRuleResult => ({ ok: false, reason });

/** English explanations of each refusal (elements localise them). */
export const teamRuleMessages: Readonly<Record<TeamRuleViolation, string>> = {
  forbidden: 'Your role cannot manage team members.',
  own_role: 'You cannot change your own role.',
  admin_cannot_touch_owner: 'Admins cannot change or remove an Owner.',
  only_owner_grants_owner: 'Only an Owner can grant the Owner role.',
  last_owner: 'The organization must keep at least one Owner.',
  remove_self: 'You cannot remove yourself from the organization.',
  transfer_to_self: 'You already own this organization.',
};

/** Whether `actor` may give `target` the role `nextRole`; `ownerCount` is the organization's current number of Owners. */
export function checkRoleChange(actor: TeamMemberRef, target: TeamMemberRef, nextRole: Role, ownerCount: number): TeamRuleResult {
  if (!can(actor, 'team.manage')) return refuse('forbidden');
  if (actor.id === target.id) return refuse('own_role');
  const touchesOwner = target.role === 'owner' || nextRole === 'owner';
  if (touchesOwner && !can(actor, 'team.manage_owners')) {
    return target.role === 'owner' ? refuse('admin_cannot_touch_owner') : refuse('only_owner_grants_owner');
  }
  if (target.role === 'owner' && nextRole !== 'owner' && ownerCount <= 1) return refuse('last_owner');
  return allowed;
}

/** Whether `actor` may remove `target` from the organization. */
export function checkRemoval(actor: TeamMemberRef, target: TeamMemberRef, ownerCount: number): TeamRuleResult {
  if (!can(actor, 'team.manage')) return refuse('forbidden');
  if (actor.id === target.id) return refuse('remove_self');
  if (target.role === 'owner') {
    if (!can(actor, 'team.manage_owners')) return refuse('admin_cannot_touch_owner');
    if (ownerCount <= 1) return refuse('last_owner');
  }
  return allowed;
}

/** Whether `actor` may invite someone with `role`. */
export function checkInvite(actor: TeamMemberRef, role: Role): TeamRuleResult {
  if (!can(actor, 'team.manage')) return refuse('forbidden');
  if (role === 'owner' && !can(actor, 'team.manage_owners')) return refuse('only_owner_grants_owner');
  return allowed;
}

/** Whether `actor` may transfer ownership to `target` (the actor becomes an Admin). */
export function checkOwnershipTransfer(actor: TeamMemberRef, target: TeamMemberRef): TeamRuleResult {
  if (!can(actor, 'team.manage_owners')) return refuse('forbidden');
  if (actor.id === target.id) return refuse('transfer_to_self');
  return allowed;
}

/** The roles `actor` may assign (to invitees or other members). */
export function assignableRoles(actor: TeamMemberRef): Role[] {
  if (!can(actor, 'team.manage')) return [];
  return can(actor, 'team.manage_owners') ? [...roles] : roles.filter((role) => role !== 'owner');
}

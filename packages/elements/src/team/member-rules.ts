import {
  can,
  checkOwnershipTransfer,
  checkRemoval,
  checkRoleChange,
  roles,
  type Role,
  type TeamMemberRef,
  type TeamRuleViolation,
} from '@billingone/settings-core';

/** What the signed-in member may do to one member of the list, with the reason when not. */
export interface MemberControls {
  /** Roles the select offers as choices (the current role included); the others are disabled. */
  readonly allowedRoles: ReadonlySet<Role>;
  /** Why the role cannot be changed at all (the select is disabled). */
  readonly roleBlocked?: TeamRuleViolation;
  /** Why the member cannot be removed (the button is disabled). */
  readonly removeBlocked?: TeamRuleViolation;
  /** Whether “Transfer ownership” is offered (Owners only, to someone else). */
  readonly canTransfer: boolean;
}

/**
 * Applies core's team rules (the server enforces the same ones) to one row: which roles the select
 * offers, and why changing or removing is refused. `ownerCount` is the organization's number of Owners.
 */
export function memberControls(actor: TeamMemberRef, target: TeamMemberRef, ownerCount: number): MemberControls {
  const allowedRoles = new Set<Role>([target.role]);
  let firstRefusal: TeamRuleViolation | undefined;
  for (const role of roles) {
    if (role === target.role) continue;
    const result = checkRoleChange(actor, target, role, ownerCount);
    if (result.ok) allowedRoles.add(role);
    else firstRefusal ??= result.reason;
  }
  const removal = checkRemoval(actor, target, ownerCount);
  return {
    allowedRoles,
    roleBlocked: allowedRoles.size > 1 ? undefined : (firstRefusal ?? 'forbidden'),
    removeBlocked: removal.ok ? undefined : removal.reason,
    canTransfer: can(actor, 'team.manage_owners') && checkOwnershipTransfer(actor, target).ok,
  };
}

/** Catalogue key explaining each refusal of the team rules. */
export const ruleMessageKeys = {
  forbidden: 'team.rule.forbidden',
  own_role: 'team.rule.ownRole',
  admin_cannot_touch_owner: 'team.rule.adminCannotTouchOwner',
  only_owner_grants_owner: 'team.rule.onlyOwnerGrantsOwner',
  last_owner: 'team.rule.lastOwner',
  remove_self: 'team.rule.removeSelf',
  transfer_to_self: 'team.rule.transferToSelf',
} as const satisfies Record<TeamRuleViolation, string>;

export function isRuleViolation(code: string | undefined): code is TeamRuleViolation {
  return code !== undefined && code in ruleMessageKeys;
}

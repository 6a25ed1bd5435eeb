import { teamRuleMessages, type TeamRuleResult, type TeamRuleViolation } from '../roles/rules.js';
import { problem } from './problem.js';

/** Refusals of who-may-do-what are 403; refusals that protect the team's state are 409. */
export const teamRuleStatus: Readonly<Record<TeamRuleViolation, 403 | 409>> = {
  forbidden: 403,
  admin_cannot_touch_owner: 403,
  only_owner_grants_owner: 403,
  own_role: 409,
  last_owner: 409,
  remove_self: 409,
  transfer_to_self: 409,
};

/** Throws the rule's problem (its code is the violation) unless the rule allows the change. */
export function enforceTeamRule(result: TeamRuleResult): void {
  if (!result.ok) throw problem(teamRuleStatus[result.reason], result.reason, teamRuleMessages[result.reason]);
}

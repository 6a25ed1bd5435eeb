import { notificationEndpoints } from '@billingone/settings-core';
import { applyNotificationUpdate, problem } from '@billingone/settings-core/implementation';
import { handler, iso } from '../context.js';
import type { MemberRecord, MockState } from '../state.js';

function self(state: MockState, memberId: string): MemberRecord {
  const member = state.memberById(memberId);
  if (!member) throw problem(404, 'member_not_found', 'This member no longer exists.');
  return member;
}

const preferencesOf = (state: MockState, member: MemberRecord) => ({
  preferences: state.notificationMatrix(member),
  updatedAt: iso(member.notifications?.updatedAt ?? member.joinedAt),
});

export const notificationHandlers = [
  handler(notificationEndpoints.get, ({ actor, state }) => preferencesOf(state, self(state, actor.memberId))),
  handler(notificationEndpoints.update, ({ actor, state, body, now, checkIfMatch, audit }) => {
    const member = self(state, actor.memberId);
    const current = preferencesOf(state, member);
    checkIfMatch(current);
    const change = applyNotificationUpdate(current.preferences, body.preferences);
    if (!change) return current;
    const { preferences, before, after } = change;
    member.notifications = { matrix: preferences, updatedAt: now };
    audit({ action: 'notifications.updated', target: { type: 'member', id: member.id, label: member.name }, before, after });
    return preferencesOf(state, member);
  }),
];

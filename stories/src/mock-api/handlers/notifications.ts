import { lockedNotificationCells, notificationChannels, notificationEndpoints, notificationEvents, type FieldError } from '@billingone/settings-core';
import { handler, iso } from '../context.js';
import { problem } from '../problem.js';
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

const isLocked = (event: string, channel: string) => lockedNotificationCells.some(([e, c]) => e === event && c === channel);

export const notificationHandlers = [
  handler(notificationEndpoints.get, ({ actor, state }) => preferencesOf(state, self(state, actor.memberId))),
  handler(notificationEndpoints.update, ({ actor, state, body, now, checkIfMatch, audit }) => {
    const member = self(state, actor.memberId);
    const current = preferencesOf(state, member);
    checkIfMatch(current);
    const next = state.notificationMatrix(member);
    const before: Record<string, Record<string, boolean>> = {};
    const after: Record<string, Record<string, boolean>> = {};
    const fieldErrors: FieldError[] = [];
    for (const event of notificationEvents) {
      const cells = body.preferences[event];
      if (!cells) continue;
      for (const channel of notificationChannels) {
        const value = cells[channel];
        if (value === undefined || value === next[event][channel]) continue;
        if (isLocked(event, channel)) {
          fieldErrors.push({ path: `preferences.${event}.${channel}`, message: 'Security e-mails cannot be switched off.', code: 'locked' });
          continue;
        }
        (before[event] ??= {})[channel] = next[event][channel];
        (after[event] ??= {})[channel] = value;
        next[event][channel] = value;
      }
    }
    if (fieldErrors.length > 0) throw problem(422, 'validation_failed', 'Some notifications cannot be changed.', { fieldErrors });
    if (Object.keys(after).length === 0) return current;
    member.notifications = { matrix: next, updatedAt: now };
    audit({ action: 'notifications.updated', target: { type: 'member', id: member.id, label: member.name }, before, after });
    return preferencesOf(state, member);
  }),
];

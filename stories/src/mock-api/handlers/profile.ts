import { profileEndpoints } from '@billingone/settings-core';
import { fieldProblem, problem } from '@billingone/settings-core/implementation';
import { handler, iso } from '../context.js';
import type { MemberRecord, MockState } from '../state.js';
import { acceptImage } from '../uploads.js';

function self(state: MockState, memberId: string): MemberRecord {
  const member = state.memberById(memberId);
  if (!member) throw problem(404, 'member_not_found', 'This member no longer exists.');
  return member;
}

const profileJson = (member: MemberRecord) => ({
  id: member.id, email: member.email, name: member.name, avatarUrl: member.avatarUrl, locale: member.locale, timeZone: member.timeZone, updatedAt: iso(member.updatedAt),
});

function canonicalLocale(locale: string): string | null {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? null;
  } catch {
    return null;
  }
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const profileHandlers = [
  handler(profileEndpoints.get, ({ actor, state }) => profileJson(self(state, actor.memberId))),
  handler(profileEndpoints.update, ({ actor, state, body, now, audit }) => {
    const member = self(state, actor.memberId);
    const next = { name: member.name, locale: member.locale, timeZone: member.timeZone };
    if (body.name !== undefined) next.name = body.name;
    if (body.locale !== undefined) {
      const locale = canonicalLocale(body.locale);
      if (!locale) throw fieldProblem('locale', 'Use a locale such as en-GB.', 'invalid_locale');
      next.locale = locale;
    }
    if (body.timeZone !== undefined) {
      if (!isKnownTimeZone(body.timeZone)) throw fieldProblem('timeZone', 'This time zone is not known. Use one such as Europe/London.', 'unknown_time_zone');
      next.timeZone = body.timeZone;
    }
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    for (const key of ['name', 'locale', 'timeZone'] as const) {
      if (next[key] !== member[key]) {
        before[key] = member[key];
        after[key] = next[key];
      }
    }
    if (Object.keys(after).length === 0) return profileJson(member);
    Object.assign(member, next, { updatedAt: now });
    audit({ action: 'profile.updated', target: { type: 'member', id: member.id, label: member.name }, before, after });
    return profileJson(member);
  }),
  handler(profileEndpoints.uploadAvatar, ({ actor, state, upload, now, audit }) => {
    if (!upload) throw problem(400, 'file_required', 'Send the image as the request body.');
    const member = self(state, actor.memberId);
    const file = acceptImage(upload.bytes, profileEndpoints.uploadAvatar.upload!);
    const before = member.avatarUrl;
    member.avatarUrl = file.url;
    member.updatedAt = now;
    audit({
      action: 'profile.avatar_updated',
      target: { type: 'member', id: member.id, label: member.name },
      before: { avatarUrl: before === null ? null : 'previous image' },
      after: { contentType: file.contentType, size: upload.bytes.byteLength },
    });
    return { avatarUrl: file.url };
  }),
  handler(profileEndpoints.removeAvatar, ({ actor, state, now, audit }) => {
    const member = self(state, actor.memberId);
    if (member.avatarUrl === null) return;
    member.avatarUrl = null;
    member.updatedAt = now;
    audit({ action: 'profile.avatar_removed', target: { type: 'member', id: member.id, label: member.name }, after: { avatarUrl: null } });
  }),
  handler(profileEndpoints.changePassword, ({ actor, state, body, now, audit, rateLimit }) => {
    rateLimit('password-change', actor.memberId, { limit: 10, windowSeconds: 900 });
    const member = self(state, actor.memberId);
    if (member.password === null || member.password !== body.currentPassword) {
      throw fieldProblem('currentPassword', 'The current password is not correct.', 'invalid_password');
    }
    if (body.newPassword.trim().toLowerCase() === member.email.toLowerCase()) {
      throw fieldProblem('newPassword', 'Do not use your email address as your password.', 'password_is_email');
    }
    member.password = body.newPassword;
    member.updatedAt = now;
    // Every other way in ends; the session in use stays.
    const others = state.sessions.filter((session) => session.memberId === member.id && session.id !== actor.credentialId);
    for (const session of others) state.sessions.splice(state.sessions.indexOf(session), 1);
    const otherSessionsEnded = others.length;
    audit({ action: 'member.password_changed', target: { type: 'member', id: member.id, label: member.name }, after: { otherSessionsEnded } });
    return { otherSessionsEnded };
  }),
];

import { api, type Profile } from '@billingone/settings-core';
import type { Queryable } from '../db/types.js';
import { iso } from '../app/json.js';
import { fieldProblem, problem } from '../app/problem.js';
import { defineRoute } from '../app/route.js';
import { hashPassword, verifyPassword } from '../security/passwords.js';

interface ProfileRow {
  id: string;
  email: string;
  name: string;
  avatar_url: string | null;
  locale: string;
  time_zone: string;
  updated_at: Date;
  password_hash: string | null;
}

async function loadProfile(tx: Queryable, memberId: string, lock = false): Promise<ProfileRow> {
  const { rows } = await tx.query<ProfileRow>(
    `SELECT id, email, name, avatar_url, locale, time_zone, updated_at, password_hash FROM members WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [memberId],
  );
  if (!rows[0]) throw problem(404, 'member_not_found', 'This member no longer exists.');
  return rows[0];
}

export function profileJson(row: ProfileRow): Profile {
  return { id: row.id, email: row.email, name: row.name, avatarUrl: row.avatar_url, locale: row.locale, timeZone: row.time_zone, updatedAt: iso(row.updated_at) };
}

/** Whether the runtime knows a time zone (the schema only checks its shape). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The canonical form of a BCP 47 locale, or null when it is not one. */
export function canonicalLocale(locale: string): string | null {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? null;
  } catch {
    return null;
  }
}

const get = defineRoute(api.profile.get, async (ctx) => profileJson(await loadProfile(ctx.tx, ctx.actor.memberId)));

const update = defineRoute(api.profile.update, async (ctx) => {
  const current = await loadProfile(ctx.tx, ctx.actor.memberId, true);
  const next = { name: current.name, locale: current.locale, time_zone: current.time_zone };
  if (ctx.body.name !== undefined) next.name = ctx.body.name;
  if (ctx.body.locale !== undefined) {
    const locale = canonicalLocale(ctx.body.locale);
    if (!locale) throw fieldProblem('locale', 'Use a locale such as en-GB.', 'invalid_locale');
    next.locale = locale;
  }
  if (ctx.body.timeZone !== undefined) {
    if (!isKnownTimeZone(ctx.body.timeZone)) throw fieldProblem('timeZone', 'This time zone is not known. Use one such as Europe/London.', 'unknown_time_zone');
    next.time_zone = ctx.body.timeZone;
  }
  const before: Record<string, string> = {};
  const after: Record<string, string> = {};
  const names = { name: 'name', locale: 'locale', time_zone: 'timeZone' } as const;
  for (const key of Object.keys(names) as (keyof typeof names)[]) {
    if (next[key] !== current[key]) {
      before[names[key]] = current[key];
      after[names[key]] = next[key];
    }
  }
  if (Object.keys(after).length === 0) return profileJson(current);
  const { rows } = await ctx.tx.query<ProfileRow>(
    `UPDATE members SET name = $2, locale = $3, time_zone = $4, updated_at = $5 WHERE id = $1
     RETURNING id, email, name, avatar_url, locale, time_zone, updated_at, password_hash`,
    [current.id, next.name, next.locale, next.time_zone, ctx.now],
  );
  await ctx.audit({ action: 'profile.updated', target: { type: 'member', id: current.id, label: next.name }, before, after });
  return profileJson(rows[0]!);
});

/** Password changes: 10 tries per member per 15 minutes. */
export const passwordChangeLimit = { limit: 10, windowSeconds: 900 } as const;

const changePassword = defineRoute(api.profile.changePassword, async (ctx) => {
  const { actor } = ctx;
  ctx.rateLimit('password-change', actor.memberId, passwordChangeLimit);
  const member = await loadProfile(ctx.tx, actor.memberId, true);
  if (!member.password_hash || !(await verifyPassword(ctx.body.currentPassword, member.password_hash))) {
    throw fieldProblem('currentPassword', 'The current password is not correct.', 'invalid_password');
  }
  if (ctx.body.newPassword.trim().toLowerCase() === member.email.toLowerCase()) {
    throw fieldProblem('newPassword', 'Do not use your email address as your password.', 'password_is_email');
  }
  await ctx.tx.query('UPDATE members SET password_hash = $2, updated_at = $3 WHERE id = $1', [member.id, await hashPassword(ctx.body.newPassword), ctx.now]);
  // Every other way in ends: other cookie sessions and embed tokens (the one in use stays).
  const ended = await ctx.tx.query<{ id: string }>('DELETE FROM sessions WHERE member_id = $1 AND id <> $2 RETURNING id', [member.id, actor.credentialId]);
  const endedTokens = await ctx.tx.query<{ id: string }>('DELETE FROM embed_tokens WHERE member_id = $1 AND id <> $2 RETURNING id', [member.id, actor.credentialId]);
  const otherSessionsEnded = ended.rows.length + endedTokens.rows.length;
  await ctx.audit({ action: 'member.password_changed', target: { type: 'member', id: member.id, label: member.name }, after: { otherSessionsEnded } });
  return { otherSessionsEnded };
});

export const routes = [get, update, changePassword];

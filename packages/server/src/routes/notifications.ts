import { api, type NotificationPreferences } from '@billingone/settings-core';
import { applyNotificationUpdate, defaultNotificationMatrix, normalizeNotificationMatrix } from '@billingone/settings-core/implementation';
import type { Queryable } from '../db/types.js';
import { iso } from '../app/json.js';
import { defineRoute } from '../app/route.js';

async function load(tx: Queryable, memberId: string, lock = false): Promise<NotificationPreferences> {
  const { rows } = await tx.query<{ preferences: Record<string, Record<string, unknown>>; updated_at: Date }>(
    `SELECT preferences, updated_at FROM notification_preferences WHERE member_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [memberId],
  );
  if (rows[0]) return { preferences: normalizeNotificationMatrix(rows[0].preferences), updatedAt: iso(rows[0].updated_at) };
  const { rows: member } = await tx.query<{ joined_at: Date }>(`SELECT joined_at FROM members WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [memberId]);
  return { preferences: defaultNotificationMatrix(), updatedAt: iso(member[0]?.joined_at ?? new Date(0)) };
}

const get = defineRoute(api.notifications.get, async (ctx) => load(ctx.tx, ctx.actor.memberId));

const update = defineRoute(api.notifications.update, async (ctx) => {
  const current = await load(ctx.tx, ctx.actor.memberId, true);
  ctx.checkIfMatch(current);
  const change = applyNotificationUpdate(current.preferences, ctx.body.preferences);
  if (!change) return current;
  const { preferences, before, after } = change;
  await ctx.tx.query(
    `INSERT INTO notification_preferences (member_id, preferences, updated_at) VALUES ($1, $2::text::jsonb, $3)
     ON CONFLICT (member_id) DO UPDATE SET preferences = EXCLUDED.preferences, updated_at = EXCLUDED.updated_at`,
    [ctx.actor.memberId, JSON.stringify(preferences), ctx.now],
  );
  await ctx.audit({ action: 'notifications.updated', target: { type: 'member', id: ctx.actor.memberId, label: ctx.actor.name }, before, after });
  return { preferences, updatedAt: iso(ctx.now) };
});

export const routes = [get, update];

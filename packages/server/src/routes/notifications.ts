import {
  api,
  lockedNotificationCells,
  notificationChannels,
  notificationEvents,
  type FieldError,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationPreferences,
} from '@billingone/settings-core';
import type { Queryable } from '../db/types.js';
import { iso } from '../app/json.js';
import { problem } from '../app/problem.js';
import { defineRoute } from '../app/route.js';

type Matrix = NotificationPreferences['preferences'];

/** E-mail for what needs action or concerns security; in-app for everything. */
const emailByDefault: ReadonlySet<NotificationEvent> = new Set([
  'sync_failed', 'integration_needs_reauth', 'invoice_overdue', 'under_licensed_client', 'missed_billing', 'new_sign_in', 'mfa_changed',
]);

export function defaultMatrix(): Matrix {
  return Object.fromEntries(notificationEvents.map((event) => [event, { email: emailByDefault.has(event), in_app: true }])) as Matrix;
}

function isLocked(event: NotificationEvent, channel: NotificationChannel): boolean {
  return lockedNotificationCells.some(([e, c]) => e === event && c === channel);
}

/** Stored cells over the defaults (events added later get their default), locked cells forced on. */
function normalise(stored: Partial<Record<string, Partial<Record<string, unknown>>>> | null): Matrix {
  const matrix = defaultMatrix();
  for (const event of notificationEvents) {
    for (const channel of notificationChannels) {
      const value = stored?.[event]?.[channel];
      if (typeof value === 'boolean') matrix[event][channel] = value;
      if (isLocked(event, channel)) matrix[event][channel] = true;
    }
  }
  return matrix;
}

async function load(tx: Queryable, memberId: string, lock = false): Promise<NotificationPreferences> {
  const { rows } = await tx.query<{ preferences: Record<string, Record<string, unknown>>; updated_at: Date }>(
    `SELECT preferences, updated_at FROM notification_preferences WHERE member_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [memberId],
  );
  if (rows[0]) return { preferences: normalise(rows[0].preferences), updatedAt: iso(rows[0].updated_at) };
  const { rows: member } = await tx.query<{ joined_at: Date }>(`SELECT joined_at FROM members WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [memberId]);
  return { preferences: defaultMatrix(), updatedAt: iso(member[0]?.joined_at ?? new Date(0)) };
}

const get = defineRoute(api.notifications.get, async (ctx) => load(ctx.tx, ctx.actor.memberId));

const update = defineRoute(api.notifications.update, async (ctx) => {
  const current = await load(ctx.tx, ctx.actor.memberId, true);
  ctx.checkIfMatch(current);
  const next = normalise(current.preferences);
  const before: Record<string, Record<string, boolean>> = {};
  const after: Record<string, Record<string, boolean>> = {};
  const fieldErrors: FieldError[] = [];
  for (const event of notificationEvents) {
    const cells = ctx.body.preferences[event];
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
  await ctx.tx.query(
    `INSERT INTO notification_preferences (member_id, preferences, updated_at) VALUES ($1, $2::text::jsonb, $3)
     ON CONFLICT (member_id) DO UPDATE SET preferences = EXCLUDED.preferences, updated_at = EXCLUDED.updated_at`,
    [ctx.actor.memberId, JSON.stringify(next), ctx.now],
  );
  await ctx.audit({ action: 'notifications.updated', target: { type: 'member', id: ctx.actor.memberId, label: ctx.actor.name }, before, after });
  return { preferences: next, updatedAt: iso(ctx.now) };
});

export const routes = [get, update];

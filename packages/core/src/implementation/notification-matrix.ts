import type { FieldError } from '../schemas/common.js';
import {
  lockedNotificationCells,
  notificationChannels,
  notificationEvents,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
} from '../schemas/notifications.js';
import { problem } from './problem.js';

type Matrix = NotificationPreferences['preferences'];
type Cells = Record<string, Record<string, boolean>>;

/** E-mail for what needs action or concerns security; in-app for everything. */
const emailByDefault: ReadonlySet<NotificationEvent> = new Set([
  'sync_failed', 'integration_needs_reauth', 'invoice_overdue', 'under_licensed_client', 'missed_billing', 'new_sign_in', 'mfa_changed',
]);

/** The matrix of a member who never changed their notification preferences. */
export function defaultNotificationMatrix(): Matrix {
  return Object.fromEntries(notificationEvents.map((event) => [event, { email: emailByDefault.has(event), in_app: true }])) as Matrix;
}

/** Whether a cell is one of the security e-mails that cannot be switched off. */
export function isLockedNotificationCell(event: NotificationEvent, channel: NotificationChannel): boolean {
  return lockedNotificationCells.some(([e, c]) => e === event && c === channel);
}

/** Stored cells over the defaults (events added later get their default), locked cells forced on. */
export function normalizeNotificationMatrix(stored: Partial<Record<string, Partial<Record<string, unknown>>>> | null | undefined): Matrix {
  const matrix = defaultNotificationMatrix();
  for (const event of notificationEvents) {
    for (const channel of notificationChannels) {
      const value = stored?.[event]?.[channel];
      if (typeof value === 'boolean') matrix[event][channel] = value;
      if (isLockedNotificationCell(event, channel)) matrix[event][channel] = true;
    }
  }
  return matrix;
}

/** What an update of the notification matrix changed: the new matrix, and the changed cells before and after (for the audit entry). */
export interface NotificationMatrixChange {
  preferences: Matrix;
  before: Cells;
  after: Cells;
}

/**
 * Applies the cells of a `PATCH /notifications/preferences` body to the current matrix, leaving
 * `current` as it was. Answers null when no cell changes; throws a 422 with a `locked` field error
 * for each security e-mail the update tries to switch off.
 */
export function applyNotificationUpdate(current: Matrix, update: NotificationPreferencesUpdate['preferences']): NotificationMatrixChange | null {
  const next = normalizeNotificationMatrix(current);
  const before: Cells = {};
  const after: Cells = {};
  const fieldErrors: FieldError[] = [];
  for (const event of notificationEvents) {
    const cells = update[event];
    if (!cells) continue;
    for (const channel of notificationChannels) {
      const value = cells[channel];
      if (value === undefined || value === next[event][channel]) continue;
      if (isLockedNotificationCell(event, channel)) {
        fieldErrors.push({ path: `preferences.${event}.${channel}`, message: 'Security e-mails cannot be switched off.', code: 'locked' });
        continue;
      }
      (before[event] ??= {})[channel] = next[event][channel];
      (after[event] ??= {})[channel] = value;
      next[event][channel] = value;
    }
  }
  if (fieldErrors.length > 0) throw problem(422, 'validation_failed', 'Some notifications cannot be changed.', { fieldErrors });
  return Object.keys(after).length === 0 ? null : { preferences: next, before, after };
}

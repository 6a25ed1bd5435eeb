import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { Timestamp } from './common.js';

export const notificationEvents = [
  'sync_failed',
  'sync_completed',
  'integration_needs_reauth',
  'invoice_overdue',
  'subscription_created',
  'subscription_cancelled',
  'under_licensed_client',
  'missed_billing',
  'team_member_joined',
  'new_sign_in',
  'mfa_changed',
] as const;
export type NotificationEvent = (typeof notificationEvents)[number];
export const notificationChannels = ['email', 'in_app'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

const Channels = z.object({ email: z.boolean(), in_app: z.boolean() });
export const NotificationMatrix = z.object(
  Object.fromEntries(notificationEvents.map((event) => [event, Channels])) as Record<NotificationEvent, typeof Channels>,
);
export const NotificationPreferences = z.object({ preferences: NotificationMatrix, updatedAt: Timestamp });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
/** Security events always e-mail: these cells cannot be switched off. */
export const lockedNotificationCells: ReadonlyArray<[NotificationEvent, NotificationChannel]> = [['new_sign_in', 'email'], ['mfa_changed', 'email']];

const ChannelsUpdate = z.partial(z.strictObject({ email: z.boolean(), in_app: z.boolean() }));
type MatrixUpdate = Partial<Record<NotificationEvent, Partial<Record<NotificationChannel, boolean>>>>;
/** Unknown events or channels are refused (not silently dropped), and so is switching off a locked cell. */
export const NotificationPreferencesUpdate = z.object({
  preferences: z.partial(z.strictObject(
    Object.fromEntries(notificationEvents.map((event) => [event, ChannelsUpdate])) as Record<NotificationEvent, typeof ChannelsUpdate>,
  )).check(
    z.superRefine((matrix: MatrixUpdate, ctx) => {
      for (const [event, channel] of lockedNotificationCells) {
        if (matrix[event]?.[channel] === false) {
          ctx.addIssue({ code: 'custom', message: 'Security notifications by email cannot be switched off.', path: [event, channel], input: false });
        }
      }
    }),
  ),
});
export type NotificationPreferencesUpdate = z.input<typeof NotificationPreferencesUpdate>;

const n = { tag: 'Notifications', access: 'self.manage' } as const;
export const notificationEndpoints = {
  get: endpoint({ ...n, id: 'notifications.get', method: 'GET', path: '/notifications/preferences', etag: true, response: NotificationPreferences }),
  update: endpoint({ ...n, id: 'notifications.update', method: 'PATCH', path: '/notifications/preferences', etag: true, body: NotificationPreferencesUpdate, response: NotificationPreferences }),
};

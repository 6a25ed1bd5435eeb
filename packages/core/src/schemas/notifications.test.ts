import { describe, expect, it } from 'vitest';
import { expectIssue, expectValid } from '../../test/schema-assert.js';
import {
  lockedNotificationCells, notificationChannels, notificationEvents, NotificationPreferences, NotificationPreferencesUpdate,
} from './notifications.js';

const fullMatrix = Object.fromEntries(notificationEvents.map((event) => [event, { email: true, in_app: false }]));

describe('NotificationPreferences', () => {
  it('has a cell for every event and channel', () => {
    expectValid(NotificationPreferences, { preferences: fullMatrix, updatedAt: '2026-11-24T09:00:00.000Z' });
    const { sync_failed: _dropped, ...missing } = fullMatrix;
    expectIssue(NotificationPreferences, { preferences: missing, updatedAt: '2026-11-24T09:00:00.000Z' }, ['preferences', 'sync_failed']);
    expectIssue(NotificationPreferences, { preferences: { ...fullMatrix, invoice_overdue: { email: true } }, updatedAt: '2026-11-24T09:00:00.000Z' }, ['preferences', 'invoice_overdue', 'in_app']);
  });

  it('covers the eleven billing events of the spec in two channels', () => {
    expect(notificationEvents).toHaveLength(11);
    expect(notificationChannels).toEqual(['email', 'in_app']);
  });
});

describe('NotificationPreferencesUpdate', () => {
  it('accepts single cells and partial rows', () => {
    expect(expectValid(NotificationPreferencesUpdate, { preferences: { sync_failed: { email: false } } })).toEqual({ preferences: { sync_failed: { email: false } } });
    expectValid(NotificationPreferencesUpdate, { preferences: { invoice_overdue: { in_app: true }, missed_billing: {} } });
    expectValid(NotificationPreferencesUpdate, { preferences: {} });
    expectValid(NotificationPreferencesUpdate, { preferences: fullMatrix });
  });

  it('refuses a non-boolean cell at its path', () => {
    expectIssue(NotificationPreferencesUpdate, { preferences: { sync_failed: { email: 'no' } } }, ['preferences', 'sync_failed', 'email']);
  });

  it('refuses unknown events and channels instead of dropping them', () => {
    expectIssue(NotificationPreferencesUpdate, { preferences: { invoice_paid: { email: true } } }, ['preferences']);
    expectIssue(NotificationPreferencesUpdate, { preferences: { sync_failed: { sms: true } } }, ['preferences', 'sync_failed']);
  });

  it('refuses switching off a locked security cell, and allows switching it on', () => {
    expect(lockedNotificationCells).toContainEqual(['new_sign_in', 'email']);
    for (const [event, channel] of lockedNotificationCells) {
      expectIssue(NotificationPreferencesUpdate, { preferences: { [event]: { [channel]: false } } }, ['preferences', event, channel], /cannot be switched off/);
      expectValid(NotificationPreferencesUpdate, { preferences: { [event]: { [channel]: true } } });
    }
    expectValid(NotificationPreferencesUpdate, { preferences: { new_sign_in: { in_app: false } } });
  });
});

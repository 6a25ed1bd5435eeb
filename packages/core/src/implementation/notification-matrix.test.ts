import { describe, expect, it } from 'vitest';
import { applyNotificationUpdate, defaultNotificationMatrix, normalizeNotificationMatrix } from './notification-matrix.js';

describe('normalizeNotificationMatrix', () => {
  it('lays stored cells over the defaults and forces the security e-mails on', () => {
    const matrix = normalizeNotificationMatrix({ sync_failed: { email: false }, new_sign_in: { email: false }, unknown_event: { email: true } });
    expect(matrix.sync_failed).toEqual({ email: false, in_app: true });
    expect(matrix.new_sign_in.email).toBe(true);
    expect(matrix.team_member_joined).toEqual(defaultNotificationMatrix().team_member_joined);
    expect(matrix).not.toHaveProperty('unknown_event');
  });
});

describe('applyNotificationUpdate', () => {
  it('answers the new matrix and the changed cells, leaving the current matrix as it was', () => {
    const current = defaultNotificationMatrix();
    const change = applyNotificationUpdate(current, { sync_failed: { email: false, in_app: true }, team_member_joined: { email: true } });
    expect(change).toEqual({
      preferences: { ...current, sync_failed: { email: false, in_app: true }, team_member_joined: { email: true, in_app: true } },
      before: { sync_failed: { email: true }, team_member_joined: { email: false } },
      after: { sync_failed: { email: false }, team_member_joined: { email: true } },
    });
    expect(current.sync_failed.email).toBe(true);
  });

  it('answers null when no cell changes', () => {
    expect(applyNotificationUpdate(defaultNotificationMatrix(), { sync_failed: { email: true } })).toBeNull();
  });

  it('refuses to switch off a security e-mail with a locked field error', () => {
    const attempt = () => applyNotificationUpdate(defaultNotificationMatrix(), { mfa_changed: { email: false }, sync_failed: { email: false } });
    expect(attempt).toThrow(
      expect.objectContaining({
        status: 422,
        fieldErrors: [{ path: 'preferences.mfa_changed.email', message: 'Security e-mails cannot be switched off.', code: 'locked' }],
      }),
    );
  });
});

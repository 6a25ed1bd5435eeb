import { describe, expect, it } from 'vitest';
import { expectIssue, expectValid, issuesOf } from '../../test/schema-assert.js';
import {
  Email, FieldError, HexColor, Id, Locale, Ok, Page, PageQuery, Problem, RoleSchema, Timestamp, TimeZone,
} from './common.js';
import { EmbedTokenRequest, MfaCode, RecoveryCode, SignInMfaRequest, SignInRequest, SignInResult } from './auth.js';
import { Me } from './me.js';
import { FullName, NewPassword, PasswordChange, ProfileUpdate, passwordMinLength } from './profile.js';
import { PasskeyRegistration, PasskeyRename, ReAuthenticate, TotpDisable, TotpVerify } from './security.js';
import { Session, SessionList } from './sessions.js';

const at = '2026-11-24T09:00:00.000Z';

describe('common', () => {
  it('Id is a non-empty string of at most 64 characters', () => {
    expectValid(Id, 'mem_01');
    expectIssue(Id, '', []);
    expectIssue(Id, 'x'.repeat(65), []);
  });

  it('Timestamp needs an ISO 8601 date-time with an offset', () => {
    expectValid(Timestamp, at);
    expectValid(Timestamp, '2026-11-24T10:00:00+01:00');
    expectIssue(Timestamp, '2026-11-24', []);
    expectIssue(Timestamp, '24/11/2026 09:00', []);
  });

  it('Email accepts addresses and explains a bad one', () => {
    expectValid(Email, 'ada@example.com');
    expectIssue(Email, 'ada@', [], /valid email/);
    expectIssue(Email, `${'a'.repeat(250)}@example.com`, []);
  });

  it('HexColor accepts #rrggbb only', () => {
    expectValid(HexColor, '#1d4ed8');
    expectValid(HexColor, '#ABCDEF');
    for (const bad of ['#fff', '1d4ed8', '#1d4ed8ff', 'red', '#gggggg', 'rgb(0,0,0)']) {
      expectIssue(HexColor, bad, [], /hex colour/);
    }
  });

  it('Locale, TimeZone and RoleSchema', () => {
    expectValid(Locale, 'en-GB');
    expectValid(Locale, 'fr');
    expectIssue(Locale, 'EN_gb', [], /locale/);
    expectValid(TimeZone, 'Europe/London');
    expectValid(TimeZone, 'America/Argentina/Buenos_Aires');
    expectValid(TimeZone, 'UTC');
    expectIssue(TimeZone, 'Europe London', [], /time zone/);
    expectValid(RoleSchema, 'finance');
    expectIssue(RoleSchema, 'superuser', []);
  });

  it('Problem keeps extension members and needs type, title, integer status and code', () => {
    const problem = expectValid(Problem, {
      type: 'https://billingone.dev/problems/validation', title: 'Invalid input', status: 422, code: 'validation_failed',
      fieldErrors: [{ path: 'newPassword', message: 'Use at least 12 characters.' }], instance: '/v1/profile/password',
    });
    expect(problem).toMatchObject({ status: 422, instance: '/v1/profile/password' });
    expectIssue(Problem, { type: 'about:blank', title: 'x', status: 422 }, ['code']);
    expectIssue(Problem, { type: 'about:blank', title: 'x', status: 4.5, code: 'x' }, ['status']);
    expectIssue(Problem, { type: 'about:blank', title: 'x', status: 400, code: 'x', fieldErrors: [{ path: 'a' }] }, ['fieldErrors', 0, 'message']);
    expectValid(FieldError, { path: 'emails.1', message: 'Enter a valid email address.', code: 'invalid_format' });
  });

  it('PageQuery coerces limit from the query string and bounds it', () => {
    expect(expectValid(PageQuery, { limit: '50' })).toEqual({ limit: 50 });
    expect(expectValid(PageQuery, {})).toEqual({});
    expectIssue(PageQuery, { limit: '0' }, ['limit']);
    expectIssue(PageQuery, { limit: '201' }, ['limit']);
    expectIssue(PageQuery, { limit: '2.5' }, ['limit']);
    expectIssue(PageQuery, { limit: 'many' }, ['limit']);
    expectIssue(PageQuery, { cursor: 'c'.repeat(513) }, ['cursor']);
  });

  it('Page wraps items and needs an explicit nextCursor', () => {
    const IdPage = Page(Id);
    expectValid(IdPage, { items: ['a'], nextCursor: null });
    expectValid(IdPage, { items: [], nextCursor: 'next', total: 10 });
    expectIssue(IdPage, { items: ['a'] }, ['nextCursor']);
    expectIssue(IdPage, { items: [''], nextCursor: null }, ['items', 0]);
    expectValid(Ok, { ok: true });
    expectIssue(Ok, { ok: false }, ['ok']);
  });
});

describe('auth', () => {
  it('SignInRequest needs an email and a password', () => {
    expectValid(SignInRequest, { email: 'ada@example.com', password: 'x' });
    expectIssue(SignInRequest, { email: 'ada@example.com', password: '' }, ['password'], /Enter your password/);
    expectIssue(SignInRequest, { email: 'nope', password: 'x' }, ['email']);
  });

  it('SignInResult is discriminated by status', () => {
    expectValid(SignInResult, { status: 'signed_in', csrfToken: 't' });
    expectValid(SignInResult, { status: 'mfa_required', mfaToken: 'm', methods: ['totp', 'recovery_code'] });
    expectIssue(SignInResult, { status: 'mfa_required', mfaToken: 'm', methods: ['sms'] }, ['methods', 0]);
    expect(issuesOf(SignInResult, { status: 'locked' })).not.toEqual([]);
  });

  it('MfaCode is six digits, trimmed; RecoveryCode has the xxxxx-xxxxx shape', () => {
    expect(expectValid(MfaCode, ' 123456 ')).toBe('123456');
    expectIssue(MfaCode, '12345', [], /6-digit/);
    expectIssue(MfaCode, '12345a', [], /6-digit/);
    expectValid(RecoveryCode, 'abcde-12345');
    expectValid(RecoveryCode, 'ABCDE12345');
    expectIssue(RecoveryCode, 'abcd-1234', [], /recovery code/);
  });

  it('SignInMfaRequest takes a code or a recovery code', () => {
    expectValid(SignInMfaRequest, { mfaToken: 'm', code: '123456' });
    expectValid(SignInMfaRequest, { mfaToken: 'm', recoveryCode: 'abcde-12345' });
    expect(issuesOf(SignInMfaRequest, { mfaToken: 'm' })).not.toEqual([]);
    expect(issuesOf(SignInMfaRequest, { mfaToken: '', code: '123456' })).not.toEqual([]);
  });

  it('EmbedTokenRequest bounds the lifetime', () => {
    expectValid(EmbedTokenRequest, { memberEmail: 'ada@example.com' });
    expectValid(EmbedTokenRequest, { memberEmail: 'ada@example.com', ttlSeconds: 900 });
    expectIssue(EmbedTokenRequest, { memberEmail: 'ada@example.com', ttlSeconds: 59 }, ['ttlSeconds']);
    expectIssue(EmbedTokenRequest, { memberEmail: 'ada@example.com', ttlSeconds: 3601 }, ['ttlSeconds']);
    expectIssue(EmbedTokenRequest, { memberEmail: 'ada' }, ['memberEmail']);
  });
});

describe('me', () => {
  const me = {
    member: { id: 'm1', email: 'ada@example.com', name: 'Ada', avatarUrl: null, locale: 'en-GB', timeZone: 'Europe/London' },
    organization: { id: 'o1', name: 'Acme IT', slug: 'acme-it', branding: { primaryColor: '#1d4ed8', accentColor: null, logoUrl: null } },
    role: 'admin',
    permissions: ['self.manage', 'team.view'],
    mfa: { totpEnabled: true, passkeyCount: 0, orgRequiresMfa: false, enrollmentRequired: false },
    auth: { kind: 'session', sessionId: 's1', expiresAt: null },
  };

  it('accepts the signed-in member', () => {
    expectValid(Me, me);
  });

  it('refuses an unknown permission, role or auth kind at its path', () => {
    expectIssue(Me, { ...me, permissions: ['self.manage', 'root'] }, ['permissions', 1]);
    expectIssue(Me, { ...me, role: 'root' }, ['role']);
    expectIssue(Me, { ...me, auth: { ...me.auth, kind: 'cookie' } }, ['auth', 'kind']);
    expectIssue(Me, { ...me, organization: { ...me.organization, branding: { ...me.organization.branding, accentColor: 'teal' } } }, ['organization', 'branding', 'accentColor']);
  });
});

describe('profile', () => {
  it('ProfileUpdate trims the name and checks each field', () => {
    expect(expectValid(ProfileUpdate, { name: '  Ada Lovelace ' })).toEqual({ name: 'Ada Lovelace' });
    expectValid(ProfileUpdate, {});
    expectIssue(ProfileUpdate, { name: '   ' }, ['name'], /full name/);
    expectIssue(ProfileUpdate, { name: 'x'.repeat(121) }, ['name'], /120/);
    expectIssue(ProfileUpdate, { timeZone: 'Mars Base' }, ['timeZone']);
    expectIssue(ProfileUpdate, { locale: 'english' }, ['locale']);
    expectValid(FullName, 'Ada');
  });

  it('PasswordChange refuses a short new password at newPassword', () => {
    expectValid(PasswordChange, { currentPassword: 'old', newPassword: 'correct horse battery' });
    expectIssue(PasswordChange, { currentPassword: 'old', newPassword: 'short' }, ['newPassword'], new RegExp(`at least ${passwordMinLength}`));
    expectIssue(PasswordChange, { currentPassword: 'old', newPassword: 'x'.repeat(257) }, ['newPassword'], /256/);
    expectValid(NewPassword, 'x'.repeat(passwordMinLength));
  });

  it('PasswordChange refuses a missing current password and reusing it', () => {
    expectIssue(PasswordChange, { currentPassword: '', newPassword: 'correct horse battery' }, ['currentPassword'], /current password/);
    expectIssue(PasswordChange, { currentPassword: 'correct horse battery', newPassword: 'correct horse battery' }, ['newPassword'], /different/);
  });
});

describe('security', () => {
  it('TotpVerify and TotpDisable need a 6-digit code', () => {
    expectValid(TotpVerify, { enrollmentId: 'e1', code: '123456' });
    expectIssue(TotpVerify, { enrollmentId: 'e1', code: '1234567' }, ['code']);
    expectIssue(TotpVerify, { enrollmentId: '', code: '123456' }, ['enrollmentId']);
    expectIssue(TotpDisable, { code: 'abcdef' }, ['code']);
  });

  it('ReAuthenticate takes a password or a code', () => {
    expectValid(ReAuthenticate, { password: 'secret' });
    expectValid(ReAuthenticate, { code: '123456' });
    expect(issuesOf(ReAuthenticate, {})).not.toEqual([]);
  });

  it('passkey names are trimmed, non-empty and at most 64 characters', () => {
    expect(expectValid(PasskeyRename, { name: ' YubiKey ' })).toEqual({ name: 'YubiKey' });
    expectIssue(PasskeyRename, { name: '  ' }, ['name'], /Name the passkey/);
    expectIssue(PasskeyRename, { name: 'k'.repeat(65) }, ['name'], /64/);
    expectValid(PasskeyRegistration, { challengeId: 'c1', name: 'Laptop', response: { id: 'abc', type: 'public-key' } });
    expectIssue(PasskeyRegistration, { challengeId: 'c1', name: 'Laptop', response: 'abc' }, ['response']);
  });
});

describe('sessions', () => {
  const session = { id: 's1', current: true, browser: 'Firefox', os: 'Linux', ip: '192.0.2.1', location: null, createdAt: at, lastActiveAt: at };

  it('accepts a list of sessions', () => {
    expectValid(SessionList, { items: [session, { ...session, id: 's2', current: false, browser: null }] });
  });

  it('refuses a malformed session at its path', () => {
    expectIssue(Session, { ...session, lastActiveAt: 'yesterday' }, ['lastActiveAt']);
    expectIssue(SessionList, { items: [session, { ...session, current: 'yes' }] }, ['items', 1, 'current']);
  });
});

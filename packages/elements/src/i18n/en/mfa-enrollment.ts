/** Strings of `<billingone-mfa-enrollment>`, the mandatory enrolment gate (its steps use the `security.totp.*` strings). */
export const mfaEnrollment = {
  'mfaEnrollment.title': 'Set up two-factor authentication',
  'mfaEnrollment.policy': '{organization} requires everyone to use two-factor authentication. Set it up to continue to your settings.',
  'mfaEnrollment.notRequired': 'Your organization does not require two-factor authentication, but it protects your account if your password is ever exposed.',
  'mfaEnrollment.intro': 'It takes about a minute. You need a phone or computer with an authenticator app.',
  'mfaEnrollment.step.app': 'Install an authenticator app, such as Google Authenticator, Microsoft Authenticator or 1Password, if you do not have one.',
  'mfaEnrollment.step.scan': 'Scan the QR code we show you and enter the 6-digit code from the app.',
  'mfaEnrollment.step.codes': 'Save your recovery codes for when you cannot use the app.',
  'mfaEnrollment.start': 'Get started',
  'mfaEnrollment.done': 'Two-factor authentication is set up. Taking you to your settings…',
  'mfaEnrollment.alreadySet': 'Two-factor authentication is already set up for your account.',
} satisfies Record<string, string>;

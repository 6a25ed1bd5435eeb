import type { EndpointId } from './endpoints.js';

/**
 * The one-sentence summary of every endpoint, for the OpenAPI document. Kept apart from the endpoint
 * descriptors because browsers load those: the summaries would ride along in every bundle.
 */
export const endpointSummaries: Readonly<Record<EndpointId, string>> = {
  'auth.signIn': 'Sign in with email and password; answers mfa_required when a second factor is enrolled.',
  'auth.signInMfa': 'Complete sign-in with a TOTP code or a recovery code.',
  'auth.passkeyOptions': 'WebAuthn authentication options for passkey sign-in.',
  'auth.passkeySignIn': 'Sign in with a passkey assertion.',
  'auth.csrf': 'The CSRF token of the cookie session (send it as X-CSRF-Token on writes).',
  'auth.signOut': 'End the current session.',
  'auth.embedToken': 'Exchange an organization API key (Authorization: Bearer) for a short-lived embed token for one member.',

  'me.get': 'The signed-in member, organization, role, permissions and MFA state.',

  'profile.get': 'Your profile.',
  'profile.update': 'Update name, locale or time zone.',
  'profile.uploadAvatar': 'Upload or replace the avatar (raw image body; PNG, JPEG or WebP, ≤ 2 MB).',
  'profile.removeAvatar': 'Remove the avatar.',
  'profile.changePassword': 'Change the password; your other sessions are signed out.',

  'security.get': 'MFA, passkeys and recovery-code status.',
  'security.totp.start': 'Start TOTP enrolment: a new secret and otpauth URI.',
  'security.totp.verify': 'Verify a code to enable TOTP; returns recovery codes once.',
  'security.totp.disable': 'Disable TOTP (needs a current code; refused while the organization requires MFA).',
  'security.reauthenticate': 'Re-authenticate (password or TOTP code) for 10 minutes of sensitive actions.',
  'security.recoveryCodes.get': 'The unused recovery codes (needs recent re-authentication).',
  'security.recoveryCodes.regenerate': 'Replace all recovery codes; the old ones stop working.',
  'security.passkeys.options': 'WebAuthn registration options.',
  'security.passkeys.register': 'Register a passkey from an attestation (a passkey satisfies the MFA policy).',
  'security.passkeys.rename': 'Rename a passkey.',
  'security.passkeys.remove': 'Remove a passkey.',
  'security.loginHistory': 'Your sign-ins, newest first.',

  'sessions.list': 'Your signed-in devices.',
  'sessions.terminate': 'Sign out one device.',
  'sessions.terminateOthers': 'Sign out every device but this one.',

  'organization.get': 'The organization.',
  'organization.update': 'Rename, change the slug, the MFA policy or embedding origins (If-Match required).',
  'organization.slugAvailability': 'Whether a slug is free.',

  'branding.get': 'Logo and colours.',
  'branding.update': 'Change colours (If-Match required).',
  'branding.reset': 'Back to the default colours and no logo (If-Match required).',
  'branding.uploadLogo': 'Upload or replace the logo (raw image body).',
  'branding.removeLogo': 'Remove the logo.',

  'members.list': 'Members, searchable by name or email and filterable by role (cursor paging).',
  'members.get': 'One member.',
  'members.changeRole': 'Change a member\u2019s role (Owner changes need an Owner).',
  'members.remove': 'Remove a member.',
  'members.transferOwnership': 'Make another member the Owner; you become an Admin.',
  'invitations.list': 'Pending and expired invitations.',
  'invitations.create': 'Invite one or more people with a role.',
  'invitations.resend': 'Send the invitation again with a new expiry.',
  'invitations.revoke': 'Revoke an invitation.',
  'invitations.accept': 'Accept an invitation: creates the member and signs them in.',
  'roles.list': 'The roles, what each may do and how many members hold it.',

  'integrations.list': 'Pax8 and Xero status, last and next sync, counts.',
  'integrations.pax8.test': 'Test Pax8 credentials: get a token, then read one company.',
  'integrations.pax8.save': 'Save Pax8 credentials (tested first; the secret is write-only).',
  'integrations.xero.authorize': 'Start Xero OAuth: an authorize URL with one-use state and PKCE.',
  'integrations.xero.callback': 'Finish Xero OAuth with the code and state the provider returned.',
  'integrations.xero.tenant': 'Pick the Xero organisation to sync.',
  'integrations.sync': 'Start a sync now.',
  'integrations.syncRuns': 'Sync history, newest first.',
  'integrations.disconnect': 'Disconnect (Xero grants are revoked; stored secrets deleted).',
  'integrations.pax8.mappings': 'Pax8 companies and the BillingOne clients they map to, with suggestions.',
  'integrations.pax8.mappings.update': 'Map (or unmap with null) Pax8 companies to clients, in bulk.',

  'notifications.get': 'Your notification matrix.',
  'notifications.update': 'Change cells of the matrix (If-Match required).',

  'audit.list': 'Audit entries, newest first, filtered (cursor paging).',
  'audit.export': 'The current filter as CSV (streamed).',
};

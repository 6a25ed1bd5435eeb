import type { MessageKey } from '../i18n/localize.js';

/**
 * The audit actions the Settings API records, grouped by what they concern. The filter offers a whole
 * group (the API matches an action without a dot as a prefix) or one action; entries with an action not
 * listed here still show, under their code.
 */
export const auditActionGroups = [
  { group: 'member', label: 'audit.group.member', actions: ['member.joined', 'member.role_changed', 'member.removed', 'member.password_changed'] },
  { group: 'invitation', label: 'audit.group.invitation', actions: ['invitation.created', 'invitation.resent', 'invitation.revoked'] },
  { group: 'organization', label: 'audit.group.organization', actions: ['organization.updated', 'organization.ownership_transferred'] },
  { group: 'branding', label: 'audit.group.branding', actions: ['branding.updated', 'branding.reset', 'branding.logo_updated', 'branding.logo_removed'] },
  { group: 'auth', label: 'audit.group.auth', actions: ['auth.signed_in', 'auth.signed_out'] },
  {
    group: 'security',
    label: 'audit.group.security',
    actions: [
      'security.totp.enrollment_started',
      'security.totp.enabled',
      'security.totp.disabled',
      'security.passkey.registered',
      'security.passkey.renamed',
      'security.passkey.removed',
      'security.recovery_codes.regenerated',
      'security.recovery_codes.viewed',
      'security.recovery_code.used',
      'security.reauthenticated',
    ],
  },
  { group: 'session', label: 'audit.group.session', actions: ['session.terminated', 'session.terminated_others'] },
  { group: 'profile', label: 'audit.group.profile', actions: ['profile.updated', 'profile.avatar_updated', 'profile.avatar_removed'] },
  { group: 'notifications', label: 'audit.group.notifications', actions: ['notifications.updated'] },
  {
    group: 'integration',
    label: 'audit.group.integration',
    actions: [
      'integration.pax8.configured',
      'integration.xero.authorized',
      'integration.xero.connected',
      'integration.synced',
      'integration.pax8.mappings_updated',
      'integration.disconnected',
    ],
  },
  { group: 'audit_log', label: 'audit.group.auditLog', actions: ['audit_log.exported'] },
  { group: 'embed_token', label: 'audit.group.embedToken', actions: ['embed_token.created'] },
] as const satisfies readonly { group: string; label: MessageKey; actions: readonly string[] }[];

/** Every action listed above. */
const knownActions: ReadonlySet<string> = new Set(auditActionGroups.flatMap((group) => group.actions));

/** Catalogue key of a known action's name (`audit.action.<action>`), or undefined for an action not listed. */
export function auditActionKey(action: string): MessageKey | undefined {
  return knownActions.has(action) ? (`audit.action.${action}` as MessageKey) : undefined;
}

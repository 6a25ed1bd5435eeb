import type { Catalogue } from './en/index.js';

/** Loads one namespace of strings in one language. */
export type MessageLoader = () => Promise<Catalogue>;

/**
 * The strings of each section, one chunk per language, loaded when an element of the section first
 * renders (and preloaded by the shell with the section's code), so a page carries only the strings
 * of the sections it shows. The key is the namespace: the first segment of the section's keys.
 */
export const sectionMessages: Readonly<Record<string, Readonly<Record<string, MessageLoader>>>> = {
  profile: {
    en: () => import('./en/profile.js').then((m) => m.profile),
    fr: () => import('./fr/profile.js').then((m) => m.profile),
    ar: () => import('./ar/profile.js').then((m) => m.profile),
  },
  security: {
    en: () => import('./en/security.js').then((m) => m.security),
    fr: () => import('./fr/security.js').then((m) => m.security),
    ar: () => import('./ar/security.js').then((m) => m.security),
  },
  mfaEnrollment: {
    en: () => import('./en/mfa-enrollment.js').then((m) => m.mfaEnrollment),
    fr: () => import('./fr/mfa-enrollment.js').then((m) => m.mfaEnrollment),
    ar: () => import('./ar/mfa-enrollment.js').then((m) => m.mfaEnrollment),
  },
  sessions: {
    en: () => import('./en/sessions.js').then((m) => m.sessions),
    fr: () => import('./fr/sessions.js').then((m) => m.sessions),
    ar: () => import('./ar/sessions.js').then((m) => m.sessions),
  },
  team: {
    en: () => import('./en/team.js').then((m) => m.team),
    fr: () => import('./fr/team.js').then((m) => m.team),
    ar: () => import('./ar/team.js').then((m) => m.team),
  },
  audit: {
    en: () => import('./en/audit-log.js').then((m) => m.auditLog),
    fr: () => import('./fr/audit-log.js').then((m) => m.auditLog),
    ar: () => import('./ar/audit-log.js').then((m) => m.auditLog),
  },
  branding: {
    en: () => import('./en/branding.js').then((m) => m.branding),
    fr: () => import('./fr/branding.js').then((m) => m.branding),
    ar: () => import('./ar/branding.js').then((m) => m.branding),
  },
  notifications: {
    en: () => import('./en/notifications.js').then((m) => m.notifications),
    fr: () => import('./fr/notifications.js').then((m) => m.notifications),
    ar: () => import('./ar/notifications.js').then((m) => m.notifications),
  },
  integrations: {
    en: () => import('./en/integrations.js').then((m) => m.integrations),
    fr: () => import('./fr/integrations.js').then((m) => m.integrations),
    ar: () => import('./ar/integrations.js').then((m) => m.integrations),
  },
  organization: {
    en: () => import('./en/organization.js').then((m) => m.organization),
    fr: () => import('./fr/organization.js').then((m) => m.organization),
    ar: () => import('./ar/organization.js').then((m) => m.organization),
  },
};

/** The other languages shipped besides English: their shared and shell strings (the rest comes per section). */
export const baseMessages: Readonly<Record<string, MessageLoader>> = {
  fr: () => import('./fr/index.js').then((m) => m.fr),
  ar: () => import('./ar/index.js').then((m) => m.ar),
};

/** Namespaces whose tag name does not say them (`billingone-<namespace>` is the default). */
const elementNamespaces: Readonly<Record<string, readonly string[]>> = {
  'billingone-audit-log': ['audit'],
  // The enrolment gate reuses the security section's TOTP and passkey steps.
  'billingone-mfa-enrollment': ['mfaEnrollment', 'security'],
};

/** The namespaces of strings an element needs before its first render. */
export function namespacesOf(tagName: string): readonly string[] {
  const known = elementNamespaces[tagName];
  if (known) return known;
  const name = tagName.startsWith('billingone-') ? tagName.slice('billingone-'.length) : '';
  return name in sectionMessages ? [name] : [];
}

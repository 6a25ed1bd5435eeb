import { sections, type Section } from '@billingone/settings-core';

/** Every element the shell can show: the navigable sections and the MFA enrolment gate. */
export type ShellSection = Section | 'mfa-enrollment';

/** Custom element name of each built-in section. */
export const sectionTags: Readonly<Record<ShellSection, string>> = {
  profile: 'billingone-profile',
  security: 'billingone-security',
  sessions: 'billingone-sessions',
  notifications: 'billingone-notifications',
  organization: 'billingone-organization',
  branding: 'billingone-branding',
  team: 'billingone-team',
  integrations: 'billingone-integrations',
  'audit-log': 'billingone-audit-log',
  'mfa-enrollment': 'billingone-mfa-enrollment',
};

/** Loads the module that registers a section's element. */
export type SectionLoader = () => Promise<unknown>;

/**
 * How the shell loads each section: one dynamic import per section, so the first paint carries only
 * the section on screen and bundlers split the others into their own chunks.
 */
export const sectionLoaders: Readonly<Record<ShellSection, SectionLoader>> = {
  profile: () => import('../profile/define.js'),
  security: () => import('../security/define.js'),
  sessions: () => import('../sessions/define.js'),
  notifications: () => import('../notifications/define.js'),
  organization: () => import('../organization/define.js'),
  branding: () => import('../branding/define.js'),
  team: () => import('../team/define.js'),
  integrations: () => import('../integrations/define.js'),
  'audit-log': () => import('../audit-log/define.js'),
  'mfa-enrollment': () => import('../mfa-enrollment/define.js'),
};

export function isBuiltInSection(name: string): name is Section {
  return (sections as readonly string[]).includes(name);
}

/** Catalogue key of each section's name. */
export const sectionLabelKeys = {
  profile: 'shell.section.profile',
  security: 'shell.section.security',
  sessions: 'shell.section.sessions',
  notifications: 'shell.section.notifications',
  organization: 'shell.section.organization',
  branding: 'shell.section.branding',
  team: 'shell.section.team',
  integrations: 'shell.section.integrations',
  'audit-log': 'shell.section.audit-log',
  'mfa-enrollment': 'shell.section.mfa-enrollment',
} as const satisfies Record<ShellSection, string>;

import { can, type HasRole, type Permission } from './permissions.js';

/** The built-in sections of the settings area, in navigation order. */
export const sections = [
  'profile',
  'security',
  'sessions',
  'notifications',
  'organization',
  'branding',
  'team',
  'integrations',
  'audit-log',
] as const;
export type Section = (typeof sections)[number];

/** The permission that shows each section. */
export const sectionPermission: Readonly<Record<Section, Permission>> = {
  profile: 'self.manage',
  security: 'self.manage',
  sessions: 'self.manage',
  notifications: 'self.manage',
  organization: 'organization.edit',
  branding: 'branding.edit',
  team: 'team.view',
  integrations: 'integrations.view',
  'audit-log': 'audit.view',
};

/** The sections a member sees, in navigation order. */
export function visibleSections(member: HasRole | null | undefined): Section[] {
  return sections.filter((section) => can(member, sectionPermission[section]));
}

/** Whether a member may open a section. */
export function canSeeSection(member: HasRole | null | undefined, section: Section): boolean {
  return can(member, sectionPermission[section]);
}

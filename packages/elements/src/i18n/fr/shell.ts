import type { shell as en } from '../en/shell.js';

export const shell: Record<keyof typeof en, string> = {
  'shell.nav.label': 'Paramètres',
  'shell.menu.button': 'Menu des paramètres',
  'shell.menu.current': 'Menu des paramètres : {section}',
  'shell.section.profile': 'Profil',
  'shell.section.security': 'Sécurité',
  'shell.section.sessions': 'Sessions',
  'shell.section.notifications': 'Notifications',
  'shell.section.organization': 'Organisation',
  'shell.section.branding': 'Image de marque',
  'shell.section.team': 'Équipe',
  'shell.section.integrations': 'Intégrations',
  'shell.section.audit-log': 'Journal d’audit',
  'shell.section.mfa-enrollment': 'Configurer l’authentification à deux facteurs',
  'shell.loading': 'Chargement de vos paramètres…',
  'shell.error.title': 'Impossible de charger vos paramètres',
  'shell.sectionError.title': 'Cette section n’a pas pu être chargée',
  'shell.sectionError.body': 'Une partie de l’espace des paramètres n’a pas pu être téléchargée. Vérifiez votre connexion, puis réessayez.',
  'shell.opened': 'Paramètres : {section}',
};

import type { Catalogue } from '../en/index.js';
import { common } from './common.js';
import { shell } from './shell.js';
import { profile } from './profile.js';
import { security } from './security.js';
import { mfaEnrollment } from './mfa-enrollment.js';
import { sessions } from './sessions.js';
import { team } from './team.js';
import { auditLog } from './audit-log.js';
import { branding } from './branding.js';
import { notifications } from './notifications.js';
import { integrations } from './integrations.js';
import { organization } from './organization.js';

/** The French catalogue (complete: a test compares its keys with English). */
export const fr: Catalogue = {
  ...common,
  ...shell,
  ...profile,
  ...security,
  ...mfaEnrollment,
  ...sessions,
  ...team,
  ...auditLog,
  ...branding,
  ...notifications,
  ...integrations,
  ...organization,
};

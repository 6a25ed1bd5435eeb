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

/**
 * The English catalogue: one flat record of every string, keyed `<section>.<name>`. Each section keeps
 * its strings in its own file beside this one and spreads it in here.
 */
export const en = {
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

/** A key of the English catalogue; `t()` accepts only these. */
export type MessageKey = keyof typeof en;
/** A catalogue for another language: the same keys (missing ones fall back to English). */
export type Catalogue = Partial<Record<MessageKey, string>>;

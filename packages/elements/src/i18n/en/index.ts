import { common } from './common.js';
import { shell } from './shell.js';
import type { profile } from './profile.js';
import type { security } from './security.js';
import type { mfaEnrollment } from './mfa-enrollment.js';
import type { sessions } from './sessions.js';
import type { team } from './team.js';
import type { auditLog } from './audit-log.js';
import type { branding } from './branding.js';
import type { notifications } from './notifications.js';
import type { integrations } from './integrations.js';
import type { organization } from './organization.js';

/**
 * English strings always present: the shared ones and the shell's. Each section keeps its strings
 * in its own file beside this one (keys `<namespace>.<name>`), loaded with the section: see
 * ../messages.ts, where a new section adds its loaders, and add its type to {@link English} below.
 */
export const en = {
  ...common,
  ...shell,
};

/** Every English string of every section (the type `t()` checks keys against). */
export type English = typeof common &
  typeof shell &
  typeof profile &
  typeof security &
  typeof mfaEnrollment &
  typeof sessions &
  typeof team &
  typeof auditLog &
  typeof branding &
  typeof notifications &
  typeof integrations &
  typeof organization;

/** A key of the English catalogue; `t()` accepts only these. */
export type MessageKey = keyof English;
/** A catalogue for another language: the same keys (missing ones fall back to English). */
export type Catalogue = Partial<Record<MessageKey, string>>;

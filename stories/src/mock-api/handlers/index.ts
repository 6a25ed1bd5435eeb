import type { Handler } from '../context.js';
import { auditHandlers } from './audit.js';
import { authHandlers } from './auth.js';
import { brandingHandlers } from './branding.js';
import { integrationHandlers } from './integrations.js';
import { meHandlers } from './me.js';
import { notificationHandlers } from './notifications.js';
import { organizationHandlers } from './organization.js';
import { profileHandlers } from './profile.js';
import { securityHandlers } from './security.js';
import { sessionHandlers } from './sessions.js';
import { teamHandlers } from './team.js';

/** One handler per endpoint of the contract. */
export const handlers: readonly Handler[] = [
  ...authHandlers,
  ...meHandlers,
  ...profileHandlers,
  ...securityHandlers,
  ...sessionHandlers,
  ...organizationHandlers,
  ...brandingHandlers,
  ...teamHandlers,
  ...integrationHandlers,
  ...notificationHandlers,
  ...auditHandlers,
];

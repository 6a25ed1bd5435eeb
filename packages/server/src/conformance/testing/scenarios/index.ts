import type { Scenario } from '../scenario.js';
import { authScenarios } from './auth.js';
import { integrationScenarios } from './integrations.js';
import { notificationAndAuditScenarios } from './notifications-and-audit.js';
import { organizationScenarios } from './organization.js';
import { profileScenarios } from './profile.js';
import { securityScenarios } from './security.js';
import { sessionScenarios } from './sessions.js';
import { teamScenarios } from './team.js';

/**
 * A valid request of every member endpoint the suite can build over HTTP, by endpoint id. An
 * endpoint without one is still checked, with placeholder parameters, on the access side.
 */
export const scenarios: Record<string, Scenario> = {
  ...authScenarios,
  ...profileScenarios,
  ...securityScenarios,
  ...sessionScenarios,
  ...organizationScenarios,
  ...teamScenarios,
  ...integrationScenarios,
  ...notificationAndAuditScenarios,
};

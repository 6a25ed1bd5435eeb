import type { Endpoint } from './endpoint.js';
import { auditEndpoints } from './schemas/audit.js';
import { authEndpoints } from './schemas/auth.js';
import { brandingEndpoints } from './schemas/branding.js';
import { integrationEndpoints } from './schemas/integrations.js';
import { meEndpoints } from './schemas/me.js';
import { notificationEndpoints } from './schemas/notifications.js';
import { organizationEndpoints } from './schemas/organization.js';
import { profileEndpoints } from './schemas/profile.js';
import { securityEndpoints } from './schemas/security.js';
import { sessionEndpoints } from './schemas/sessions.js';
import { teamEndpoints } from './schemas/team.js';

/**
 * Every operation of the Settings API, grouped by resource. Importing this pulls in every schema:
 * browser code should import the group it needs from its schema module instead.
 */
export const api = {
  auth: authEndpoints,
  me: meEndpoints,
  profile: profileEndpoints,
  security: securityEndpoints,
  sessions: sessionEndpoints,
  organization: organizationEndpoints,
  branding: brandingEndpoints,
  team: teamEndpoints,
  integrations: integrationEndpoints,
  notifications: notificationEndpoints,
  audit: auditEndpoints,
} as const;

type Api = typeof api;

/** The id of every endpoint, e.g. `members.list`. */
export type EndpointId = { [Group in keyof Api]: Api[Group][keyof Api[Group]] }[keyof Api]['id'];

/** The flat list of every endpoint (server routing, OpenAPI, conformance tests). */
export const allEndpoints: readonly Endpoint[] = Object.values(api).flatMap((group) => Object.values(group) as Endpoint[]);

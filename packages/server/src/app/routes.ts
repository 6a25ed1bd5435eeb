import type { Hono } from 'hono';
import type { AppEnv } from './env.js';
import type { ResolvedDeps } from './deps.js';
import type { Route } from './route.js';
import * as audit from '../routes/audit.js';
import * as auth from '../routes/auth.js';
import * as branding from '../routes/branding.js';
import * as integrations from '../routes/integrations.js';
import * as invitations from '../routes/invitations.js';
import * as me from '../routes/me.js';
import * as members from '../routes/members.js';
import * as notifications from '../routes/notifications.js';
import * as openapi from '../routes/openapi.js';
import * as organization from '../routes/organization.js';
import * as profile from '../routes/profile.js';
import * as roles from '../routes/roles.js';
import * as security from '../routes/security.js';
import * as securitySignIn from '../routes/security-sign-in.js';
import * as sessions from '../routes/sessions.js';
import * as uploads from '../routes/uploads.js';

/**
 * A route file: `routes` built with `defineRoute` (one per endpoint of the contract) and, when it
 * needs paths outside the contract (file downloads, redirects), a `register` function.
 */
export interface RouteModule {
  readonly routes?: readonly Route[];
  readonly register?: (app: Hono<AppEnv>, deps: ResolvedDeps) => void;
}

/** Every route file of the API. Add one line per file. */
export const routeModules: readonly RouteModule[] = [
  auth,
  me,
  profile,
  sessions,
  organization,
  branding,
  members,
  invitations,
  roles,
  notifications,
  audit,
  openapi,
  security,
  securitySignIn,
  uploads,
  integrations,
];

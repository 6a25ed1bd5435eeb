export { createSettingsApi, collectRoutes, type SettingsApi } from './app/create-app.js';
export { defineRoute, type Route, type RouteContext, type RouteOptions } from './app/route.js';
export { problem, fieldProblem, ProblemError } from './app/problem.js';
export type { AppDeps, AppProviders, InvitationMessage, Logger, Mailer } from './app/deps.js';
export { routeModules, type RouteModule } from './app/routes.js';
export { openDatabase, migrate, migrations, truncateAll, DatabaseBusyError, type Db, type Queryable, type Migration, type OpenDatabaseOptions } from './db/index.js';
export { writeAudit, redact, type AuditInput, type AuditRecord } from './audit/index.js';
export { seed, seedLarge, isSeeded, DEMO_PASSWORD, demoMembers, demoOrganization, type SeedOptions, type SeedResult, type LargeSeedOptions } from './seed.js';
export { createSecretBox, loadSecretKey, parseSecretKey, type SecretBox } from './security/crypto.js';
export { hashPassword, verifyPassword } from './security/passwords.js';
export type { Pax8ProviderConfig, XeroProviderConfig } from './integrations/providers.js';
export {
  startSimulators,
  PAX8_DEMO_CLIENT_ID,
  PAX8_DEMO_CLIENT_SECRET,
  XERO_DEMO_CLIENT_ID,
  XERO_DEMO_CLIENT_SECRET,
  type RunningSimulators,
} from './simulators/index.js';
export { startReferenceStack, demoApiKeyFile, type ReferenceStack, type ReferenceStackOptions } from './stack.js';

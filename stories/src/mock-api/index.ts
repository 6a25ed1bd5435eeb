export { createMockApi, type FailureRule, type MockApi, type MockApiOptions, type MockCall } from './api.js';
export { MockState, type FixtureOptions, type IntegrationsFixture } from './state.js';
export type { ContractViolation } from './router.js';
export { DEMO_PASSWORD, demoMembers, demoOrganization, pax8Demo, xeroDemo } from './fixtures/people.js';
export { auditLogSizes } from './fixtures/audit-log.js';
export { teamSizes } from './fixtures/team.js';
export { totpCode, verifyTotp, base32Decode } from './totp.js';

/**
 * The Settings API conformance suite: over HTTP only, against `CONFORMANCE_BASE_URL` or a
 * reference server it starts itself. See README.md in this folder.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { describeAnswers } from './testing/checks/answers.js';
import { describeAudit } from './testing/checks/audit.js';
import { describeAuthentication } from './testing/checks/authentication.js';
import { describeCsrf } from './testing/checks/csrf.js';
import { describeEtags } from './testing/checks/etag.js';
import { describeLeftAsFound } from './testing/checks/left-as-found.js';
import { describePaging } from './testing/checks/paging.js';
import { describePublicEndpoints } from './testing/checks/public-endpoints.js';
import { describeRandomBodies } from './testing/checks/random-bodies.js';
import { describeRandomRequests } from './testing/checks/random-requests.js';
import { describeRoleMatrix } from './testing/checks/role-matrix.js';
import { describeSecrets } from './testing/checks/secrets.js';
import { createSuite } from './testing/suite.js';

const suite = createSuite();
beforeAll(() => suite.open(), 120_000);
afterAll(() => suite.close(), 120_000);

// Long enough to wait out a target's rate limit (Retry-After up to a minute) or a TOTP step.
describe('Settings API conformance', { timeout: 150_000 }, () => {
  describeAuthentication(suite);
  describeRoleMatrix(suite);
  describeCsrf(suite);
  describeRandomBodies(suite);
  describeRandomRequests(suite);
  describeEtags(suite);
  describeAudit(suite);
  describePaging(suite);
  describePublicEndpoints(suite);
  describeAnswers(suite);
  describeSecrets(suite);
  describeLeftAsFound(suite);
});

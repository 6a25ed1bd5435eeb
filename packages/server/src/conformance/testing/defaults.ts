import type { TargetCredentials } from './credentials.js';

/**
 * The reference server's demo sign-ins (`demoMembers` and `DEMO_PASSWORD` in src/seed.ts) and the
 * demo pair its Pax8 simulator accepts (src/simulators/pax8.ts). Copied rather than imported so
 * the checks never load server code; the in-process run signs in with these, so a drift fails it.
 */
const password = 'billingone-demo';

export const demoCredentials: TargetCredentials = {
  members: {
    owner: { email: 'owner@acme.test', password },
    admin: { email: 'admin@acme.test', password },
    finance: { email: 'finance@acme.test', password },
    engineer: { email: 'engineer@acme.test', password },
    viewer: { email: 'viewer@acme.test', password },
  },
  pax8: { clientId: 'p8DemoB1llingOneClient0000000001', clientSecret: 'p8s_demo_3JQmZcW7rX2vLk9TnY4dHf6GbS1aPe8U' },
};

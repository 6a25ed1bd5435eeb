import { roles, type Role } from '@billingone/settings-core';

export interface Login {
  email: string;
  password: string;
}

/** Who the suite signs in as, and the optional extras some checks need. */
export interface TargetCredentials {
  /** One member of every role, none with a second factor. */
  members: Record<Role, Login>;
  /** Pax8 credentials the target's Pax8 accepts; without them, Pax8 writes are checked on the access side only. */
  pax8?: { clientId: string; clientSecret: string };
  /** An organization API key, for the server-to-server endpoint (`POST /v1/embed-tokens`). */
  apiKey?: string;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/**
 * Reads the `CONFORMANCE_CREDENTIALS` file:
 * `{ "owner": { "email", "password" }, "admin": …, "finance": …, "engineer": …, "viewer": …,
 *    "pax8"?: { "clientId", "clientSecret" }, "apiKey"?: "bo_sk_…" }`.
 */
export function parseCredentials(json: unknown, source: string): TargetCredentials {
  const file = (json ?? {}) as Record<string, any>;
  const members = {} as Record<Role, Login>;
  for (const role of roles) {
    const login = file[role];
    if (!isText(login?.email) || !isText(login?.password)) {
      throw new Error(`${source}: "${role}" needs an "email" and a "password".`);
    }
    members[role] = { email: login.email, password: login.password };
  }
  const pax8 = file.pax8;
  if (pax8 !== undefined && (!isText(pax8?.clientId) || !isText(pax8?.clientSecret))) {
    throw new Error(`${source}: "pax8" needs a "clientId" and a "clientSecret".`);
  }
  if (file.apiKey !== undefined && !isText(file.apiKey)) throw new Error(`${source}: "apiKey" must be a string.`);
  return { members, ...(pax8 ? { pax8: { clientId: pax8.clientId, clientSecret: pax8.clientSecret } } : {}), ...(file.apiKey ? { apiKey: file.apiKey } : {}) };
}

import type { Role } from '@billingone/settings-core';
import type { Queryable } from '../db/types.js';
import { hashPassword } from '../security/passwords.js';

/** Every fixture member's password. */
export const TEST_PASSWORD = 'billingone-demo';

export const fixtureOrg = { id: 'org_acme', name: 'Acme MSP', slug: 'acme' } as const;

export interface FixtureMember {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** One member per role, ids `mem_<role>`, emails `<role>@acme.test`. */
export const fixtureMembers: Readonly<Record<Role, FixtureMember>> = {
  owner: { id: 'mem_owner', email: 'owner@acme.test', name: 'Olivia Owner', role: 'owner' },
  admin: { id: 'mem_admin', email: 'admin@acme.test', name: 'Adam Admin', role: 'admin' },
  finance: { id: 'mem_finance', email: 'finance@acme.test', name: 'Fiona Finance', role: 'finance' },
  engineer: { id: 'mem_engineer', email: 'engineer@acme.test', name: 'Eddie Engineer', role: 'engineer' },
  viewer: { id: 'mem_viewer', email: 'viewer@acme.test', name: 'Vera Viewer', role: 'viewer' },
};

/** A second organization, to check that nothing leaks across organizations. */
export const otherOrg = { id: 'org_other', name: 'Other MSP', slug: 'other-msp', ownerId: 'mem_other_owner', ownerEmail: 'owner@other.test' } as const;

let cheapHash: Promise<string> | undefined;
/** The fixture password hashed with a low scrypt cost (the parameters travel in the hash), once per process. */
export function fixturePasswordHash(): Promise<string> {
  cheapHash ??= hashPassword(TEST_PASSWORD, { logN: 10, r: 8, p: 1 });
  return cheapHash;
}

/** Inserts the fixture organizations and members. */
export async function insertFixture(db: Queryable, now: Date): Promise<void> {
  const hash = await fixturePasswordHash();
  await db.query(
    `INSERT INTO organizations (id, name, slug, branding_updated_at, created_at, updated_at)
     VALUES ($1, $2, $3, $7, $7, $7), ($4, $5, $6, $7, $7, $7)`,
    [fixtureOrg.id, fixtureOrg.name, fixtureOrg.slug, otherOrg.id, otherOrg.name, otherOrg.slug, now],
  );
  const members = [
    ...Object.values(fixtureMembers).map((m) => [m.id, fixtureOrg.id, m.email, m.name, m.role]),
    [otherOrg.ownerId, otherOrg.id, otherOrg.ownerEmail, 'Oscar Other', 'owner'],
  ];
  for (const [id, orgId, email, name, role] of members) {
    await db.query(
      `INSERT INTO members (id, org_id, email, name, password_hash, role, joined_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [id, orgId, email, name, hash, role, now],
    );
  }
}

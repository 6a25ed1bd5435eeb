import type { Role } from '@billingone/settings-core';
import { mulberry32 } from '@billingone/settings-core/implementation';
import { API_KEY_PREFIX } from './app/actor.js';
import { newId, randomToken, sha256 } from './app/ids.js';
import { writeAudit, type AuditInput } from './audit/write.js';
import type { Db, Queryable } from './db/types.js';
import { hashPassword } from './security/passwords.js';
import { MSP_CLIENTS } from './simulators/msp-clients.js';

/** The password of every demo member (15 characters). */
export const DEMO_PASSWORD = 'billingone-demo';

export const demoOrganization = { name: 'Acme MSP', slug: 'acme' } as const;

/** One demo member per role; all sign in with `DEMO_PASSWORD`. */
export const demoMembers: readonly { role: Role; email: string; name: string }[] = [
  { role: 'owner', email: 'owner@acme.test', name: 'Olivia Hart' },
  { role: 'admin', email: 'admin@acme.test', name: 'Adam Price' },
  { role: 'finance', email: 'finance@acme.test', name: 'Fiona Shah' },
  { role: 'engineer', email: 'engineer@acme.test', name: 'Ethan Cole' },
  { role: 'viewer', email: 'viewer@acme.test', name: 'Vera Lind' },
];

/** Origins allowed to embed the demo organization with a bearer token (example hosts, Storybook). */
export const demoEmbedOrigins = ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:5174', 'http://127.0.0.1:5174', 'http://localhost:6006', 'http://127.0.0.1:6006', 'http://localhost:5180', 'http://127.0.0.1:5180'];

export interface SeedOptions {
  /** "Now" for the seeded history (defaults to the current time). */
  now?: Date;
  /** Extra members besides one per role (default 40). */
  extraMembers?: number;
  /** Audit entries spread over the past 60 days (default 300). */
  auditEntries?: number;
  embedOrigins?: string[];
}

export interface SeedResult {
  orgId: string;
  /** The organization API key, shown only now (stored as a SHA-256 hash). */
  apiKey: string;
  password: string;
  members: { role: Role; email: string; name: string; id: string }[];
}

const firstNames = ['Amelia', 'Noah', 'Isla', 'Leo', 'Maya', 'Oscar', 'Priya', 'Hugo', 'Zara', 'Felix', 'Chloe', 'Arjun', 'Grace', 'Mateo', 'Hannah', 'Yusuf', 'Ruby', 'Kai', 'Elena', 'Samuel', 'Nadia', 'Tom', 'Lucia', 'Ivan'];
const lastNames = ['Okafor', 'Bennett', 'Kowalski', 'Nguyen', 'Fraser', 'Haddad', 'Moreno', 'Patel', 'Lindqvist', 'Murphy', 'Tanaka', 'Evans', 'Rossi', 'Schmidt', 'Adeyemi', 'Walsh', 'Kaur', 'Dubois', 'Novak', 'Carter'];
const userAgents = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
  'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
];
/** BillingOne clients that Pax8 does not know (yet). */
const billingOnlyClients = ['Harbour View Hotel', 'Kestrel Accountancy', 'Moorland Vets', 'Quayside Dental Group', 'Riverside Pharmacy'];

/** Whether the database already holds an organization. */
export async function isSeeded(db: Queryable): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM organizations LIMIT 1');
  return rows.length > 0;
}

/**
 * The demo: "Acme MSP" with one member per role, extra members, pending invitations, BillingOne
 * clients named like the Pax8 simulator's companies (some spelt differently, as in real books),
 * audit history over 60 days and an organization API key.
 */
export async function seed(db: Db, options: SeedOptions = {}): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const random = mulberry32(20261124);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const day = 24 * 3600 * 1000;
  const orgId = newId('org');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const apiKey = randomToken(API_KEY_PREFIX);

  const members = await db.transaction(async (tx) => {
    const created = new Date(now.getTime() - 400 * day);
    await tx.query(
      `INSERT INTO organizations (id, name, slug, embed_origins, branding_updated_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5, $5)`,
      [orgId, demoOrganization.name, demoOrganization.slug, options.embedOrigins ?? demoEmbedOrigins, created],
    );
    const seeded: SeedResult['members'] = [];
    for (const [index, member] of demoMembers.entries()) {
      const id = newId('mem');
      await tx.query(
        `INSERT INTO members (id, org_id, email, name, password_hash, role, locale, time_zone, joined_at, updated_at, last_active_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'en-GB', 'Europe/London', $7, $7, $8)`,
        [id, orgId, member.email, member.name, passwordHash, member.role, new Date(created.getTime() + index * day), new Date(now.getTime() - index * 3600 * 1000)],
      );
      seeded.push({ ...member, id });
    }
    const extraRoles: Role[] = ['engineer', 'engineer', 'engineer', 'viewer', 'viewer', 'finance', 'admin'];
    const used = new Set<string>();
    for (let i = 0; i < (options.extraMembers ?? 40); i++) {
      let first: string;
      let last: string;
      do {
        first = pick(firstNames);
        last = pick(lastNames);
      } while (used.has(`${first} ${last}`));
      used.add(`${first} ${last}`);
      const joined = new Date(created.getTime() + Math.floor(random() * 390) * day);
      const active = random() < 0.85 ? new Date(now.getTime() - Math.floor(random() * 30 * day)) : null;
      await tx.query(
        `INSERT INTO members (id, org_id, email, name, role, totp_enabled_at, joined_at, updated_at, last_active_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8)`,
        [newId('mem'), orgId, `${first}.${last}@acme.test`.toLowerCase(), `${first} ${last}`, pick(extraRoles), random() < 0.6 ? joined : null, joined, active],
      );
    }
    for (const [index, email] of ['new.starter@acme.test', 'contractor@northwind.example', 'auditor@litware.example'].entries()) {
      const sent = new Date(now.getTime() - (index === 2 ? 9 : index + 1) * day);
      await tx.query(
        `INSERT INTO invitations (id, org_id, email, role, token_hash, invited_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [newId('inv'), orgId, email, index === 0 ? 'engineer' : 'viewer', sha256(randomToken()), seeded[1]!.id, sent, new Date(sent.getTime() + 7 * day)],
      );
    }
    const clientNames = [...MSP_CLIENTS.map((client) => client.xeroName), ...billingOnlyClients];
    for (const name of clientNames) {
      await tx.query('INSERT INTO clients (id, org_id, name, created_at) VALUES ($1, $2, $3, $4)', [newId('cli'), orgId, name, created]);
    }
    await tx.query(
      'INSERT INTO api_keys (id, org_id, name, key_hash, key_prefix, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [newId('key'), orgId, 'Demo portal', sha256(apiKey), apiKey.slice(0, 10), now],
    );
    return seeded;
  });

  await seedAuditHistory(db, orgId, members, now, options.auditEntries ?? 300, random);
  return { orgId, apiKey, password: DEMO_PASSWORD, members };
}

async function seedAuditHistory(
  db: Db,
  orgId: string,
  members: SeedResult['members'],
  now: Date,
  count: number,
  random: () => number,
): Promise<void> {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const actors = members.filter((member) => member.role === 'owner' || member.role === 'admin' || member.role === 'finance');
  const { rows: others } = await db.query<{ id: string; name: string; role: Role }>(
    'SELECT id, name, role FROM members WHERE org_id = $1 ORDER BY name LIMIT 40',
    [orgId],
  );
  const roles: Role[] = ['admin', 'finance', 'engineer', 'viewer'];
  const events: ((actor: SeedResult['members'][number]) => AuditInput)[] = [
    () => ({ action: 'auth.signed_in', target: { type: 'session', id: newId('ses'), label: null }, after: { method: 'password' } }),
    () => {
      const target = pick(others);
      const next = pick(roles.filter((role) => role !== target.role));
      return { action: 'member.role_changed', target: { type: 'member', id: target.id, label: target.name }, before: { role: target.role }, after: { role: next } };
    },
    () => {
      const email = `${pick(firstNames)}.${pick(lastNames)}@acme.test`.toLowerCase();
      return { action: 'invitation.created', target: { type: 'invitation', id: newId('inv'), label: email }, after: { email, role: pick(roles) } };
    },
    () => ({ action: 'organization.updated', target: { type: 'organization', id: orgId, label: 'Acme MSP' }, before: { name: 'Acme' }, after: { name: 'Acme MSP' } }),
    () => ({ action: 'branding.updated', target: { type: 'organization', id: orgId, label: 'Acme MSP' }, before: { primaryColor: '#1d4ed8' }, after: { primaryColor: '#0b5cab' } }),
    (actor) => ({ action: 'profile.updated', target: { type: 'member', id: actor.id, label: actor.name }, before: { timeZone: 'UTC' }, after: { timeZone: 'Europe/London' } }),
    (actor) => ({ action: 'notifications.updated', target: { type: 'member', id: actor.id, label: actor.name }, before: { sync_completed: { email: false } }, after: { sync_completed: { email: true } } }),
    () => ({ action: 'session.terminated', target: { type: 'session', id: newId('ses'), label: 'Chrome 131 on macOS' }, before: { browser: 'Chrome 131', os: 'macOS' } }),
    () => ({ action: 'integration.synced', target: { type: 'integration', id: 'pax8', label: 'Pax8' }, after: { companies: 25, subscriptions: 120 } }),
    () => ({ action: 'integration.synced', target: { type: 'integration', id: 'xero', label: 'Acme MSP Ltd' }, after: { invoices: 260 } }),
  ];
  const span = 60 * 24 * 3600 * 1000;
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const actor = pick(actors);
      const at = new Date(now.getTime() - Math.floor(random() * span));
      await writeAudit(tx, {
        ...pick(events)(actor),
        orgId,
        at,
        actor: { id: actor.id, name: actor.name, email: actor.email },
        ip: `203.0.113.${1 + Math.floor(random() * 200)}`,
        userAgent: pick(userAgents),
      });
    }
  });
}

export interface LargeSeedOptions {
  /** Members to add (default 10,000). */
  members?: number;
  /** Audit rows to add (default 1,000,000). */
  auditRows?: number;
  /** The organization to fill (default: the oldest one). */
  orgId?: string;
  /** Rows per INSERT statement (default 100,000). */
  batch?: number;
  now?: Date;
}

/**
 * Fills an organization for benchmarks with `generate_series`: members with generated names and
 * audit rows spread back from now, 5 seconds apart. Returns the counts added.
 */
export async function seedLarge(db: Db, options: LargeSeedOptions = {}): Promise<{ orgId: string; members: number; auditRows: number }> {
  const memberCount = options.members ?? 10_000;
  const auditCount = options.auditRows ?? 1_000_000;
  const batch = options.batch ?? 100_000;
  const now = options.now ?? new Date();
  let orgId = options.orgId;
  if (!orgId) {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM organizations ORDER BY created_at, id LIMIT 1');
    if (!rows[0]) throw new Error('seedLarge needs an organization: run seed() first.');
    orgId = rows[0].id;
  }
  const run = newId('bulk').slice(5, 13);
  const first = `ARRAY[${firstNames.map((n) => `'${n}'`).join(',')}]`;
  const last = `ARRAY[${lastNames.map((n) => `'${n}'`).join(',')}]`;
  for (let start = 1; start <= memberCount; start += batch) {
    const end = Math.min(memberCount, start + batch - 1);
    await db.query(
      `INSERT INTO members (id, org_id, email, name, role, totp_enabled_at, joined_at, updated_at, last_active_at)
       SELECT 'mem_' || $2 || '_' || g, $1,
              'member' || g || '.' || $2 || '@bulk.acme.test',
              (${first})[1 + g % ${firstNames.length}] || ' ' || (${last})[1 + (g / ${firstNames.length}) % ${lastNames.length}] || ' ' || g,
              (ARRAY['engineer','engineer','viewer','viewer','finance','admin'])[1 + g % 6],
              CASE WHEN g % 3 = 0 THEN NULL ELSE $5::timestamptz END,
              $5::timestamptz - (g % 700) * interval '1 day', $5::timestamptz, $5::timestamptz - (g % 90) * interval '1 hour'
         FROM generate_series($3::int, $4::int) AS g`,
      [orgId, run, start, end, now],
    );
  }
  const actions = `ARRAY['auth.signed_in','member.role_changed','invitation.created','organization.updated','profile.updated','session.terminated','integration.synced','notifications.updated']`;
  for (let start = 1; start <= auditCount; start += batch) {
    const end = Math.min(auditCount, start + batch - 1);
    await db.query(
      `INSERT INTO audit_logs (id, org_id, created_at, actor_id, actor_name, actor_email, action, target_type, target_id, target_label, ip, user_agent, before, after, search)
       SELECT 'aud_' || $2 || '_' || lpad(g::text, 8, '0'), $1,
              date_trunc('milliseconds', $5::timestamptz - g * interval '5 seconds'),
              'mem_' || $2 || '_' || (1 + g % ${Math.max(1, memberCount)}),
              a.actor_name, 'member' || (1 + g % ${Math.max(1, memberCount)}) || '.' || $2 || '@bulk.acme.test',
              a.action, 'member', 'mem_' || $2 || '_' || (1 + (g * 7) % ${Math.max(1, memberCount)}), 'Target ' || g,
              '198.51.100.' || (g % 250), 'Mozilla/5.0', '{"role":"viewer"}'::jsonb, '{"role":"engineer"}'::jsonb,
              lower(a.actor_name || ' ' || a.action || ' target ' || g)
         FROM generate_series($3::int, $4::int) AS g,
              LATERAL (SELECT (${first})[1 + g % ${firstNames.length}] || ' ' || (${last})[1 + g % ${lastNames.length}] AS actor_name,
                              (${actions})[1 + g % 8] AS action) AS a`,
      [orgId, run, start, end, now],
    );
  }
  return { orgId, members: memberCount, auditRows: auditCount };
}

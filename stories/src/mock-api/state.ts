import {
  defaultBranding,
  type AuditEntry,
  type NotificationPreferences,
  type Passkey,
  type Role,
  type SyncRun,
} from '@billingone/settings-core';
import { defaultNotificationMatrix, mulberry32, normalizeNotificationMatrix } from '@billingone/settings-core/implementation';
import { generatedAuditLog, type AuditLogSize, type GeneratedAuditLog } from './fixtures/audit-log.js';
import { billingOnlyClients, DEMO_PASSWORD, demoMembers, demoOrganization, devices, mspClients, pax8Demo, userAgents, xeroDemo } from './fixtures/people.js';
import { generateMembers, teamSizes, type TeamSize } from './fixtures/team.js';
import { base32Encode } from './totp.js';

export type Matrix = NotificationPreferences['preferences'];

export interface MemberRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  avatarUrl: string | null;
  locale: string;
  timeZone: string;
  /** Members added by the fixtures have no password (they never sign in here). */
  password: string | null;
  totp: { secret: string; lastUsedStep: number | null; enabledAt: number } | null;
  passkeys: (Passkey & { credentialId: string })[];
  recoveryCodes: { codes: string[]; used: Set<string>; generatedAt: number } | null;
  notifications: { matrix: Matrix; updatedAt: number } | null;
  lastActiveAt: number | null;
  joinedAt: number;
  updatedAt: number;
}

export interface SessionRecord {
  id: string;
  memberId: string;
  browser: string | null;
  os: string | null;
  ip: string | null;
  location: string | null;
  createdAt: number;
  lastActiveAt: number;
  expiresAt: number;
  reauthenticatedAt: number | null;
  csrfToken: string;
}

export interface InvitationRecord {
  id: string;
  email: string;
  role: Role;
  invitedBy: { id: string; name: string } | null;
  createdAt: number;
  expiresAt: number;
}

export type StoredIntegrationStatus = 'connected' | 'syncing' | 'error' | 'needs_reauth' | 'choose_tenant';

export interface IntegrationRecord {
  status: StoredIntegrationStatus;
  clientId: string | null;
  secret: string | null;
  tenant: { id: string; name: string } | null;
  tenants: { id: string; name: string }[];
  counts: Record<string, number>;
  error: { code: string; message: string } | null;
  connectedAt: number | null;
  lastSyncAt: number | null;
  nextSyncAt: number | null;
}

export interface LoginRecord {
  id: string;
  at: number;
  method: 'password' | 'password+totp' | 'password+recovery_code' | 'passkey' | 'embed_token' | 'invitation';
  success: boolean;
  ip: string | null;
  userAgent: string | null;
  location: string | null;
}

export type IntegrationsFixture = 'none' | 'connected' | 'attention';

/** What the mock organization holds: the story's choice of fixtures. */
export interface FixtureOptions {
  /** The signed-in member is the demo member of this role (default `owner`). */
  role?: Role;
  /** `demo`: 45 members as the reference seed; `large`: 10,000; `solo`: the five demo members only. */
  team?: TeamSize;
  /** Pending invitations: the seed's three (one expired), or none. */
  invitations?: 'demo' | 'none';
  /** `demo`: 300 entries over 60 days; `long`: 100,000 over two years; `empty`: none yet. */
  auditLog?: AuditLogSize;
  /** The organization requires MFA of every member. */
  requireMfa?: boolean;
  /** Second factors of the signed-in member. */
  mfa?: { totp?: boolean; passkeys?: number };
  /** The signed-in member re-authenticated a minute ago (recovery codes can be viewed). */
  recentAuth?: boolean;
  /** `connected`: Pax8 and Xero connected and synced; `attention`: Pax8 refused, Xero lost its grant. */
  integrations?: IntegrationsFixture;
  /** The organization's branding (default colours and no logo when unset). */
  branding?: { primaryColor?: string; accentColor?: string; logoUrl?: string | null };
  /** Signed-in devices: this one and three others, or this one alone. */
  sessions?: 'demo' | 'single';
  /** Sign-ins of the signed-in member: 45 over two months, or none. */
  loginHistory?: 'demo' | 'empty';
  /** Notification preferences: the defaults, or a member who changed some. */
  notifications?: 'default' | 'custom';
}

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
/** Slugs of other organizations (for the live availability check). */
export const takenSlugs: ReadonlySet<string> = new Set(['northwind', 'contoso', 'fabrikam', 'litware', 'acme-it']);
export const TOTP_ENROLLMENT_TTL_MS = 10 * 60 * 1000;
export const SESSION_TTL_MS = 12 * HOUR;
export const RECENT_AUTH_MS = 10 * 60 * 1000;
const RECOVERY_CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * The in-memory organization behind the mock API: records shaped like the reference server's tables,
 * changed by the handlers as the server changes its database. Large fixtures (10,000 members, a long
 * audit log) are generated lazily and deterministically on first use.
 */
export class MockState {
  readonly options: Required<Omit<FixtureOptions, 'branding' | 'mfa'>> & Pick<FixtureOptions, 'branding' | 'mfa'>;
  readonly createdAt: number;
  readonly random: () => number;
  readonly organization: {
    id: string; name: string; slug: string; requireMfa: boolean; embedOrigins: string[]; createdAt: number; updatedAt: number;
    primaryColor: string | null; accentColor: string | null; logoUrl: string | null; brandingUpdatedAt: number;
  };
  readonly demo: MemberRecord[];
  #extras: MemberRecord[] | undefined;
  readonly sessions: SessionRecord[] = [];
  readonly invitations: InvitationRecord[] = [];
  readonly integrations = new Map<'pax8' | 'xero', IntegrationRecord>();
  readonly syncRuns: SyncRun[] = [];
  readonly clients: { id: string; name: string }[];
  readonly pax8Companies: { id: string; name: string }[];
  readonly mappings = new Map<string, string>();
  readonly totpEnrollments = new Map<string, { id: string; secret: string; expiresAt: number }>();
  readonly challenges = new Map<string, { memberId: string; challenge: string; expiresAt: number }>();
  readonly xeroStates = new Map<string, { memberId: string; expiresAt: number; used: boolean }>();
  readonly loginHistory: LoginRecord[] = [];
  readonly generatedAudit: GeneratedAuditLog;
  /** Entries written by mutations, newest first (above the generated ones). */
  readonly writtenAudit: AuditEntry[] = [];
  /** The signed-in member's session (null once signed out or ended). */
  currentSessionId: string | null;
  readonly signedInMemberId: string;
  /** The embed token accepted as a bearer credential, when the story uses bearer mode. */
  readonly embedToken = 'mock_embed_token_0123456789';
  readonly embedExpiresAt: number;
  /** When the embed token's holder last re-authenticated. */
  embedReauthenticatedAt: number | null = null;
  #counter = 0;

  constructor(options: FixtureOptions = {}, now: number = Date.now()) {
    this.options = {
      role: options.role ?? 'owner',
      team: options.team ?? 'demo',
      invitations: options.invitations ?? 'demo',
      auditLog: options.auditLog ?? 'demo',
      requireMfa: options.requireMfa ?? false,
      recentAuth: options.recentAuth ?? false,
      integrations: options.integrations ?? 'none',
      sessions: options.sessions ?? 'demo',
      loginHistory: options.loginHistory ?? 'demo',
      notifications: options.notifications ?? 'default',
      branding: options.branding,
      mfa: options.mfa,
    };
    this.createdAt = now;
    this.random = mulberry32(20261125);
    const created = now - 400 * DAY;
    const branding = options.branding;
    this.organization = {
      id: demoOrganization.id,
      name: demoOrganization.name,
      slug: demoOrganization.slug,
      requireMfa: this.options.requireMfa,
      embedOrigins: ['http://localhost:6006', 'http://127.0.0.1:6006', 'https://portal.northwind-it.example'],
      createdAt: created,
      updatedAt: created + 30 * DAY,
      primaryColor: branding?.primaryColor && branding.primaryColor.toLowerCase() !== defaultBranding.primaryColor ? branding.primaryColor.toLowerCase() : null,
      accentColor: branding?.accentColor && branding.accentColor.toLowerCase() !== defaultBranding.accentColor ? branding.accentColor.toLowerCase() : null,
      logoUrl: branding?.logoUrl ?? null,
      brandingUpdatedAt: created + 40 * DAY,
    };
    this.demo = demoMembers.map((member, index) => ({
      ...member,
      avatarUrl: null,
      locale: 'en-GB',
      timeZone: 'Europe/London',
      password: DEMO_PASSWORD,
      totp: null,
      passkeys: [],
      recoveryCodes: null,
      notifications: null,
      lastActiveAt: now - index * HOUR,
      joinedAt: created + index * DAY,
      updatedAt: created + index * DAY,
    }));
    const me = this.demo.find((member) => member.role === this.options.role)!;
    this.signedInMemberId = me.id;
    this.#applyMfa(me, now);
    if (this.options.notifications === 'custom') {
      const matrix = defaultNotificationMatrix();
      matrix.sync_completed = { email: true, in_app: false };
      matrix.subscription_created = { email: true, in_app: true };
      matrix.team_member_joined = { email: false, in_app: false };
      me.notifications = { matrix, updatedAt: now - 3 * DAY };
    }
    // The other Owners and Admins use an authenticator app (the team's MFA column shows it); the
    // signed-in member's factors follow the options.
    for (const member of this.demo) {
      if (member !== me && (member.role === 'owner' || member.role === 'admin')) {
        member.totp = { secret: this.newTotpSecret(), lastUsedStep: null, enabledAt: created + 5 * DAY };
      }
    }

    this.currentSessionId = this.#seedSessions(me, now);
    this.embedExpiresAt = now + 15 * 60 * 1000;
    if (this.options.invitations === 'demo') {
      ['new.starter@acme.test', 'contractor@northwind.example', 'auditor@litware.example'].forEach((email, index) => {
        const sent = now - (index === 2 ? 9 : index + 1) * DAY;
        const inviter = this.demo[1]!;
        this.invitations.push({
          id: `inv_demo${index + 1}`,
          email,
          role: index === 0 ? 'engineer' : 'viewer',
          invitedBy: { id: inviter.id, name: inviter.name },
          createdAt: sent,
          expiresAt: sent + 7 * DAY,
        });
      });
    }
    this.clients = [...mspClients.map((client) => client.clientName), ...billingOnlyClients].map((name, index) => ({ id: `cli_${String(index + 1).padStart(3, '0')}`, name }));
    this.pax8Companies = mspClients.map((client, index) => ({ id: `c0mp4ny-${String(index + 1).padStart(4, '0')}`, name: client.pax8Name }));
    this.#seedIntegrations(now);
    this.#seedLoginHistory(me, now);
    this.generatedAudit = generatedAuditLog(this.options.auditLog, now);
  }

  #applyMfa(me: MemberRecord, now: number): void {
    const mfa = this.options.mfa;
    if (mfa?.totp) {
      me.totp = { secret: this.newTotpSecret(), lastUsedStep: null, enabledAt: now - 20 * DAY };
      me.recoveryCodes = { codes: this.newRecoveryCodes(), used: new Set(), generatedAt: now - 20 * DAY };
      me.recoveryCodes.used.add(me.recoveryCodes.codes[0]!);
    }
    for (let i = 0; i < (mfa?.passkeys ?? 0); i++) {
      me.passkeys.push({
        id: `pk_${i + 1}`,
        credentialId: `cred-${i + 1}`,
        name: ['MacBook Touch ID', 'YubiKey 5C', 'iPhone'][i % 3]!,
        createdAt: new Date(now - (40 - i * 10) * DAY).toISOString(),
        lastUsedAt: i === 0 ? new Date(now - 2 * HOUR).toISOString() : null,
        deviceType: i === 1 ? 'singleDevice' : 'multiDevice',
        backedUp: i !== 1,
      });
    }
  }

  #seedSessions(me: MemberRecord, now: number): string {
    const current: SessionRecord = {
      id: 'ses_current', memberId: me.id, ...devices[0], ip: '198.51.100.23', location: 'London, United Kingdom',
      createdAt: now - 2 * HOUR, lastActiveAt: now, expiresAt: now + SESSION_TTL_MS,
      reauthenticatedAt: this.options.recentAuth ? now - 60_000 : null, csrfToken: 'csrf_mock_session_token',
    };
    this.sessions.push(current);
    if (this.options.sessions === 'demo') {
      const others: [number, string | null, string | null, number][] = [
        [1, '203.0.113.54', 'Manchester, United Kingdom', 26 * HOUR],
        [3, '192.0.2.140', null, 3 * DAY],
        [2, null, null, 9 * DAY],
      ];
      others.forEach(([device, ip, location, age], index) => {
        this.sessions.push({
          id: `ses_other${index + 1}`, memberId: me.id, ...devices[device]!, ip, location,
          createdAt: now - age - DAY, lastActiveAt: now - age, expiresAt: now + SESSION_TTL_MS, reauthenticatedAt: null, csrfToken: `csrf_other_${index}`,
        });
      });
    }
    return current.id;
  }

  #seedIntegrations(now: number): void {
    const fixture = this.options.integrations;
    if (fixture === 'none') return;
    const pax8Counts = { companies: pax8Demo.companies, products: pax8Demo.products, subscriptions: pax8Demo.subscriptions };
    this.integrations.set('pax8', {
      status: fixture === 'connected' ? 'connected' : 'needs_reauth',
      clientId: pax8Demo.clientId,
      secret: pax8Demo.secret,
      tenant: null,
      tenants: [],
      counts: pax8Counts,
      error: fixture === 'connected' ? null : { code: 'invalid_credentials', message: 'Pax8 refused the client ID and client secret.' },
      connectedAt: now - 30 * DAY,
      lastSyncAt: now - (fixture === 'connected' ? 2 : 26) * HOUR,
      nextSyncAt: now + 4 * HOUR,
    });
    this.integrations.set('xero', {
      status: fixture === 'connected' ? 'connected' : 'error',
      clientId: null,
      secret: null,
      tenant: xeroDemo.tenants[0],
      tenants: [...xeroDemo.tenants],
      counts: { invoices: xeroDemo.invoices },
      error: fixture === 'connected' ? null : { code: 'rate_limited', message: 'Xero asked us to slow down. The next sync will try again.' },
      connectedAt: now - 28 * DAY,
      lastSyncAt: now - 3 * HOUR,
      nextSyncAt: now + 3 * HOUR,
    });
    for (const provider of ['pax8', 'xero'] as const) {
      for (let i = 0; i < 12; i++) {
        const startedAt = now - (i * 6 + 2 + (provider === 'xero' ? 1 : 0)) * HOUR;
        const failed = fixture === 'attention' && i === 0;
        this.syncRuns.push({
          id: `syn_${provider}_${String(12 - i).padStart(3, '0')}`,
          provider,
          trigger: i % 4 === 0 ? 'manual' : 'scheduled',
          status: failed ? 'failed' : 'succeeded',
          startedAt: new Date(startedAt).toISOString(),
          finishedAt: new Date(startedAt + 40_000 + i * 1000).toISOString(),
          counts: provider === 'pax8' ? pax8Counts : { invoices: xeroDemo.invoices - i },
          error: failed
            ? provider === 'pax8'
              ? { code: 'invalid_credentials', message: 'Pax8 refused the client ID and client secret.' }
              : { code: 'rate_limited', message: 'Xero asked us to slow down. The next sync will try again.' }
            : null,
        });
      }
    }
    // Half of the Pax8 companies already mapped to their BillingOne client.
    this.pax8Companies.forEach((company, index) => {
      if (index % 2 === 0) this.mappings.set(company.id, this.clients[index]!.id);
    });
  }

  #seedLoginHistory(me: MemberRecord, now: number): void {
    if (this.options.loginHistory === 'empty') return;
    const random = mulberry32(4242);
    const methods: LoginRecord['method'][] = me.totp ? ['password+totp', 'password+totp', 'passkey'] : ['password', 'password', 'embed_token'];
    for (let i = 0; i < 45; i++) {
      const device = Math.floor(random() * userAgents.length);
      this.loginHistory.push({
        id: `lgn_${String(45 - i).padStart(4, '0')}`,
        at: now - 2 * HOUR - i * 31 * HOUR - Math.floor(random() * HOUR),
        method: methods[Math.floor(random() * methods.length)]!,
        success: i % 9 !== 4,
        ip: `198.51.100.${10 + Math.floor(random() * 90)}`,
        userAgent: userAgents[device]!,
        location: random() < 0.7 ? 'London, United Kingdom' : null,
      });
    }
  }

  /** The signed-in member. */
  get me(): MemberRecord {
    return this.memberById(this.signedInMemberId)!;
  }

  /** Every member: the five demo ones and the generated ones (generated on first use). */
  members(): MemberRecord[] {
    if (!this.#extras) {
      this.#extras = generateMembers(teamSizes[this.options.team], this.createdAt).map((member) => ({
        id: member.id,
        email: member.email,
        name: member.name,
        role: member.role,
        avatarUrl: null,
        locale: 'en-GB',
        timeZone: 'Europe/London',
        password: null,
        totp: member.totpEnabled ? { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', lastUsedStep: null, enabledAt: member.joinedAt } : null,
        passkeys: [],
        recoveryCodes: null,
        notifications: null,
        lastActiveAt: member.lastActiveAt,
        joinedAt: member.joinedAt,
        updatedAt: member.joinedAt,
      }));
    }
    return [...this.demo, ...this.#extras];
  }

  memberById(id: string): MemberRecord | undefined {
    return this.demo.find((member) => member.id === id) ?? this.members().find((member) => member.id === id);
  }

  removeMember(id: string): void {
    const index = this.demo.findIndex((member) => member.id === id);
    if (index >= 0) this.demo.splice(index, 1);
    const extras = this.#extras;
    if (extras) {
      const at = extras.findIndex((member) => member.id === id);
      if (at >= 0) extras.splice(at, 1);
    }
  }

  addMember(member: MemberRecord): void {
    this.members();
    this.#extras!.push(member);
  }

  /** A new identifier with a prefix, unique in this state. */
  newId(prefix: string): string {
    this.#counter += 1;
    return `${prefix}_m${String(this.#counter).padStart(6, '0')}`;
  }

  newTotpSecret(): string {
    return base32Encode(Uint8Array.from({ length: 20 }, () => Math.floor(this.random() * 256)));
  }

  newRecoveryCodes(): string[] {
    const codes = new Set<string>();
    while (codes.size < 10) {
      let raw = '';
      for (let i = 0; i < 10; i++) raw += RECOVERY_CODE_ALPHABET[Math.floor(this.random() * RECOVERY_CODE_ALPHABET.length)];
      codes.add(`${raw.slice(0, 5)}-${raw.slice(5)}`);
    }
    return [...codes];
  }

  /** Locked notification cells forced on, stored cells over the defaults. */
  notificationMatrix(member: MemberRecord): Matrix {
    return normalizeNotificationMatrix(member.notifications?.matrix);
  }
}

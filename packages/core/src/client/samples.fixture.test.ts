/** Realistic API answers for client and store tests (they parse with the endpoint schemas). */
import { permissions } from '../roles/permissions.js';

export const me = {
  member: {
    id: 'mem_01HZX4Q8', email: 'ada.lovelace@northwind-msp.example', name: 'Ada Lovelace',
    avatarUrl: null, locale: 'en-GB', timeZone: 'Europe/London',
  },
  organization: {
    id: 'org_01HZX3K2', name: 'Northwind MSP', slug: 'northwind-msp',
    branding: { primaryColor: '#1d4ed8', accentColor: '#0f766e', logoUrl: null },
  },
  role: 'owner',
  permissions: [...permissions],
  mfa: { totpEnabled: true, passkeyCount: 1, orgRequiresMfa: false, enrollmentRequired: false },
  auth: { kind: 'session', sessionId: 'ses_01HZX5A1', expiresAt: '2026-11-25T09:00:00.000Z' },
};

export const profile = {
  id: 'mem_01HZX4Q8', email: 'ada.lovelace@northwind-msp.example', name: 'Ada Lovelace',
  avatarUrl: 'https://cdn.billingone.example/avatars/mem_01HZX4Q8.webp', locale: 'en-GB', timeZone: 'Europe/London',
  updatedAt: '2026-11-20T14:03:11.000Z',
};

export const organization = {
  id: 'org_01HZX3K2', name: 'Northwind MSP', slug: 'northwind-msp', requireMfa: false,
  embedOrigins: ['https://portal.northwind-msp.example'],
  createdAt: '2025-03-02T10:00:00.000Z', updatedAt: '2026-11-18T08:30:00.000Z',
};

const names = ['Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Edsger Dijkstra', 'Barbara Liskov', 'Donald Knuth'];
const memberRoles = ['admin', 'finance', 'engineer', 'viewer'] as const;

export function member(index: number, overrides: Record<string, unknown> = {}) {
  const name = names[index % names.length]!;
  return {
    id: `mem_${String(index).padStart(4, '0')}`,
    email: `${name.toLowerCase().replace(/\s+/g, '.')}+${index}@northwind-msp.example`,
    name,
    role: memberRoles[index % memberRoles.length],
    mfaEnabled: index % 3 !== 0,
    avatarUrl: null,
    lastActiveAt: index % 5 === 0 ? null : '2026-11-23T16:45:00.000Z',
    joinedAt: '2025-06-01T09:00:00.000Z',
    ...overrides,
  };
}

export function memberPage(from: number, count: number, nextCursor: string | null, total = 120) {
  return { items: Array.from({ length: count }, (_, i) => member(from + i)), nextCursor, total };
}

export const notificationPreferences = {
  preferences: Object.fromEntries(
    ['sync_failed', 'sync_completed', 'integration_needs_reauth', 'invoice_overdue', 'subscription_created',
      'subscription_cancelled', 'under_licensed_client', 'missed_billing', 'team_member_joined', 'new_sign_in', 'mfa_changed']
      .map((event) => [event, { email: true, in_app: event !== 'sync_completed' }]),
  ),
  updatedAt: '2026-11-21T12:00:00.000Z',
};

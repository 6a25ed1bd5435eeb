import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { permissions } from '../roles/permissions.js';
import { HexColor, Id, MemberIdentity, RoleSchema, Timestamp } from './common.js';

export const MfaState = z.object({
  /** TOTP enrolled. */
  totpEnabled: z.boolean(),
  passkeyCount: z.number().check(z.int(), z.gte(0)),
  /** The organization requires MFA for all members. */
  orgRequiresMfa: z.boolean(),
  /** Held at the enrolment gate: the org requires MFA and the member has none. */
  enrollmentRequired: z.boolean(),
});
export type MfaState = z.infer<typeof MfaState>;

export const MeBranding = z.object({
  primaryColor: z.nullable(HexColor),
  accentColor: z.nullable(HexColor),
  logoUrl: z.nullable(z.string()),
});

export const Me = z.object({
  member: MemberIdentity,
  organization: z.object({ id: Id, name: z.string(), slug: z.string(), branding: MeBranding }),
  role: RoleSchema,
  permissions: z.array(z.enum(permissions)),
  mfa: MfaState,
  /** How this request was authenticated. */
  auth: z.object({ kind: z.enum(['session', 'embed']), sessionId: z.nullable(Id), expiresAt: z.nullable(Timestamp) }),
});
export type Me = z.infer<typeof Me>;

export const meEndpoints = {
  get: endpoint({
    id: 'me.get', method: 'GET', path: '/me', tag: 'Me', access: 'member', mfaGate: 'allowed',
    response: Me,
  }),
};

import * as z from 'zod/mini';
import { roles } from '../roles/permissions.js';

/** Opaque identifiers (ULID-like or UUID strings). */
export const Id = z.string().check(z.minLength(1), z.maxLength(64));
/** ISO 8601 timestamp with offset, e.g. `2026-11-24T09:00:00.000Z`. */
export const Timestamp = z.iso.datetime({ offset: true });
export const Email = z.email({ error: 'Enter a valid email address.' }).check(z.maxLength(254));
export const RoleSchema = z.enum(roles);
/** `#rrggbb` colour. */
export const HexColor = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'Use a hex colour such as #1d4ed8.'));
export const Locale = z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a locale such as en-GB.'));
/** IANA time zone name. */
export const TimeZone = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$|^UTC$/, 'Use a time zone such as Europe/London.'));

/** A field error: the dotted path of the field and a human message. */
/** Who a member is and how they read dates: the member part of `/me`, and the profile without its timestamp. */
export const MemberIdentity = z.object({
  id: Id,
  email: Email,
  name: z.string(),
  avatarUrl: z.nullable(z.string()),
  locale: Locale,
  timeZone: TimeZone,
});
export type MemberIdentity = z.infer<typeof MemberIdentity>;

export const FieldError = z.object({
  path: z.string(),
  message: z.string(),
  code: z.optional(z.string()),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, as every error of the API is answered (`application/problem+json`). */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.optional(z.string()),
  code: z.string(),
  fieldErrors: z.optional(z.array(FieldError)),
  retryAfterSeconds: z.optional(z.number()),
});
export type Problem = z.infer<typeof Problem>;

/** Cursor paging query: `?cursor=&limit=`. */
export const PageQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(512))),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(200))),
});
export type PageQuery = z.input<typeof PageQuery>;

/** A page of items; `nextCursor` is null on the last page. */
export function Page<T extends z.ZodMiniType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    total: z.optional(z.number().check(z.int())),
  });
}
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

/** Path parameter `{id}` shapes. */
export const IdParams = z.object({ id: Id });

/** An empty JSON object (acknowledgement). */
export const Ok = z.object({ ok: z.literal(true) });

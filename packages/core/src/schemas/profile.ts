import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { Locale, MemberIdentity, Timestamp, TimeZone } from './common.js';

export const Profile = z.extend(MemberIdentity, { updatedAt: Timestamp });
export type Profile = z.infer<typeof Profile>;

export const FullName = z.string().check(
  z.trim(),
  z.minLength(1, 'Enter your full name.'),
  z.maxLength(120, 'Use at most 120 characters.'),
);

export const ProfileUpdate = z.object({
  name: z.optional(FullName),
  locale: z.optional(Locale),
  timeZone: z.optional(TimeZone),
});
export type ProfileUpdate = z.input<typeof ProfileUpdate>;

/** Avatar uploads: PNG, JPEG or WebP up to 2 MB (the UI crops them square). */
export const avatarUpload = { types: ['image/png', 'image/jpeg', 'image/webp'], maxBytes: 2 * 1024 * 1024 } as const;
export const Avatar = z.object({ avatarUrl: z.nullable(z.string()) });

export const passwordMinLength = 12;
export const NewPassword = z.string().check(
  z.minLength(passwordMinLength, `Use at least ${passwordMinLength} characters.`),
  z.maxLength(256, 'Use at most 256 characters.'),
);
export const PasswordChange = z.object({
  currentPassword: z.string().check(z.minLength(1, 'Enter your current password.')),
  newPassword: NewPassword,
}).check(
  z.refine((value) => value.newPassword !== value.currentPassword, {
    message: 'Choose a password different from the current one.', path: ['newPassword'],
  }),
);
export type PasswordChange = z.input<typeof PasswordChange>;
export const PasswordChanged = z.object({ otherSessionsEnded: z.number().check(z.int(), z.gte(0)) });

export const profileEndpoints = {
  get: endpoint({ id: 'profile.get', method: 'GET', path: '/profile', tag: 'Profile', access: 'self.manage', response: Profile }),
  update: endpoint({ id: 'profile.update', method: 'PATCH', path: '/profile', tag: 'Profile', access: 'self.manage', body: ProfileUpdate, response: Profile }),
  uploadAvatar: endpoint({
    id: 'profile.uploadAvatar', method: 'PUT', path: '/profile/avatar', tag: 'Profile', access: 'self.manage',
    upload: avatarUpload, response: Avatar,
  }),
  removeAvatar: endpoint({ id: 'profile.removeAvatar', method: 'DELETE', path: '/profile/avatar', tag: 'Profile', access: 'self.manage' }),
  changePassword: endpoint({
    id: 'profile.changePassword', method: 'POST', path: '/profile/password', tag: 'Profile', access: 'self.manage',
    body: PasswordChange, response: PasswordChanged,
  }),
};

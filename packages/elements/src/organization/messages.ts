import type { MessageTable } from '../ui/field-messages.js';

/** Core's and the API's English messages for the organization's fields, in the catalogue. */
export const organizationMessages: MessageTable = {
  'Use at least 2 characters.': 'organization.error.nameShort',
  'Use at most 100 characters.': 'organization.error.nameLong',
  'Use at least 3 characters.': 'organization.error.slugShort',
  'Use at most 48 characters.': 'organization.error.slugLong',
  'Use lowercase letters, digits and single hyphens, not at the start or end.': 'organization.slug.invalid',
  'This URL is already taken. Choose another.': 'organization.slug.taken',
  'This URL is reserved. Choose another.': 'organization.slug.reserved',
  'Use an origin such as https://portal.example.com (no path).': 'organization.origins.invalid',
  'At most 20 origins.': 'organization.origins.tooMany',
  'Set up two-factor authentication for yourself before requiring it for everyone.': 'organization.mfa.selfFirst',
  'Your role cannot change the MFA policy.': 'organization.mfa.readOnly',
};

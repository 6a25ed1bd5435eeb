import { passwordMaxLength, passwordMinLength } from '@billingone/settings-core';
import type { MessageTable } from '../ui/field-messages.js';

/** Core's and the API's English messages for the profile's fields, in the catalogue. */
export const profileMessages: MessageTable = {
  'Enter your full name.': 'profile.error.nameRequired',
  'Use at most 120 characters.': 'profile.error.nameTooLong',
  'Enter your current password.': 'profile.error.currentRequired',
  'The current password is not correct.': 'profile.error.currentWrong',
  [`Use at least ${passwordMinLength} characters.`]: ['profile.error.tooShort', { min: passwordMinLength }],
  [`Use at most ${passwordMaxLength} characters.`]: ['profile.error.tooLong', { max: passwordMaxLength }],
  'Choose a password different from the current one.': 'profile.error.sameAsCurrent',
  'Do not use your email address as your password.': 'profile.error.isEmail',
  'Enter the new password again.': 'profile.error.confirmRequired',
  'The passwords do not match.': 'profile.error.mismatch',
};

import { flowErrorCodes, toFlowError, type FieldError, type FlowError } from '@billingone/settings-core';
import type { MessageKey, MessageParams } from '../i18n/localize.js';
import { describeError } from '../ui/errors.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A thrown error as a flow error (the API's problem codes are core's flow codes). */
export function flowErrorOf(error: unknown): FlowError {
  return toFlowError(error);
}

/** Catalogue keys of the codes the security screens explain in their own words. */
const codeMessages: Readonly<Record<string, MessageKey>> = {
  [flowErrorCodes.invalidCode]: 'security.code.error.invalid',
  code_already_used: 'security.code.error.used',
  [flowErrorCodes.invalidFormat]: 'security.code.error.format',
  [flowErrorCodes.totpEnrollmentExpired]: 'security.totp.expired',
  invalid_password: 'security.reauth.error.password',
  mfa_required_by_organization: 'security.totp.disable.requiredByOrg',
};

/**
 * A localised sentence for a flow error: the security screens' own wording for the codes they know,
 * else the description of the error that caused it (network, rate limit, server), else its message.
 */
export function flowErrorMessage(t: Translate, error: FlowError, cause?: unknown): string {
  const key = error.code ? codeMessages[error.code] : undefined;
  if (key) return t(key);
  return cause === undefined ? error.message : describeError(cause, t);
}

/** A localised sentence for an error thrown by a security request (problem codes first, then the generic wording). */
export function securityErrorMessage(t: Translate, error: unknown, forAction: Readonly<Record<string, MessageKey>> = {}): string {
  const code = flowErrorOf(error).code;
  const key = code ? (forAction[code] ?? codeMessages[code]) : undefined;
  return key ? t(key) : describeError(error, t);
}

/** Wording for client-side checks of the security forms' fields, by field path. */
const formatMessages: Readonly<Record<string, MessageKey>> = {
  code: 'security.code.error.format',
  password: 'security.reauth.error.passwordRequired',
  name: 'security.passkeys.error.name',
};

/**
 * Field errors in the element's language: the API's field codes the screens know (a wrong code, a
 * used code, a wrong password), client-side checks by field, and otherwise the message as given.
 */
export function localiseFieldErrors(t: Translate, fieldErrors: readonly FieldError[], source: 'client' | 'server'): FieldError[] {
  return fieldErrors.map((error) => {
    const key = source === 'client' ? formatMessages[error.path] : error.code ? codeMessages[error.code] : undefined;
    return key ? { ...error, message: t(key) } : error;
  });
}

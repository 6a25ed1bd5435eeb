import { passwordMinLength } from '../schemas/profile.js';

/** The password rules a strength meter lists; the first three are required, the others advice. */
export const passwordRules = ['min_length', 'max_length', 'not_email', 'variety', 'not_guessable'] as const;
export type PasswordRule = (typeof passwordRules)[number];
export const requiredPasswordRules: readonly PasswordRule[] = ['min_length', 'max_length', 'not_email'];
export const passwordMaxLength = 256;

/** English wording of each rule (elements localise them). */
export const passwordRuleMessages: Readonly<Record<PasswordRule, string>> = {
  min_length: `At least ${passwordMinLength} characters.`,
  max_length: `At most ${passwordMaxLength} characters.`,
  not_email: 'Not your email address.',
  variety: 'A mix of upper and lower case letters, numbers and symbols, or 20 characters or more.',
  not_guessable: 'No common passwords, runs such as 1234 or aaaa, or parts of your email address.',
};

export type PasswordScore = 0 | 1 | 2 | 3 | 4;

export interface PasswordStrength {
  /** 0 (very weak) to 4 (strong). At most 1 while a required rule is unmet or the password is guessable. */
  readonly score: PasswordScore;
  /** Rules not met yet, in the order of {@link passwordRules}. */
  readonly unmet: readonly PasswordRule[];
  /** Every required rule is met (the API accepts it). */
  readonly acceptable: boolean;
}

const commonFragments = ['password', 'passw0rd', 'qwerty', 'azerty', 'letmein', 'welcome', 'iloveyou', 'admin', 'monkey', 'dragon', 'billingone', 'panelone'];
const runLength = 4;

function characterClasses(password: string): { count: number; pool: number } {
  const classes = [
    { test: /[a-z]/, size: 26 },
    { test: /[A-Z]/, size: 26 },
    { test: /[0-9]/, size: 10 },
    { test: /[ -/:-@[-`{-~]/, size: 33 },
    { test: /[^\x00-\x7f]/, size: 100 },
  ];
  let count = 0;
  let pool = 0;
  for (const { test, size } of classes) {
    if (test.test(password)) {
      count += 1;
      pool += size;
    }
  }
  return { count, pool };
}

/** Characters that add information: repeats of, or steps by one from, the previous one do not. */
function effectiveLength(chars: readonly string[]): number {
  let length = 0;
  for (let i = 0; i < chars.length; i += 1) {
    if (i === 0) {
      length += 1;
      continue;
    }
    const step = chars[i].codePointAt(0)! - chars[i - 1].codePointAt(0)!;
    if (step !== 0 && step !== 1 && step !== -1) length += 1;
  }
  return length;
}

/** A run of `runLength` characters that repeat or step by one (aaaa, 1234, dcba). */
function hasRun(chars: readonly string[]): boolean {
  let run = 1;
  let lastStep: number | undefined;
  for (let i = 1; i < chars.length; i += 1) {
    const step = chars[i].codePointAt(0)! - chars[i - 1].codePointAt(0)!;
    run = Math.abs(step) <= 1 && step === lastStep ? run + 1 : Math.abs(step) <= 1 ? 2 : 1;
    lastStep = step;
    if (run >= runLength) return true;
  }
  return false;
}

function isGuessable(password: string, chars: readonly string[], email: string): boolean {
  const lower = password.toLowerCase();
  if (commonFragments.some((fragment) => lower.includes(fragment))) return true;
  // The email's local part, and the words in it (ada.lovelace → ada.lovelace, lovelace).
  const localPart = email.split('@')[0] ?? '';
  const words = [localPart, ...localPart.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 4)];
  if (words.some((word) => word.length >= 3 && lower.includes(word))) return true;
  return hasRun(chars);
}

function scoreFromBits(bits: number): PasswordScore {
  if (bits < 30) return 0;
  if (bits < 45) return 1;
  if (bits < 60) return 2;
  if (bits < 80) return 3;
  return 4;
}

/**
 * How strong a new password is, for a meter and a checklist. Pure and cheap enough to run on each
 * keystroke. The score estimates the guessing effort from the character classes used and the
 * length, not counting repeated or sequential characters; the required rules are those the API
 * enforces.
 */
export function passwordStrength(password: string, context: { email: string }): PasswordStrength {
  const chars = [...password];
  const email = context.email.trim().toLowerCase();
  const classes = characterClasses(password);
  const met: Record<PasswordRule, boolean> = {
    min_length: chars.length >= passwordMinLength,
    max_length: chars.length <= passwordMaxLength,
    not_email: password === '' || email === '' || password.trim().toLowerCase() !== email,
    variety: classes.count >= 3 || chars.length >= 20,
    not_guessable: password !== '' && !isGuessable(password, chars, email),
  };
  const unmet = passwordRules.filter((rule) => !met[rule]);
  const acceptable = password !== '' && requiredPasswordRules.every((rule) => met[rule]);
  if (password === '') return { score: 0, unmet, acceptable };
  const bits = effectiveLength(chars) * Math.log2(Math.max(classes.pool, 2));
  let score = scoreFromBits(bits);
  if (!acceptable || !met.not_guessable) score = Math.min(score, 1) as PasswordScore;
  return { score, unmet, acceptable };
}

import type { FieldError } from '../schemas/common.js';
import type { Role } from '../roles/permissions.js';
import { InvitationCreate, maxInvitesPerRequest, type Invitation } from '../schemas/team.js';
import type { FlowError } from './flow-error.js';
import { parseInviteEmails } from './invite-emails.js';
import { checkWithSchema } from './validation.js';

/** An error about one address, shown next to it. */
export interface InviteEmailError {
  readonly email: string;
  readonly message: string;
}

/**
 * Inviting people: type or paste addresses and pick a role → submit → done. Bad addresses are
 * reported before anything is sent; the API's errors on `emails.N` are mapped back to the
 * addresses sent, so they show next to the right one.
 */
export type InvitationState =
  | {
      readonly kind: 'editing';
      readonly text: string;
      readonly role: Role;
      /** Errors on the whole form (`emails`, `role`). */
      readonly fieldErrors: FieldError[];
      /** Errors on single addresses. */
      readonly emailErrors: InviteEmailError[];
      readonly error?: FlowError;
    }
  | { readonly kind: 'submitting'; readonly text: string; readonly role: Role; readonly emails: readonly string[] }
  | { readonly kind: 'done'; readonly role: Role; readonly created: readonly Invitation[] };

export type InvitationEvent =
  | { readonly type: 'change_text'; readonly text: string }
  | { readonly type: 'change_role'; readonly role: Role }
  | { readonly type: 'submit' }
  | { readonly type: 'submit_succeeded'; readonly created: readonly Invitation[] }
  | { readonly type: 'submit_failed'; readonly error: FlowError }
  /** Start another invitation after `done`, with the same role. */
  | { readonly type: 'invite_more' };

export function initialInvitationState(role: Role): InvitationState {
  return { kind: 'editing', text: '', role, fieldErrors: [], emailErrors: [] };
}

/** The request body for `invitations.create`. */
export function invitationBody(state: Extract<InvitationState, { kind: 'submitting' }>): { emails: string[]; role: Role } {
  return { emails: [...state.emails], role: state.role };
}

function countLabel(count: number): string {
  return count === 1 ? '1 address is not valid.' : `${count} addresses are not valid.`;
}

const emailPath = /^emails\.(\d+)$/;

export function invitationTransition(state: InvitationState, event: InvitationEvent): InvitationState {
  switch (event.type) {
    case 'change_text':
      return state.kind === 'editing' && state.text !== event.text ? { ...state, text: event.text, emailErrors: [] } : state;
    case 'change_role':
      return state.kind === 'editing' && state.role !== event.role
        ? { ...state, role: event.role, fieldErrors: state.fieldErrors.filter((error) => error.path !== 'role') }
        : state;
    case 'submit': {
      if (state.kind !== 'editing') return state;
      const parsed = parseInviteEmails(state.text);
      const fieldErrors: FieldError[] = [];
      if (parsed.invalid.length > 0) fieldErrors.push({ path: 'emails', code: 'invalid_emails', message: countLabel(parsed.invalid.length) });
      if (parsed.overLimit.length > 0) {
        fieldErrors.push({ path: 'emails', code: 'too_many', message: `Invite at most ${maxInvitesPerRequest} people at once (${parsed.valid.length + parsed.overLimit.length} entered).` });
      }
      const checked = checkWithSchema(InvitationCreate, { emails: parsed.valid, role: state.role });
      // With invalid entries only, "enter at least one address" would say less than the count above.
      if (!checked.ok && parsed.invalid.length === 0) fieldErrors.push(...checked.fieldErrors);
      if (!checked.ok || fieldErrors.length > 0) {
        return {
          kind: 'editing',
          text: state.text,
          role: state.role,
          fieldErrors,
          emailErrors: parsed.invalid.map(({ value, message }) => ({ email: value, message })),
        };
      }
      return { kind: 'submitting', text: state.text, role: state.role, emails: checked.data.emails };
    }
    case 'submit_succeeded':
      return state.kind === 'submitting' ? { kind: 'done', role: state.role, created: event.created } : state;
    case 'submit_failed': {
      if (state.kind !== 'submitting') return state;
      const fieldErrors: FieldError[] = [];
      const emailErrors: InviteEmailError[] = [];
      for (const error of event.error.fieldErrors ?? []) {
        const match = emailPath.exec(error.path);
        const email = match ? state.emails[Number(match[1])] : undefined;
        if (email !== undefined) emailErrors.push({ email, message: error.message });
        else fieldErrors.push(error);
      }
      return { kind: 'editing', text: state.text, role: state.role, fieldErrors, emailErrors, error: event.error };
    }
    case 'invite_more':
      return state.kind === 'done' ? initialInvitationState(state.role) : state;
  }
}

import {
  createFlowStore,
  initialInvitationState,
  invitationBody,
  invitationTransition,
  parseInviteEmails,
  toFlowError,
  type FieldError,
  type FlowStore,
  type Invitation,
  type InvitationEvent,
  type InvitationState,
  type Role,
} from '@billingone/settings-core';
import type { ReactiveControllerHost } from 'lit';
import { isAbort } from '../ui/errors.js';

type Editing = Extract<InvitationState, { kind: 'editing' }>;

export interface InviteControllerOptions {
  /** Sends the invitations (core's `invitations.create`); resolves with the invitations created. */
  readonly send: (body: { emails: string[]; role: Role }) => Promise<readonly Invitation[]>;
  /** The invitations were created; `invalid` lists the typed entries that were not addresses (left in the box). */
  readonly onSent: (created: readonly Invitation[], invalid: readonly string[]) => void;
  /** Sending failed (the errors are in the state already). */
  readonly onFailed: (error: unknown) => void;
}

/**
 * Drives core's invitation flow for the invite form. Pasted text with some entries that are not
 * addresses still invites the valid ones: the flow is run on the valid addresses, and the invalid
 * entries stay in the box with their errors. Errors the server reports on `emails.N` are mapped back
 * to the address they concern.
 */
export class InviteController {
  readonly #host: ReactiveControllerHost;
  readonly #options: InviteControllerOptions;
  #flow: FlowStore<InvitationState, InvitationEvent>;
  /** The error of the last failed request, for a localised form message. */
  #error: unknown;

  constructor(host: ReactiveControllerHost, options: InviteControllerOptions, role: Role = 'viewer') {
    this.#host = host;
    this.#options = options;
    this.#flow = createFlowStore(invitationTransition, initialInvitationState(role));
  }

  /** The flow's state. */
  get state(): InvitationState {
    return this.#flow.getState();
  }

  /** The error of the last failed request, if the form shows one. */
  get error(): unknown {
    const state = this.state;
    return state.kind === 'editing' && state.error ? this.#error : undefined;
  }

  get submitting(): boolean {
    return this.state.kind === 'submitting';
  }

  setText(text: string): void {
    this.#send({ type: 'change_text', text });
  }

  setRole(role: Role): void {
    this.#send({ type: 'change_role', role });
  }

  /** Validates and sends; resolves once the request settled (never rejects). */
  async submit(): Promise<void> {
    const start = this.state;
    if (start.kind !== 'editing') return;
    const parsed = parseInviteEmails(start.text);
    const invalid = parsed.invalid.map((entry) => entry.value);
    // Only the valid addresses go through when some entries are not addresses.
    const partial = parsed.valid.length > 0 && invalid.length > 0 && parsed.overLimit.length === 0;
    if (partial) this.#send({ type: 'change_text', text: parsed.valid.join('\n') });
    const submitting = this.#send({ type: 'submit' });
    if (submitting.kind !== 'submitting') {
      if (partial && submitting.kind === 'editing') this.#restore(start.text, submitting, parsed.invalid);
      return;
    }
    this.#error = undefined;
    try {
      const created = await this.#options.send(invitationBody(submitting));
      this.#send({ type: 'submit_succeeded', created });
      this.#send({ type: 'invite_more' });
      if (partial) {
        // The invalid entries stay in the box, with their errors.
        this.#send({ type: 'change_text', text: invalid.join('\n') });
        this.#send({ type: 'submit' });
      }
      this.#options.onSent(created, invalid);
    } catch (error) {
      if (isAbort(error)) {
        this.#restore(start.text, { kind: 'editing', text: start.text, role: submitting.role, fieldErrors: [], emailErrors: [] }, []);
        return;
      }
      this.#error = error;
      const failed = this.#send({ type: 'submit_failed', error: toFlowError(error) });
      if (partial && failed.kind === 'editing') this.#restore(start.text, failed, parsed.invalid);
      this.#options.onFailed(error);
    }
  }

  /** Puts the whole typed text back, with the errors of the invalid entries next to those of the flow. */
  #restore(text: string, state: Editing, invalid: readonly { value: string; message: string }[]): void {
    const fieldErrors: FieldError[] = [...state.fieldErrors];
    if (invalid.length > 0 && !fieldErrors.some((error) => error.code === 'invalid_emails')) {
      fieldErrors.push({ path: 'emails', code: 'invalid_emails', message: `${invalid.length} addresses are not valid.` });
    }
    const restored: Editing = {
      ...state,
      text,
      fieldErrors,
      emailErrors: [...state.emailErrors, ...invalid.map(({ value, message }) => ({ email: value, message }))],
    };
    this.#flow = createFlowStore(invitationTransition, restored as InvitationState);
    this.#host.requestUpdate();
  }

  #send(event: InvitationEvent): InvitationState {
    const before = this.#flow.getState();
    const after = this.#flow.send(event);
    if (after !== before) this.#host.requestUpdate();
    return after;
  }
}

import { maxInvitesPerRequest, parseInviteEmails, type FieldError, type Role } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { MessageKey, MessageParams } from '../i18n/localize.js';
import { formErrorView, onSubmit, submitButton } from '../ui/field.js';
import { describeError } from '../ui/errors.js';
import type { InviteController } from './invite-controller.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export const roleKeys = {
  owner: 'common.role.owner',
  admin: 'common.role.admin',
  finance: 'common.role.finance',
  engineer: 'common.role.engineer',
  viewer: 'common.role.viewer',
} as const satisfies Record<Role, MessageKey>;

/** The localised message of a form-level invitation error (by its code when the flow set one). */
function emailsMessage(t: Translate, error: FieldError, text: string): string {
  const parsed = parseInviteEmails(text);
  if (error.code === 'invalid_emails') return t('team.invite.invalidCount', { count: parsed.invalid.length });
  if (error.code === 'too_many') return t('team.invite.tooMany', { max: maxInvitesPerRequest, count: parsed.valid.length + parsed.overLimit.length });
  if (parsed.valid.length === 0 && parsed.invalid.length === 0) return t('team.invite.required');
  return error.message;
}

/** The invite card: addresses (pasted, several at once), a role, and the errors next to what they concern. */
export function inviteForm(t: Translate, invite: InviteController, assignable: readonly Role[]): TemplateResult {
  const state = invite.state;
  const editing = state.kind === 'editing' ? state : undefined;
  const text = state.kind === 'done' ? '' : state.text;
  const emailsErrors = (editing?.fieldErrors ?? []).filter((error) => error.path === 'emails' || error.path.startsWith('emails.'));
  const roleError = editing?.fieldErrors.find((error) => error.path === 'role');
  const perEmail = editing?.emailErrors ?? [];
  const clientInvalid = new Set(parseInviteEmails(text).invalid.map((entry) => entry.value));
  const hasEmailsError = emailsErrors.length > 0 || perEmail.length > 0;
  const formError = invite.error && !hasEmailsError && !roleError ? describeError(invite.error, t) : undefined;
  // The server refuses a request as a whole: when it names some addresses, say that the others were not sent either.
  const refused = invite.error !== undefined && perEmail.length > 0;
  const hint = t('team.invite.emailsHint', { max: maxInvitesPerRequest });

  return html`
    <section class="card stack" part="card section" aria-labelledby="invite-title">
      <h3 id="invite-title" class="subtitle" part="title">${t('team.invite.title')}</h3>
      <form class="stack" part="form" novalidate @submit=${onSubmit(() => invite.submit())}>
        ${formErrorView(formError)}
        <div class="invite-grid">
          <div class="field" part="field">
            <label class="label" part="label" for="invite-emails">${t('team.invite.emails')}</label>
            <textarea
              id="invite-emails"
              class="textarea"
              part="input"
              name="emails"
              rows="3"
              dir="ltr"
              autocomplete="off"
              spellcheck="false"
              .value=${live(text)}
              ?disabled=${invite.submitting}
              aria-invalid=${hasEmailsError ? 'true' : 'false'}
              aria-describedby=${hasEmailsError ? 'invite-emails-hint invite-emails-error' : 'invite-emails-hint'}
              @input=${(event: InputEvent & { currentTarget: HTMLTextAreaElement }) => invite.setText(event.currentTarget.value)}
            ></textarea>
            <div class="hint" part="hint" id="invite-emails-hint">${hint}</div>
            ${hasEmailsError
              ? html`<div class="field-error" part="error" id="invite-emails-error">
                  ${refused ? html`<p>${t('team.invite.noneSent')}</p>` : nothing}
                  ${emailsErrors.map((error) => html`<p>${emailsMessage(t, error, text)}</p>`)}
                  ${perEmail.length > 0
                    ? html`<ul class="email-errors">
                        ${perEmail.map(
                          (error) =>
                            html`<li data-email=${error.email}>
                              <bdi class="mono">${error.email}</bdi>: ${clientInvalid.has(error.email) ? t('team.invite.invalidEmail') : error.message}
                            </li>`,
                        )}
                      </ul>`
                    : nothing}
                </div>`
              : nothing}
          </div>
          <div class="field" part="field">
            <label class="label" part="label" for="invite-role">${t('team.invite.role')}</label>
            <select
              id="invite-role"
              class="select"
              part="input"
              name="role"
              ?disabled=${invite.submitting}
              aria-invalid=${roleError ? 'true' : 'false'}
              aria-describedby=${ifDefined(roleError ? 'invite-role-error' : undefined)}
              @change=${(event: Event & { currentTarget: HTMLSelectElement }) => invite.setRole(event.currentTarget.value as Role)}
            >
              ${assignable.map((role) => html`<option value=${role} ?selected=${role === state.role}>${t(roleKeys[role])}</option>`)}
            </select>
            ${roleError ? html`<div class="field-error" part="error" id="invite-role-error">${roleError.message}</div>` : nothing}
          </div>
        </div>
        <div class="row row-end">${submitButton({ busy: invite.submitting, label: t('team.invite.submit'), busyLabel: t('team.invite.sending') })}</div>
      </form>
    </section>
  `;
}

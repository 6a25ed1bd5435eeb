import type { Invitation } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../i18n/localize.js';
import { badge } from '../ui/badge.js';
import { roleKeys } from './invite-form.js';

export interface InvitationsListOptions {
  readonly items: readonly Invitation[];
  /** Whether the signed-in member may resend or revoke this invitation. */
  readonly canManage: (invitation: Invitation) => boolean;
  /** Ids with a request under way. */
  readonly busy: ReadonlySet<string>;
  /** A failure shown in an invitation's row. */
  readonly errors: ReadonlyMap<string, string>;
  readonly onResend: (invitation: Invitation) => void;
  readonly onRevoke: (invitation: Invitation) => void;
}

/** Pending (and expired) invitations with their expiry, and resend / revoke. */
export function invitationsList(l: Localizer, options: InvitationsListOptions): TemplateResult {
  const t = l.t;
  return html`
    <section class="card stack" part="card section" aria-labelledby="invitations-title">
      <h3 id="invitations-title" class="subtitle" part="title" tabindex="-1">
        ${t('team.invitations.title')} <span class="muted">(${l.number(options.items.length)})</span>
      </h3>
      <div class="table-scroll">
        <table class="table" part="table">
          <caption class="visually-hidden">${t('team.invitations.title')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('team.column.email')}</th>
              <th scope="col">${t('team.column.role')}</th>
              <th scope="col">${t('team.invitations.invitedBy')}</th>
              <th scope="col">${t('team.invitations.expiry')}</th>
              <th scope="col"><span class="visually-hidden">${t('team.column.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${options.items.map((invitation) => {
              const expired = invitation.status === 'expired';
              const busy = options.busy.has(invitation.id);
              const manage = options.canManage(invitation);
              const error = options.errors.get(invitation.id);
              return html`
                <tr part="row" data-invitation=${invitation.id}>
                  <td><bdi>${invitation.email}</bdi></td>
                  <td>${t(roleKeys[invitation.role])}</td>
                  <td>${invitation.invitedBy?.name ?? t('common.unknown')}</td>
                  <td>
                    ${expired ? badge(t('team.invitations.expired'), 'warning') : nothing}
                    <time datetime=${invitation.expiresAt} title=${l.dateTime(invitation.expiresAt)}>
                      ${t(expired ? 'team.invitations.expiredAgo' : 'team.invitations.expiresIn', { when: l.relativeTime(invitation.expiresAt) })}
                    </time>
                  </td>
                  <td class="actions">
                    ${manage
                      ? html`
                          <button type="button" class="button button-small" part="button" ?disabled=${busy} @click=${() => options.onResend(invitation)}>
                            ${t('team.invitations.resend')}<span class="visually-hidden"> ${invitation.email}</span>
                          </button>
                          <button type="button" class="button button-small button-ghost danger-text" part="button" ?disabled=${busy} @click=${() => options.onRevoke(invitation)}>
                            ${t('team.invitations.revoke')}<span class="visually-hidden"> ${invitation.email}</span>
                          </button>
                        `
                      : nothing}
                    ${error ? html`<div class="field-error" part="error">${error}</div>` : nothing}
                  </td>
                </tr>
              `;
            })}
          </tbody>
        </table>
      </div>
    </section>
  `;
}

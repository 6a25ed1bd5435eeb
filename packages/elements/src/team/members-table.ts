import { roles, type Member, type Role } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Localizer } from '../i18n/localize.js';
import { badge } from '../ui/badge.js';
import { roleKeys } from './invite-form.js';
import { ruleMessageKeys, type MemberControls } from './member-rules.js';

export interface MembersTableOptions {
  readonly rows: readonly Member[];
  /** The signed-in member's id (their row says “You”). */
  readonly selfId: string;
  readonly controls: (member: Member) => MemberControls;
  /** Ids with a request under way. */
  readonly busy: ReadonlySet<string>;
  /** A refusal or failure shown in a member's row. */
  readonly rowErrors: ReadonlyMap<string, string>;
  readonly onRoleChange: (member: Member, role: Role, select: HTMLSelectElement) => void;
  readonly onRemove: (member: Member) => void;
  readonly onTransfer: (member: Member) => void;
}

/** One page of members: name, email, role (a select), MFA, last active and the row's actions. */
export function membersTable(l: Localizer, options: MembersTableOptions): TemplateResult {
  const t = l.t;
  return html`
    <div class="table-scroll">
      <table class="table" part="table">
        <caption class="visually-hidden">${t('team.members.title')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('team.column.name')}</th>
            <th scope="col">${t('team.column.email')}</th>
            <th scope="col">${t('team.column.role')}</th>
            <th scope="col">${t('team.column.mfa')}</th>
            <th scope="col">${t('team.column.lastActive')}</th>
            <th scope="col"><span class="visually-hidden">${t('team.column.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            options.rows,
            (member) => member.id,
            (member) => {
              const controls = options.controls(member);
              const busy = options.busy.has(member.id);
              const reasons = [...new Set([controls.roleBlocked, controls.removeBlocked].filter((r) => r !== undefined))];
              const reasonId = reasons.length > 0 ? `reason-${member.id}` : undefined;
              const error = options.rowErrors.get(member.id);
              const errorId = error ? `error-${member.id}` : undefined;
              const describedBy = [reasonId, errorId].filter(Boolean).join(' ') || undefined;
              return html`
                <tr part="row" data-member=${member.id}>
                  <th scope="row" class="name-cell">
                    <span>${member.name}</span>
                    ${member.id === options.selfId ? badge(t('team.members.you'), 'primary') : nothing}
                  </th>
                  <td><bdi>${member.email}</bdi></td>
                  <td class="role-cell">
                    <select
                      class="select select-compact"
                      part="input"
                      aria-label=${t('team.members.roleOf', { name: member.name })}
                      aria-describedby=${ifDefined(describedBy)}
                      ?disabled=${busy || controls.roleBlocked !== undefined}
                      @change=${(event: Event & { currentTarget: HTMLSelectElement }) =>
                        options.onRoleChange(member, event.currentTarget.value as Role, event.currentTarget)}
                    >
                      ${roles.map(
                        (role) =>
                          html`<option value=${role} ?selected=${role === member.role} ?disabled=${!controls.allowedRoles.has(role)}>
                            ${t(roleKeys[role])}
                          </option>`,
                      )}
                    </select>
                    ${reasonId
                      ? html`<div class="hint" part="hint" id=${reasonId}>${reasons.map((reason) => t(ruleMessageKeys[reason])).join(' ')}</div>`
                      : nothing}
                    ${error ? html`<div class="field-error" part="error" id=${errorId}>${error}</div>` : nothing}
                  </td>
                  <td>${member.mfaEnabled ? badge(t('team.mfa.on'), 'success') : badge(t('team.mfa.off'), 'warning')}</td>
                  <td>
                    ${member.lastActiveAt
                      ? html`<time datetime=${member.lastActiveAt} title=${l.dateTime(member.lastActiveAt)}>${l.relativeTime(member.lastActiveAt)}</time>`
                      : html`<span class="muted">${t('common.never')}</span>`}
                  </td>
                  <td class="actions">
                    ${controls.canTransfer
                      ? html`<button type="button" class="button button-small" part="button" ?disabled=${busy} @click=${() => options.onTransfer(member)}>
                          ${t('team.transfer.button')}<span class="visually-hidden"> ${member.name}</span>
                        </button>`
                      : nothing}
                    <button
                      type="button"
                      class="button button-small button-ghost danger-text"
                      part="button"
                      ?disabled=${busy || controls.removeBlocked !== undefined}
                      aria-describedby=${ifDefined(describedBy)}
                      @click=${() => options.onRemove(member)}
                    >
                      ${t('team.remove.button')}<span class="visually-hidden"> ${member.name}</span>
                    </button>
                  </td>
                </tr>
              `;
            },
          )}
        </tbody>
      </table>
    </div>
  `;
}

import {
  lockedNotificationCells,
  notificationChannels,
  notificationEndpoints,
  notificationEvents,
  type NotificationChannel,
  type NotificationEvent,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
} from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { BillingoneElement } from '../base/billingone-element.js';
import { focusAfterUpdate } from '../controllers/focus.js';
import { FormController } from '../controllers/form-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { BillingoneSavedEvent } from '../events/saved.js';
import { hasStatus } from '../ui/errors.js';
import { localiseMessage } from '../ui/field-messages.js';
import { formErrorView, submitButton } from '../ui/field.js';
import { sectionFrame } from '../ui/section.js';
import { noticeView, storeView } from '../ui/status.js';
import { notificationsStyles } from './notifications.styles.js';

type Matrix = NotificationPreferences['preferences'];
type CellKey = `${NotificationEvent}.${NotificationChannel}`;

const cellKey = (event: NotificationEvent, channel: NotificationChannel): CellKey => `${event}.${channel}`;
const locked = new Set<string>(lockedNotificationCells.map(([event, channel]) => cellKey(event, channel)));

/** The matrix with the user's unsaved choices applied. */
function withChanges(matrix: Matrix, changes: ReadonlyMap<CellKey, boolean>): Matrix {
  const next = { ...matrix };
  for (const [key, value] of changes) {
    const [event, channel] = key.split('.') as [NotificationEvent, NotificationChannel];
    next[event] = { ...next[event], [channel]: value };
  }
  return next;
}

/**
 * The signed-in member's notification matrix: billing and security events by channel (email,
 * in-app), one labelled checkbox per cell. Security emails are locked on. Changes are kept as a
 * draft until “Save changes”; the save is shown at once and rolled back if the server refuses it.
 * When the preferences changed elsewhere meanwhile (HTTP 412), the latest version is loaded and the
 * unsaved choices are re-applied on top of it for the user to check and save again.
 *
 * @summary Which events notify the member, by email and in the app.
 * @tagname billingone-notifications
 *
 * @csspart base - The section's wrapper.
 * @csspart header - The section's heading and introduction.
 * @csspart title - The section's heading.
 * @csspart form - The form around the matrix.
 * @csspart table - The matrix.
 * @csspart row - Each event's row.
 * @csspart input - Each checkbox.
 * @csspart hint - The note about security emails.
 * @csspart error - The message of a failed save.
 * @csspart button - Every button.
 * @csspart primary-button - “Save changes”.
 * @csspart status - Loading, error and forbidden states, and the notice after a conflict.
 *
 * @fires {BillingoneSavedEvent} billingone-saved - The user saved the matrix: `{ section: 'notifications', resource: 'notifications' }`.
 */
export class BillingoneNotifications extends BillingoneElement {
  static override styles = [BillingoneElement.styles, notificationsStyles];

  readonly #preferences = new StoreController(this, () => this.stores?.resource(notificationEndpoints.get));
  readonly #form = new FormController(this);
  /** The user's unsaved choices, by cell. */
  #changes = new Map<CellKey, boolean>();
  #notice: string | undefined;

  protected override render(): TemplateResult {
    const t = this.t.bind(this);
    return sectionFrame({
      title: t('notifications.title'),
      intro: t('notifications.intro'),
      titleId: 'notifications-title',
      body: storeView(t, this.#preferences.state, ({ preferences }) => this.#renderMatrix(preferences), { onRetry: this.#preferences.refresh }),
    });
  }

  /** Unsaved choices that differ from the saved matrix. */
  #pending(saved: Matrix): Map<CellKey, boolean> {
    const pending = new Map<CellKey, boolean>();
    for (const [key, value] of this.#changes) {
      const [event, channel] = key.split('.') as [NotificationEvent, NotificationChannel];
      if (saved[event][channel] !== value && !locked.has(key)) pending.set(key, value);
    }
    return pending;
  }

  #renderMatrix(saved: Matrix): TemplateResult {
    const t = this.t.bind(this);
    const form = this.#form;
    const shown = withChanges(saved, this.#changes);
    const pending = this.#pending(saved).size;
    return html`
      <form class="stack" part="form" novalidate aria-labelledby="notifications-title" @submit=${this.#save}>
        ${noticeView(this.#notice)}
        <div class="table-scroll">
          <table class="table matrix" part="table">
            <caption class="visually-hidden">${t('notifications.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">${t('notifications.eventColumn')}</th>
                ${notificationChannels.map((channel) => html`<th scope="col" class="cell">${t(`notifications.channel.${channel}`)}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${notificationEvents.map(
                (event) => html`
                  <tr part="row" data-event=${event}>
                    <th scope="row">${t(`notifications.event.${event}`)}</th>
                    ${notificationChannels.map((channel) => this.#renderCell(event, channel, shown[event][channel]))}
                  </tr>
                `,
              )}
            </tbody>
          </table>
        </div>
        <p class="hint" part="hint" id="locked-note">${t('notifications.lockedNote')}</p>
        ${formErrorView(localiseMessage(t, form.message, { 'Some notifications cannot be changed.': 'notifications.lockedError' }))}
        <div class="row">
          ${submitButton({ busy: form.submitting, label: t('common.saveChanges'), busyLabel: t('common.saving') })}
          ${pending > 0
            ? html`<button type="button" class="button button-ghost" part="button" ?disabled=${form.submitting} @click=${this.#discard}>${t('notifications.discard')}</button>
                <span class="muted small" data-unsaved>${t('notifications.unsaved', { count: pending })}</span>`
            : nothing}
        </div>
      </form>
    `;
  }

  #renderCell(event: NotificationEvent, channel: NotificationChannel, checked: boolean): TemplateResult {
    const t = this.t.bind(this);
    const key = cellKey(event, channel);
    const id = `cell-${event}-${channel}`;
    const isLocked = locked.has(key);
    return html`
      <td class="cell">
        <span class="cell-control">
          <input
            type="checkbox"
            part="input"
            id=${id}
            name=${key}
            .checked=${live(isLocked || checked)}
            ?disabled=${isLocked}
            aria-describedby=${isLocked ? 'locked-note' : nothing}
            @change=${(e: Event & { currentTarget: HTMLInputElement }) => this.#toggle(key, e.currentTarget.checked)}
          />
          <label class="visually-hidden" for=${id}>
            ${t('notifications.cell', { event: t(`notifications.event.${event}`), channel: t(`notifications.channel.${channel}`) })}
          </label>
          ${isLocked ? html`<span class="muted small">${t('notifications.locked')}</span>` : nothing}
        </span>
      </td>
    `;
  }

  #toggle(key: CellKey, value: boolean): void {
    this.#changes = new Map(this.#changes).set(key, value);
    this.#form.clear();
    this.requestUpdate();
  }

  readonly #discard = (): void => {
    this.#changes = new Map();
    this.#notice = undefined;
    this.#form.clear();
    this.announce(this.t('notifications.discarded'));
  };

  readonly #save = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const client = this.settingsClient;
    const stores = this.stores;
    const store = this.#preferences.store;
    const saved = store?.getState().data?.preferences;
    if (!client || !stores || !store || !saved) return;
    const changes = this.#pending(saved);
    if (changes.size === 0) {
      this.#changes = new Map();
      this.#notice = undefined;
      this.#form.clear();
      this.announce(this.t('notifications.unchanged'));
      return;
    }
    const preferences: NonNullable<NotificationPreferencesUpdate['preferences']> = {};
    for (const [key, value] of changes) {
      const [event, channel] = key.split('.') as [NotificationEvent, NotificationChannel];
      preferences[event] = { ...preferences[event], [channel]: value };
    }
    const body = this.#form.check(client.validate(notificationEndpoints.update, { preferences }));
    if (!body) return;
    this.#notice = undefined;
    const result = await this.#form.submit(() =>
      store.optimistic(
        (data) => ({ ...data, preferences: withChanges(data.preferences, changes) }),
        (etag) => stores.mutate(notificationEndpoints.update, { body, ifMatch: etag }),
      ),
    );
    if (result.ok) {
      // Choices made while the save ran stay as unsaved changes.
      this.#changes = this.#pending(store.getState().data!.preferences);
      this.announce(this.t('notifications.saved'));
      void this.emit(new BillingoneSavedEvent({ section: 'notifications', resource: 'notifications' }));
      return;
    }
    if (hasStatus(result.error, 412)) {
      // The store reloads the latest version; the unsaved choices stay in `#changes` and are shown over it.
      this.#form.clear();
      this.#notice = this.t('notifications.conflict');
      this.requestUpdate();
      await focusAfterUpdate(this, '.notice');
    }
  };
}

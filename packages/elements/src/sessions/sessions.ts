import { sessionEndpoints, type Session } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import { BillingoneElement } from '../base/billingone-element.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { focusAfterUpdate } from '../controllers/focus.js';
import { StoreController } from '../controllers/store-controller.js';
import { BillingoneSavedEvent } from '../events/saved.js';
import { BillingoneSignedOutEvent } from '../events/signed-out.js';
import { badge } from '../ui/badge.js';
import { describeError, hasStatus, isAbort } from '../ui/errors.js';
import { formErrorView } from '../ui/field.js';
import { sectionFrame } from '../ui/section.js';
import { emptyView, storeView } from '../ui/status.js';
import { sessionsStyles } from './sessions.styles.js';

/** `others` while every other session is being signed out; a session id while that one is. */
type Busy = string | undefined;

/**
 * The devices where the signed-in member has a session: browser, operating system, IP address,
 * approximate location when known, last activity and a “Current” badge on this device. The member
 * can sign out one device or every other device (each after a confirmation), and sign out here.
 *
 * With an embed token (bearer mode) no listed session is the current one; “Sign out all other
 * devices” then ends every browser session of the member.
 *
 * @summary The member's signed-in devices, with sign-out of one or all others.
 * @tagname billingone-sessions
 *
 * @csspart base - The section's wrapper.
 * @csspart header - The section's heading and introduction.
 * @csspart title - The section's heading and the dialog title.
 * @csspart card - Each session.
 * @csspart row - Each session (same element as `card`).
 * @csspart badge - The “Current” badge.
 * @csspart button - Every button.
 * @csspart danger-button - “Sign out all other devices” and the confirming buttons of the dialogs.
 * @csspart primary-button - The retry button of the error state.
 * @csspart error - The message of a failed sign-out.
 * @csspart dialog - The confirmation dialog.
 * @csspart status - Loading, empty, error and forbidden states.
 *
 * @fires {BillingoneSavedEvent} billingone-saved - The user signed out another device (`detail.resource`
 *   is `session`) or every other device (`sessions`); `detail.section` is `sessions`.
 * @fires {BillingoneSignedOutEvent} billingone-signed-out - The user ended the current session
 *   (`detail.reason` is `session-ended`); the host should take them to its sign-in page.
 */
export class BillingoneSessions extends BillingoneElement {
  static override styles = [BillingoneElement.styles, sessionsStyles];

  readonly #sessions = new StoreController(this, () => this.stores?.resource(sessionEndpoints.list));
  readonly #confirm = new ConfirmController(this);
  #busy: Busy;
  #error: string | undefined;

  protected override render(): TemplateResult {
    const t = this.t.bind(this);
    return sectionFrame({
      title: t('sessions.title'),
      intro: t('sessions.intro'),
      titleId: 'sessions-title',
      focusableTitle: true,
      body: [
        formErrorView(this.#error),
        storeView(t, this.#sessions.state, ({ items }) => this.#renderSessions(items), {
          onRetry: this.#sessions.refresh,
          isEmpty: ({ items }) => items.length === 0,
          empty: { title: t('sessions.empty.title'), message: t('sessions.empty.body') },
        }),
      ],
      dialog: this.#confirm.render(),
    });
  }

  #device(session: Session): string {
    const { browser, os } = session;
    if (browser && os) return this.t('sessions.device', { browser, os });
    return browser || os || this.t('sessions.unknownDevice');
  }

  #renderSessions(items: readonly Session[]): TemplateResult {
    const t = this.t.bind(this);
    const sorted = [...items].sort((a, b) => Number(b.current) - Number(a.current));
    const others = items.filter((session) => !session.current).length;
    return html`
      <ul class="sessions" aria-label=${t('sessions.list')}>
        ${sorted.map((session) => this.#renderSession(session))}
      </ul>
      ${others === 0
        ? emptyView(t, { title: t('sessions.onlyCurrent.title'), message: t('sessions.onlyCurrent.body') })
        : html`<div class="row">
            <button
              type="button"
              class="button button-danger"
              part="button danger-button"
              data-action="terminate-others"
              ?disabled=${this.#busy !== undefined}
              aria-busy=${this.#busy === 'others' ? 'true' : 'false'}
              @click=${() => this.#terminateOthers(others)}
            >
              ${t('sessions.terminateOthers')}
            </button>
          </div>`}
    `;
  }

  #renderSession(session: Session): TemplateResult {
    const t = this.t.bind(this);
    const localizer = this.localizer;
    const device = this.#device(session);
    const details = [
      session.ip ? t('sessions.ip', { ip: session.ip }) : '',
      session.location ? t('sessions.location', { location: session.location }) : '',
    ].filter(Boolean);
    return html`
      <li class="card session" part="card row" data-session=${session.id} ?data-current=${session.current}>
        <div class="session-main stack-sm">
          <h3 class="session-device">${device} ${session.current ? badge(t('sessions.current'), 'primary') : nothing}</h3>
          ${details.length ? html`<p class="muted small"><bdi>${details.join(' · ')}</bdi></p>` : nothing}
          <p class="muted small">
            <time datetime=${session.lastActiveAt} title=${localizer.dateTime(session.lastActiveAt)}>
              ${t('sessions.lastActive', { time: localizer.relativeTime(session.lastActiveAt) })}
            </time>
            ·
            <time datetime=${session.createdAt}>${t('sessions.signedIn', { date: localizer.date(session.createdAt) })}</time>
          </p>
        </div>
        <button
          type="button"
          class="button"
          part="button"
          data-action="terminate"
          aria-label=${session.current ? t('sessions.signOutCurrent') : t('sessions.terminateLabel', { device })}
          ?disabled=${this.#busy !== undefined}
          aria-busy=${this.#busy === session.id ? 'true' : 'false'}
          @click=${() => this.#terminate(session)}
        >
          ${session.current ? t('sessions.signOutCurrent') : t('sessions.terminate')}
        </button>
      </li>
    `;
  }

  async #terminate(session: Session): Promise<void> {
    const stores = this.stores;
    if (!stores) return;
    const t = this.t.bind(this);
    const device = this.#device(session);
    const confirmed = await this.#confirm.ask(
      session.current
        ? { title: t('sessions.signOutCurrentTitle'), message: t('sessions.signOutCurrentBody'), confirmLabel: t('sessions.signOutCurrent'), danger: true }
        : { title: t('sessions.terminateTitle', { device }), message: t('sessions.terminateBody'), confirmLabel: t('sessions.terminate'), danger: true },
    );
    if (!confirmed) return;
    await this.#run(session.id, async () => {
      try {
        await stores.mutate(sessionEndpoints.terminate, { params: { id: session.id } });
      } catch (error) {
        if (!hasStatus(error, 404)) throw error;
        this.announce(t('sessions.alreadyEnded'));
        stores.invalidate(sessionEndpoints.list);
        return;
      }
      this.#keep((other) => other.id !== session.id);
      if (session.current) {
        void this.emit(new BillingoneSignedOutEvent({ reason: 'session-ended' }));
      } else {
        this.announce(t('sessions.terminated', { device }));
        void this.emit(new BillingoneSavedEvent({ section: 'sessions', resource: 'session' }));
      }
    });
  }

  async #terminateOthers(count: number): Promise<void> {
    const stores = this.stores;
    if (!stores) return;
    const t = this.t.bind(this);
    const confirmed = await this.#confirm.ask({
      title: t('sessions.terminateOthersTitle'),
      message: t('sessions.terminateOthersBody', { count }),
      confirmLabel: t('sessions.terminateOthers'),
      danger: true,
    });
    if (!confirmed) return;
    await this.#run('others', async () => {
      const { ended } = await stores.mutate(sessionEndpoints.terminateOthers);
      this.#keep((session) => session.current);
      this.announce(t('sessions.terminatedOthers', { count: ended }));
      void this.emit(new BillingoneSavedEvent({ section: 'sessions', resource: 'sessions' }));
    });
  }

  /** Runs a sign-out, showing its failure, and puts focus back in the section once the list changed. */
  async #run(busy: string, action: () => Promise<void>): Promise<void> {
    this.#busy = busy;
    this.#error = undefined;
    this.requestUpdate();
    try {
      await action();
    } catch (error) {
      if (!isAbort(error)) this.#error = describeError(error, this.t.bind(this));
    } finally {
      this.#busy = undefined;
      this.requestUpdate();
      await focusAfterUpdate(this, this.#error ? '.form-error' : '#sessions-title');
    }
  }

  /** Keeps the listed sessions that pass `keep` (the server has ended the others). */
  #keep(keep: (session: Session) => boolean): void {
    const store = this.#sessions.store;
    const data = store?.getState().data;
    if (store && data) store.set({ ...data, items: data.items.filter(keep) });
  }
}

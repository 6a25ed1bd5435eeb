import {
  meEndpoints,
  runPasskeyRegistration,
  securityEndpoints,
  type Passkey,
  type PasskeyRegistrationState,
  type SecurityOverview,
  type WebAuthnJsonObject,
} from '@billingone/settings-core';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/browser';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { ConfirmController } from '../controllers/confirm-controller.js';
import { FormController } from '../controllers/form-controller.js';
import { BillingoneMfaEnrolledEvent } from '../events/mfa-enrolled.js';
import { BillingoneSavedEvent } from '../events/saved.js';
import { badge } from '../ui/badge.js';
import { field, formErrorView } from '../ui/field.js';
import { flowErrorMessage, localiseFieldErrors, securityErrorMessage } from './flow-errors.js';
import { checkForm, submitForm } from './forms.js';
import { focusAfterRender, type SecurityHost, type SecurityTools } from './host.js';

interface Adding {
  name: string;
  state: PasskeyRegistrationState;
}

/**
 * The “Passkeys” card of `<billingone-security>`: the member's passkeys (name, created, last used),
 * registering one through core's `runPasskeyRegistration` and @simplewebauthn/browser (a dismissed
 * browser prompt is a calm “cancelled”, not an error), renaming inline and removing after a confirmation.
 */
export class PasskeysPanel implements ReactiveController {
  readonly #host: SecurityHost;
  readonly #tools: SecurityTools;
  readonly #confirm: ConfirmController;
  readonly #renameForm: FormController;
  #adding: Adding | undefined;
  #abort: AbortController | undefined;
  #renaming: { id: string; value: string } | undefined;
  #error: string | undefined;
  #busy = new Set<string>();

  constructor(host: SecurityHost, tools: SecurityTools, confirm: ConfirmController) {
    this.#host = host;
    this.#tools = tools;
    this.#confirm = confirm;
    this.#renameForm = new FormController(host);
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  #update(): void {
    this.#host.requestUpdate();
  }

  #begin(): void {
    this.#error = undefined;
    this.#adding = { name: '', state: { kind: 'naming', name: '' } };
    this.#update();
    void focusAfterRender(this.#host, '#passkey-name');
  }

  #stopAdding(): void {
    this.#abort?.abort();
    this.#adding = undefined;
    this.#update();
    void focusAfterRender(this.#host, '[data-action="passkey-add"]');
  }

  async #register(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const host = this.#host;
    const client = host.settingsClient;
    const adding = this.#adding;
    if (!client || !adding || isRunning(adding.state)) return;
    const abort = (this.#abort = new AbortController());
    const final = await runPasskeyRegistration(
      {
        getOptions: (signal) => client.request(securityEndpoints.passkeyOptions, { signal }),
        startRegistration: async (optionsJSON) => {
          // A chunk of its own: only adding a passkey needs it.
          const { startRegistration } = await import('@simplewebauthn/browser');
          const response = await startRegistration({ optionsJSON: optionsJSON as unknown as PublicKeyCredentialCreationOptionsJSON });
          return response as unknown as WebAuthnJsonObject;
        },
        verify: (body) => client.request(securityEndpoints.registerPasskey, { body }),
      },
      {
        name: adding.name,
        signal: abort.signal,
        onState: (state) => {
          adding.state = state;
          this.#update();
        },
      },
    );
    if (this.#adding !== adding) return;
    adding.state = final;
    if (final.kind === 'registered') {
      this.#adding = undefined;
      host.stores?.invalidate(securityEndpoints.overview, meEndpoints.get);
      this.#tools.announce(host.t('security.passkeys.added', { name: final.passkey.name }));
      void this.#tools.emit(new BillingoneSavedEvent({ section: 'security', resource: 'passkey' }));
      void this.#tools.emit(new BillingoneMfaEnrolledEvent({ method: 'passkey' }));
      void focusAfterRender(host, '[data-action="passkey-add"]');
    } else if (final.kind === 'cancelled') {
      this.#tools.announce(host.t('security.passkeys.cancelled'));
    } else if (final.kind === 'naming') {
      void focusAfterRender(host, '#passkey-name');
    }
    this.#update();
  }

  #startRename(passkey: Passkey): void {
    this.#renameForm.clear();
    this.#renaming = { id: passkey.id, value: passkey.name };
    this.#update();
    void focusAfterRender(this.#host, '#passkey-rename');
  }

  #stopRename(): void {
    const id = this.#renaming?.id;
    this.#renaming = undefined;
    this.#renameForm.clear();
    this.#update();
    if (id) void focusAfterRender(this.#host, `[data-rename="${CSS.escape(id)}"]`);
  }

  async #rename(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const host = this.#host;
    const client = host.settingsClient;
    const stores = host.stores;
    const renaming = this.#renaming;
    if (!client || !stores || !renaming || this.#renameForm.submitting) return;
    const body = checkForm(host, this.#renameForm, client.validate(securityEndpoints.renamePasskey, { name: renaming.value }));
    if (!body) return;
    const result = await submitForm(host, this.#renameForm, () =>
      stores.mutate(securityEndpoints.renamePasskey, { params: { id: renaming.id }, body }, { invalidates: [securityEndpoints.overview] }),
    );
    if (!result.ok) return;
    this.#stopRename();
    this.#tools.announce(host.t('security.passkeys.renamed', { name: result.value.name }));
    void this.#tools.emit(new BillingoneSavedEvent({ section: 'security', resource: 'passkey' }));
  }

  async #remove(passkey: Passkey): Promise<void> {
    const host = this.#host;
    const t = host.t.bind(host);
    const stores = host.stores;
    if (!stores) return;
    const confirmed = await this.#confirm.ask({
      title: t('security.passkeys.remove.title', { name: passkey.name }),
      message: t('security.passkeys.remove.body'),
      confirmLabel: t('security.passkeys.remove.confirm'),
      danger: true,
    });
    if (!confirmed) return;
    this.#error = undefined;
    this.#busy.add(passkey.id);
    this.#update();
    try {
      await stores.mutate(securityEndpoints.removePasskey, { params: { id: passkey.id } }, { invalidates: [securityEndpoints.overview, meEndpoints.get] });
      this.#tools.announce(t('security.passkeys.removed', { name: passkey.name }));
      void this.#tools.emit(new BillingoneSavedEvent({ section: 'security', resource: 'passkey' }));
      void focusAfterRender(host, '#passkeys-title');
    } catch (error) {
      this.#error = securityErrorMessage(t, error, { mfa_required_by_organization: 'security.passkeys.remove.requiredByOrg' });
      void focusAfterRender(host, '[data-passkeys-error]');
    } finally {
      this.#busy.delete(passkey.id);
      this.#update();
    }
  }

  render(overview: SecurityOverview): TemplateResult {
    const t = this.#host.t.bind(this.#host);
    const supported = typeof globalThis.PublicKeyCredential === 'function';
    const passkeys = overview.passkeys;
    // The organization requires MFA and this passkey is the member's only factor: the server refuses its removal.
    const lastFactor = overview.orgRequiresMfa && !overview.totp.enabled && passkeys.length === 1;
    return html`
      <section class="card stack" part="card" aria-labelledby="passkeys-title" data-card="passkeys">
        <div class="card-header">
          <h3 id="passkeys-title" class="subtitle" part="title" tabindex="-1">${t('security.passkeys.title')}</h3>
          ${badge(t('security.passkeys.count', { count: passkeys.length }), passkeys.length > 0 ? 'success' : 'neutral')}
        </div>
        <p class="muted">${t('security.passkeys.description')}</p>
        ${this.#error ? html`<p class="form-error" part="error" role="alert" tabindex="-1" data-passkeys-error>${this.#error}</p>` : nothing}
        ${lastFactor ? html`<p class="note" id="passkey-required" data-note="passkey-required-by-org">${t('security.passkeys.remove.requiredByOrg')}</p>` : nothing}
        ${passkeys.length > 0 ? this.#table(passkeys, lastFactor) : html`<p class="small muted" data-empty="passkeys">${t('security.passkeys.empty')}</p>`}
        ${!supported
          ? html`<p class="note">${t('security.passkeys.unsupported')}</p>`
          : this.#adding
            ? this.#addForm(this.#adding)
            : html`<div class="row">
                <button type="button" class="button button-primary" part="button primary-button" data-action="passkey-add" @click=${() => this.#begin()}>
                  ${t('security.passkeys.add')}
                </button>
              </div>`}
      </section>
    `;
  }

  #table(passkeys: readonly Passkey[], lastFactor: boolean): TemplateResult {
    const t = this.#host.t.bind(this.#host);
    const l = this.#host.localizer;
    return html`
      <div class="table-scroll">
        <table class="table" part="table">
          <thead>
            <tr>
              <th scope="col">${t('security.passkeys.column.name')}</th>
              <th scope="col">${t('security.passkeys.column.created')}</th>
              <th scope="col">${t('security.passkeys.column.lastUsed')}</th>
              <th scope="col"><span class="visually-hidden">${t('security.passkeys.column.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${passkeys.map((passkey) => {
              const renaming = this.#renaming?.id === passkey.id;
              const busy = this.#busy.has(passkey.id);
              return html`
                <tr part="row" data-passkey=${passkey.id}>
                  <td>
                    ${renaming
                      ? this.#renameCell()
                      : html`<span class="passkey-name">${passkey.name}</span>
                          ${passkey.backedUp ? html` ${badge(t('security.passkeys.synced'), 'primary')}` : nothing}`}
                  </td>
                  <td><time datetime=${passkey.createdAt}>${l.date(passkey.createdAt)}</time></td>
                  <td>
                    ${passkey.lastUsedAt
                      ? html`<time datetime=${passkey.lastUsedAt} title=${l.dateTime(passkey.lastUsedAt)}>${l.relativeTime(passkey.lastUsedAt)}</time>`
                      : t('common.never')}
                  </td>
                  <td class="actions">
                    ${renaming
                      ? nothing
                      : html`<div class="row row-end">
                          <button
                            type="button"
                            class="button button-small"
                            part="button"
                            data-rename=${passkey.id}
                            aria-label=${t('security.passkeys.renameLabel', { name: passkey.name })}
                            ?disabled=${busy}
                            @click=${() => this.#startRename(passkey)}
                          >
                            ${t('security.passkeys.rename')}
                          </button>
                          <button
                            type="button"
                            class="button button-small"
                            part="button"
                            data-remove=${passkey.id}
                            aria-label=${t('security.passkeys.removeLabel', { name: passkey.name })}
                            aria-describedby=${lastFactor ? 'passkey-required' : nothing}
                            ?disabled=${busy || lastFactor}
                            aria-busy=${busy ? 'true' : 'false'}
                            @click=${() => void this.#remove(passkey)}
                          >
                            ${t('common.remove')}
                          </button>
                        </div>`}
                  </td>
                </tr>
              `;
            })}
          </tbody>
        </table>
      </div>
    `;
  }

  #renameCell(): TemplateResult {
    const t = this.#host.t.bind(this.#host);
    const form = this.#renameForm;
    const renaming = this.#renaming!;
    return html`
      <form
        class="stack-sm rename"
        part="form"
        novalidate
        @submit=${(event: SubmitEvent) => void this.#rename(event)}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            this.#stopRename();
          }
        }}
      >
        ${formErrorView(form.message)}
        ${field({
          id: 'passkey-rename',
          name: 'name',
          label: t('security.passkeys.nameLabel'),
          value: renaming.value,
          maxlength: 64,
          required: true,
          error: form.error('name'),
          onInput: (event) => {
            renaming.value = event.currentTarget.value;
            form.clear('name');
          },
        })}
        <div class="row">
          <button type="submit" class="button button-primary button-small" part="button primary-button" ?disabled=${form.submitting}>
            ${form.submitting ? t('common.saving') : t('common.save')}
          </button>
          <button type="button" class="button button-small" part="button" @click=${() => this.#stopRename()}>${t('common.cancel')}</button>
        </div>
      </form>
    `;
  }

  #addForm(adding: Adding): TemplateResult {
    const t = this.#host.t.bind(this.#host);
    const state = adding.state;
    const running = isRunning(state);
    const nameError =
      state.kind === 'naming' && state.error
        ? (localiseFieldErrors(t, state.error.fieldErrors ?? [], 'client')[0]?.message ?? t('security.passkeys.error.name'))
        : undefined;
    return html`
      <form class="stack-sm add-passkey" part="form" novalidate @submit=${(event: SubmitEvent) => void this.#register(event)}>
        <h4 class="subtitle" data-focus="passkey-add">${t('security.passkeys.addTitle')}</h4>
        ${state.kind === 'cancelled' ? html`<p class="note" role="status" data-note="cancelled">${t('security.passkeys.cancelled')}</p>` : nothing}
        ${state.kind === 'failed'
          ? html`<p class="form-error" part="error" role="alert" data-note="failed">
              ${state.reason === 'already_registered' ? t('security.passkeys.error.alreadyRegistered') : flowErrorMessage(t, state.error)}
            </p>`
          : nothing}
        ${field({
          id: 'passkey-name',
          name: 'name',
          label: t('security.passkeys.nameLabel'),
          hint: t('security.passkeys.nameHint'),
          value: adding.name,
          maxlength: 64,
          required: true,
          readonly: running,
          error: nameError,
          onInput: (event) => {
            adding.name = event.currentTarget.value;
          },
        })}
        ${running ? html`<p class="status-line" role="status">${t(state.kind === 'awaiting_authenticator' ? 'security.passkeys.prompt' : 'security.passkeys.working')}</p>` : nothing}
        <div class="row">
          <button type="submit" class="button button-primary" part="button primary-button" data-action="passkey-create" ?disabled=${running} aria-busy=${running ? 'true' : 'false'}>
            ${state.kind === 'cancelled' || state.kind === 'failed' ? t('security.passkeys.tryAgain') : t('security.passkeys.create')}
          </button>
          ${running ? nothing : html`<button type="button" class="button" part="button" @click=${() => this.#stopAdding()}>${t('common.cancel')}</button>`}
        </div>
      </form>
    `;
  }
}

function isRunning(state: PasskeyRegistrationState): boolean {
  return state.kind === 'requesting_options' || state.kind === 'awaiting_authenticator' || state.kind === 'verifying';
}

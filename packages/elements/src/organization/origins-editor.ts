import { organizationEndpoints, type Organization } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import type { BillingoneElement } from '../base/billingone-element.js';
import type { ConfirmController } from '../controllers/confirm-controller.js';
import { focusAfterUpdate } from '../controllers/focus.js';
import { describeError, fieldErrorsOf, hasStatus, isAbort } from '../ui/errors.js';
import { localiseMessage } from '../ui/field-messages.js';
import { field } from '../ui/field.js';
import { organizationMessages } from './messages.js';

export interface OriginsEditorOptions {
  readonly confirm: ConfirmController;
  /** The list was saved; `message` is announced. */
  readonly onSaved: (message: string) => void;
  /** The organization changed elsewhere (HTTP 412); it is being reloaded. */
  readonly onConflict: () => void;
}

/** An origin as typed, tidied: spaces and a trailing slash dropped, lower case. */
export function normaliseOrigin(value: string): string {
  return value.trim().replace(/\/+$/, '').toLowerCase();
}

/**
 * The embedding origins of `<billingone-organization>`: the allowed origins with a remove button each
 * (after a confirmation) and a field to add one, checked with the API's schema before saving.
 */
export class OriginsEditor {
  readonly #host: BillingoneElement;
  readonly #options: OriginsEditorOptions;
  #value = '';
  #error: string | undefined;
  #busy = false;

  constructor(host: BillingoneElement, options: OriginsEditorOptions) {
    this.#host = host;
    this.#options = options;
  }

  render(organization: Organization): TemplateResult {
    const t = this.#host.t.bind(this.#host);
    const origins = organization.embedOrigins;
    return html`
      <section class="card stack" part="card" aria-labelledby="origins-title">
        <div class="stack-sm">
          <h3 id="origins-title" class="subtitle" part="title">${t('organization.origins.title')}</h3>
          <p class="muted" id="origins-intro">${t('organization.origins.intro')}</p>
        </div>
        ${origins.length === 0
          ? html`<p>${t('organization.origins.none')}</p>`
          : html`<ul class="origins" aria-label=${t('organization.origins.list')}>
              ${origins.map(
                (origin) => html`<li class="origin" part="row">
                  <span class="mono" dir="ltr">${origin}</span>
                  <button
                    type="button"
                    class="button button-ghost button-small"
                    part="button"
                    aria-label=${t('organization.origins.removeLabel', { origin })}
                    ?disabled=${this.#busy}
                    @click=${() => this.#remove(organization, origin)}
                  >
                    ${t('organization.origins.remove')}
                  </button>
                </li>`,
              )}
            </ul>`}
        <form class="origin-add" part="form" novalidate aria-labelledby="origins-title" @submit=${(e: SubmitEvent) => this.#add(e, organization)}>
          ${field({
            id: 'new-origin',
            name: 'origin',
            type: 'url',
            label: t('organization.origins.new'),
            hint: t('organization.origins.hint'),
            value: this.#value,
            inputmode: 'url',
            autocomplete: 'off',
            spellcheck: false,
            dir: 'ltr',
            error: this.#error,
            onInput: (event) => {
              this.#value = event.currentTarget.value;
              if (this.#error) this.#setError(undefined);
            },
          })}
          <button type="submit" class="button" part="button" ?disabled=${this.#busy}>${t('organization.origins.add')}</button>
        </form>
      </section>
    `;
  }

  #setError(message: string | undefined): void {
    this.#error = message;
    this.#host.requestUpdate();
  }

  async #add(event: SubmitEvent, organization: Organization): Promise<void> {
    event.preventDefault();
    const host = this.#host;
    const t = host.t.bind(host);
    const client = host.settingsClient;
    if (!client) return;
    const origin = normaliseOrigin(this.#value);
    if (organization.embedOrigins.includes(origin)) return this.#fail(t('organization.origins.duplicate'));
    const check = client.validate(organizationEndpoints.update, { embedOrigins: [...organization.embedOrigins, origin] });
    if (!check.ok) return this.#fail(localiseMessage(t, check.fieldErrors[0]?.message, organizationMessages));
    const saved = await this.#save([...organization.embedOrigins, origin]);
    if (saved) {
      this.#value = '';
      host.requestUpdate();
      this.#options.onSaved(t('organization.origins.added', { origin }));
    }
  }

  async #remove(organization: Organization, origin: string): Promise<void> {
    const t = this.#host.t.bind(this.#host);
    const confirmed = await this.#options.confirm.ask({
      title: t('organization.origins.removeTitle', { origin }),
      message: t('organization.origins.removeBody'),
      confirmLabel: t('organization.origins.remove'),
      danger: true,
    });
    if (!confirmed) return;
    if (await this.#save(organization.embedOrigins.filter((item) => item !== origin))) {
      this.#options.onSaved(t('organization.origins.removed', { origin }));
    }
    await focusAfterUpdate(this.#host, '#new-origin');
  }

  async #save(embedOrigins: string[]): Promise<boolean> {
    const host = this.#host;
    const stores = host.stores;
    if (!stores) return false;
    this.#busy = true;
    this.#setError(undefined);
    try {
      await stores.mutate(organizationEndpoints.update, { body: { embedOrigins } });
      return true;
    } catch (error) {
      if (hasStatus(error, 412)) this.#options.onConflict();
      else if (!isAbort(error)) this.#fail(localiseMessage(host.t.bind(host), fieldErrorsOf(error)[0]?.message, organizationMessages) ?? describeError(error, host.t.bind(host)));
      return false;
    } finally {
      this.#busy = false;
      host.requestUpdate();
    }
  }

  async #fail(message: string | undefined): Promise<void> {
    this.#setError(message);
    await focusAfterUpdate(this.#host, '#new-origin');
  }
}

import { can, meEndpoints, organizationEndpoints, type Me, type Organization, type OrganizationUpdate } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { BillingoneElement } from '../base/billingone-element.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { focusAfterUpdate } from '../controllers/focus.js';
import { FormController } from '../controllers/form-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { BillingoneSavedEvent } from '../events/saved.js';
import { copyText } from '../ui/clipboard.js';
import { describeError, fieldErrorsOf, hasStatus, isAbort } from '../ui/errors.js';
import { localiseMessage } from '../ui/field-messages.js';
import { field, formErrorView, savedNote, submitButton } from '../ui/field.js';
import { sectionFrame } from '../ui/section.js';
import { forbiddenView, noticeView, storeView } from '../ui/status.js';
import { organizationMessages } from './messages.js';
import { organizationStyles } from './organization.styles.js';
import { OriginsEditor } from './origins-editor.js';
import { SlugCheckController, type SlugStatus } from './slug-check.js';

type Resource = 'organization' | 'mfa-policy' | 'embed-origins';

/**
 * The organization's settings, for Owners and Admins (`organization.edit`): name; URL slug with a live
 * availability check and a warning that links change; the “Require MFA for all team members” policy
 * (`organization.mfa_policy`, confirmed before it is turned on); the origins allowed to embed the
 * settings; and the organization ID with a copy button. Other roles see a forbidden state. Saves send
 * the organization's ETag; when someone else changed it meanwhile, the latest version is loaded and
 * what the user typed is kept.
 *
 * @summary Name, URL, MFA policy, embedding origins and ID of the organization.
 * @tagname billingone-organization
 *
 * @csspart base - The section's wrapper.
 * @csspart header - The section's heading and introduction.
 * @csspart title - Headings of the section, its cards and the dialog.
 * @csspart card - The general, security policy, embedding and ID cards.
 * @csspart form - The general form and the add-origin form.
 * @csspart field - Each form field.
 * @csspart label - Field labels.
 * @csspart input - Inputs and the MFA switch.
 * @csspart hint - Help text under a field.
 * @csspart error - Field and form errors.
 * @csspart row - Each allowed origin.
 * @csspart button - Every button.
 * @csspart primary-button - “Save changes” and the confirming button of the MFA dialog.
 * @csspart danger-button - The confirming button of the remove-origin dialog.
 * @csspart dialog - The confirmation dialog.
 * @csspart status - Loading, error and forbidden states, the slug check and the notice after a conflict.
 *
 * @fires {BillingoneSavedEvent} billingone-saved - The user saved a change: `detail.section` is
 *   `organization`, `detail.resource` is `organization` (name, URL), `mfa-policy` or `embed-origins`.
 */
export class BillingoneOrganization extends BillingoneElement {
  static override styles = [BillingoneElement.styles, organizationStyles];

  readonly #me = new StoreController(this, () => this.stores?.resource(meEndpoints.get));
  readonly #organization = new StoreController(this, () => (this.#canEdit ? this.stores?.resource(organizationEndpoints.get) : undefined));
  readonly #form = new FormController(this);
  readonly #confirm = new ConfirmController(this);
  readonly #slug = new SlugCheckController(this);
  readonly #origins = new OriginsEditor(this, {
    confirm: this.#confirm,
    onSaved: (message) => this.#saved('embed-origins', message),
    onConflict: () => void this.#conflict(),
  });
  /** What the user typed in the general form and has not saved yet. */
  #draft: { name?: string; slug?: string } = {};
  /** What the last save of the name and link did (a catalogue key), shown beside its button until the next edit. */
  #savedNote: 'organization.saved' | 'organization.unchanged' | undefined;
  #notice: string | undefined;
  #mfaBusy = false;
  #mfaError: string | undefined;
  #copied: 'copied' | 'failed' | undefined;

  get #canEdit(): boolean {
    return can(this.#me.state?.data, 'organization.edit');
  }

  protected override render(): TemplateResult {
    const t = this.t.bind(this);
    return sectionFrame({
      title: t('organization.title'),
      intro: t('organization.intro'),
      body: storeView(t, this.#me.state, (me) => this.#renderFor(me), { onRetry: this.#me.refresh }),
      dialog: this.#confirm.render(),
    });
  }

  #renderFor(me: Me): unknown {
    const t = this.t.bind(this);
    if (!can(me, 'organization.edit')) return forbiddenView(t, { message: t('organization.forbidden') });
    return storeView(t, this.#organization.state, (organization) => this.#renderOrganization(me, organization), {
      onRetry: this.#organization.refresh,
    });
  }

  #renderOrganization(me: Me, organization: Organization): TemplateResult {
    return html`
      ${noticeView(this.#notice)}
      ${this.#renderGeneral(organization)} ${this.#renderMfa(me, organization)} ${this.#origins.render(organization)}
      ${this.#renderId(organization)}
    `;
  }

  #renderGeneral(organization: Organization): TemplateResult {
    const t = this.t.bind(this);
    const form = this.#form;
    const error = (path: 'name' | 'slug') => localiseMessage(t, form.error(path), organizationMessages);
    const slug = this.#draft.slug ?? organization.slug;
    const slugChanged = slug.trim() !== organization.slug;
    const fieldProblem = form.error('name') !== undefined || form.error('slug') !== undefined;
    return html`
      <section class="card" part="card" aria-labelledby="general-title">
        <form class="stack" part="form" novalidate aria-labelledby="general-title" @submit=${this.#saveGeneral}>
          <h3 id="general-title" class="subtitle" part="title">${t('organization.general.title')}</h3>
          ${field({
            id: 'name',
            name: 'name',
            label: t('organization.name'),
            value: this.#draft.name ?? organization.name,
            autocomplete: 'organization',
            required: true,
            error: error('name'),
            onInput: (event) => this.#edit('name', event.currentTarget.value),
          })}
          ${field({
            id: 'slug',
            name: 'slug',
            label: t('organization.slug'),
            value: slug,
            autocomplete: 'off',
            spellcheck: false,
            dir: 'ltr',
            required: true,
            hint: html`
              <span class="stack-sm">
                <span>${t('organization.slugHint')}</span>
                <span class="slug-status" role="status" data-slug-status=${this.#slug.status.kind}>${this.#slugStatus(this.#slug.status)}</span>
                ${slugChanged ? html`<span class="warning" data-slug-warning>${t('organization.slugWarning')}</span>` : nothing}
              </span>
            `,
            error: error('slug'),
            onInput: (event) => {
              this.#edit('slug', event.currentTarget.value);
              this.#slug.check(event.currentTarget.value, organization.slug);
            },
          })}
          ${formErrorView(fieldProblem ? undefined : form.message)}
          <div class="row">${submitButton({ busy: form.submitting, label: t('common.saveChanges'), busyLabel: t('common.saving') })}${savedNote(this.#savedNote && t(this.#savedNote))}</div>
        </form>
      </section>
    `;
  }

  #slugStatus(status: SlugStatus): TemplateResult | typeof nothing {
    const t = this.t.bind(this);
    switch (status.kind) {
      case 'idle':
        return nothing;
      case 'invalid':
        return html`<span class="bad">${localiseMessage(t, status.message, organizationMessages)}</span>`;
      case 'checking':
        return html`<span>${t('organization.slug.checking', { slug: status.slug })}</span>`;
      case 'failed':
        return html`<span>${t('organization.slug.checkFailed')}</span>`;
      case 'checked': {
        const { available, reason } = status.availability;
        if (available) return reason === 'current' ? nothing : html`<span class="good">✓ ${t('organization.slug.available', { slug: status.slug })}</span>`;
        if (reason === 'reserved') return html`<span class="bad">${t('organization.slug.reserved')}</span>`;
        if (reason === 'invalid') return html`<span class="bad">${t('organization.slug.invalid')}</span>`;
        return html`<span class="bad">${t('organization.slug.taken')}</span>`;
      }
    }
  }

  #renderMfa(me: Me, organization: Organization): TemplateResult {
    const t = this.t.bind(this);
    const allowed = can(me, 'organization.mfa_policy');
    const describedBy = ['require-mfa-hint', this.#mfaError ? 'require-mfa-error' : ''].filter(Boolean).join(' ');
    return html`
      <section class="card stack" part="card" aria-labelledby="mfa-title">
        <h3 id="mfa-title" class="subtitle" part="title">${t('organization.mfa.title')}</h3>
        ${allowed
          ? html`<div class="field" part="field">
              <label class="switch" part="label">
                <input
                  type="checkbox"
                  role="switch"
                  part="input"
                  id="require-mfa"
                  .checked=${live(organization.requireMfa)}
                  ?disabled=${this.#mfaBusy}
                  aria-busy=${this.#mfaBusy ? 'true' : 'false'}
                  aria-invalid=${this.#mfaError ? 'true' : 'false'}
                  aria-describedby=${describedBy}
                  @change=${this.#toggleMfa}
                />
                <span>${t('organization.mfa.label')}</span>
              </label>
              <div class="hint" part="hint" id="require-mfa-hint">${t('organization.mfa.hint')}</div>
              ${this.#mfaError ? html`<div class="field-error" part="error" id="require-mfa-error">${this.#mfaError}</div>` : nothing}
            </div>`
          : html`<p>${organization.requireMfa ? t('organization.mfa.on') : t('organization.mfa.off')}</p>
              <p class="muted small">${t('organization.mfa.readOnly')}</p>`}
      </section>
    `;
  }

  #renderId(organization: Organization): TemplateResult {
    const t = this.t.bind(this);
    return html`
      <section class="card stack-sm" part="card" aria-labelledby="id-title">
        <h3 id="id-title" class="subtitle" part="title">${t('organization.id.title')}</h3>
        <p class="muted small" id="id-hint">${t('organization.id.hint')}</p>
        <div class="row">
          <code class="mono org-id" id="organization-id" dir="ltr">${organization.id}</code>
          <button type="button" class="button button-small" part="button" aria-describedby="id-title" @click=${() => this.#copyId(organization.id)}>
            ${t('organization.id.copy')}
          </button>
          ${this.#copied === 'copied' ? html`<span class="muted small" data-copied>${t('organization.id.copied')}</span>` : nothing}
        </div>
        ${this.#copied === 'failed' ? html`<p class="muted small">${t('organization.id.copyFailed')}</p>` : nothing}
      </section>
    `;
  }

  #edit(name: 'name' | 'slug', value: string): void {
    this.#draft = { ...this.#draft, [name]: value };
    this.#savedNote = undefined;
    this.#form.clear(name);
    this.requestUpdate();
  }

  readonly #saveGeneral = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const organization = this.#organization.state?.data;
    const client = this.settingsClient;
    const stores = this.stores;
    if (!organization || !client || !stores) return;
    const body: OrganizationUpdate = {};
    const name = this.#draft.name?.trim();
    const slug = this.#draft.slug?.trim();
    if (name !== undefined && name !== organization.name) body.name = this.#draft.name;
    if (slug !== undefined && slug !== organization.slug) body.slug = this.#draft.slug;
    if (Object.keys(body).length === 0) {
      this.#draft = {};
      this.#form.clear();
      this.#slug.reset();
      this.#savedNote = 'organization.unchanged';
      this.announce(this.t(this.#savedNote));
      this.requestUpdate();
      return;
    }
    const valid = this.#form.check(client.validate(organizationEndpoints.update, body));
    if (!valid) return;
    this.#notice = undefined;
    const result = await this.#form.submit(() => stores.mutate(organizationEndpoints.update, { body: valid }, { invalidates: [meEndpoints.get] }));
    if (result.ok) {
      this.#draft = {};
      this.#slug.reset();
      this.#savedNote = 'organization.saved';
      this.#saved('organization', this.t(this.#savedNote));
      this.requestUpdate();
    } else if (hasStatus(result.error, 412)) {
      this.#form.clear();
      await this.#conflict();
    }
  };

  readonly #toggleMfa = async (event: Event & { currentTarget: HTMLInputElement }): Promise<void> => {
    const input = event.currentTarget;
    const stores = this.stores;
    const requireMfa = input.checked;
    // The switch shows the saved policy until the change is confirmed and saved.
    input.checked = !requireMfa;
    if (!stores) return;
    const t = this.t.bind(this);
    if (requireMfa) {
      const confirmed = await this.#confirm.ask({
        title: t('organization.mfa.confirmTitle'),
        message: t('organization.mfa.confirmBody'),
        confirmLabel: t('organization.mfa.confirm'),
      });
      if (!confirmed) return;
    }
    this.#mfaBusy = true;
    this.#mfaError = undefined;
    this.#notice = undefined;
    this.requestUpdate();
    try {
      await stores.mutate(organizationEndpoints.update, { body: { requireMfa } }, { invalidates: [meEndpoints.get] });
      this.#saved('mfa-policy', t(requireMfa ? 'organization.mfa.enabled' : 'organization.mfa.disabled'));
    } catch (error) {
      if (hasStatus(error, 412)) await this.#conflict();
      else if (!isAbort(error)) {
        const message = fieldErrorsOf(error).find((item) => item.path === 'requireMfa')?.message;
        this.#mfaError = localiseMessage(t, message, organizationMessages) ?? describeError(error, t);
      }
    } finally {
      this.#mfaBusy = false;
      this.requestUpdate();
      await focusAfterUpdate(this, '#require-mfa');
    }
  };

  async #copyId(id: string): Promise<void> {
    if (await copyText(id)) {
      this.#copied = 'copied';
      this.announce(this.t('organization.id.copied'));
    } else {
      this.#copied = 'failed';
      const code = this.renderRoot.querySelector('#organization-id');
      if (code) getSelection()?.selectAllChildren(code);
      this.announce(this.t('organization.id.copyFailed'));
    }
    this.requestUpdate();
  }

  /** The organization changed elsewhere: it reloads (the store does that), the user's input stays. */
  async #conflict(): Promise<void> {
    this.#notice = this.t('organization.conflict');
    this.requestUpdate();
    await focusAfterUpdate(this, '.notice');
  }

  #saved(resource: Resource, message: string): void {
    this.#notice = undefined;
    this.announce(message);
    void this.emit(new BillingoneSavedEvent({ section: 'organization', resource }));
  }
}

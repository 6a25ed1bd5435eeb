import { brandingEndpoints, can, logoUpload, meEndpoints, type Branding, type Me } from '@billingone/settings-core';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { BillingoneElement } from '../base/billingone-element.js';
import { requireStores } from '../base/stores.js';
import type { SettingsStores } from '../context.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { FormController } from '../controllers/form-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { BillingoneErrorEvent } from '../events/error.js';
import { BillingoneSavedEvent } from '../events/saved.js';
import type { MessageKey, MessageParams } from '../i18n/localize.js';
import { accessibleForeground } from '../theme/contrast.js';
import { describeError, fieldErrorsOf, hasStatus, isAbort } from '../ui/errors.js';
import { describedBy, formErrorView, onSubmit } from '../ui/field.js';
import { sectionFrame } from '../ui/section.js';
import { forbiddenView, storeView } from '../ui/status.js';
import { brandingStyles } from './branding.styles.js';
import { colourField, isCompleteHex, normaliseHex } from './colour-field.js';
import { resolveAssetUrl } from '../ui/asset-url.js';

type ColourName = 'primaryColor' | 'accentColor';
type Colours = Record<ColourName, string>;

const typeNames: Readonly<Record<string, string>> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/svg+xml': 'SVG',
};

/**
 * The organization's branding: its logo and its primary and accent colours, applied to the settings
 * area (and to the host's BillingOne pages) for every member.
 *
 * - Logo: PNG, JPEG, WebP or SVG up to 1 MB, checked before the upload (the server sanitises SVG);
 *   remove it (confirmed).
 * - Colours: a picker and a hex box kept in step for each colour, checked with core's `HexColor`;
 *   a live preview shows them with the text colour chosen automatically for a 4.5:1 contrast (WCAG AA).
 * - Saving sends the version read (`If-Match`); when someone else saved meanwhile, the latest version is
 *   loaded and the colours typed are kept so they can be saved again.
 * - Reset to the default colours and no logo (confirmed).
 *
 * Owners and Admins see the section; other roles get the forbidden state.
 *
 * @summary Logo and brand colours with a live, contrast-checked preview.
 * @tagname billingone-branding
 *
 * @fires {BillingoneSavedEvent} billingone-saved - After a change the user made: `{ section: 'branding', resource: 'colors' | 'logo' | 'branding' }` (`branding` for a reset).
 * @fires {BillingoneErrorEvent} billingone-error - When a user action failed: `{ section: 'branding', error }`.
 *
 * @csspart base - The section's wrapper.
 * @csspart header - The section heading and description.
 * @csspart title - Headings.
 * @csspart card - The logo, colours and preview cards.
 * @csspart section - Same elements as `card`.
 * @csspart form - The colours form.
 * @csspart field - A label with its inputs.
 * @csspart label - Field labels.
 * @csspart input - Colour pickers and hex boxes.
 * @csspart hint - Help text, the text colour and contrast of each colour.
 * @csspart error - Error messages.
 * @csspart badge - The “Meets WCAG AA” badges.
 * @csspart button - Every button.
 * @csspart primary-button - Save.
 * @csspart danger-button - The confirming button of removals and resets.
 * @csspart dialog - Confirmation dialogs.
 * @csspart status - Loading, error and forbidden states.
 *
 * @cssprop [--billingone-color-surface=#f8fafc] - Background behind the logo.
 */
export class BillingoneBranding extends BillingoneElement {
  static override styles = [BillingoneElement.styles, brandingStyles];

  readonly #tr = (key: MessageKey, params?: MessageParams): string => this.t(key, params);
  readonly #confirm = new ConfirmController(this);
  readonly #form = new FormController(this);
  readonly #me = new StoreController(this, () => this.stores?.resource(meEndpoints.get));
  readonly #branding = new StoreController(this, () =>
    can(this.#me.state?.data, 'branding.edit') ? this.stores?.resource(brandingEndpoints.get) : undefined,
  );

  /** The colours as typed. */
  #values: Colours = { primaryColor: '', accentColor: '' };
  /** The last valid colour of each field (shown by the picker and the preview). */
  #shown: Colours = { primaryColor: '#000000', accentColor: '#000000' };
  /** The branding the form was filled from. */
  #source: Branding | undefined;
  #dirty = false;
  #logoError: string | undefined;
  #logoBusy = false;
  readonly #logoInput = createRef<HTMLInputElement>();
  #resetting = false;

  #requireStores(): SettingsStores {
    return requireStores(this.stores, 'billingone-branding');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const data = this.#branding.state?.data;
    if (data && data !== this.#source) {
      const previous = this.#source;
      this.#source = data;
      if (!this.#dirty || !previous) this.#fill(data);
      else this.#merge(previous, data);
    }
  }

  /** A newer version arrived while the user edits: fields they did not touch follow it, theirs stay. */
  #merge(previous: Branding, data: Branding): void {
    for (const name of ['primaryColor', 'accentColor'] as const) {
      if (normaliseHex(this.#values[name]) !== previous[name].toLowerCase()) continue;
      const colour = data[name].toLowerCase();
      this.#values = { ...this.#values, [name]: colour };
      this.#shown = { ...this.#shown, [name]: colour };
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The preview gets its colours through CSSOM (allowed by a strict Content-Security-Policy).
    const preview = this.renderRoot.querySelector<HTMLElement>('.preview');
    if (!preview) return;
    const { primaryColor, accentColor } = this.#shown;
    preview.style.setProperty('--preview-primary', primaryColor);
    preview.style.setProperty('--preview-primary-fg', accessibleForeground(primaryColor));
    preview.style.setProperty('--preview-accent', accentColor);
    preview.style.setProperty('--preview-accent-fg', accessibleForeground(accentColor));
  }

  #fill(data: Branding): void {
    this.#values = { primaryColor: data.primaryColor.toLowerCase(), accentColor: data.accentColor.toLowerCase() };
    this.#shown = { ...this.#values };
    this.#dirty = false;
    this.#form.clear();
  }

  #setText(name: ColourName, value: string): void {
    this.#values = { ...this.#values, [name]: value };
    this.#dirty = true;
    if (isCompleteHex(value)) {
      this.#shown = { ...this.#shown, [name]: normaliseHex(value) };
      this.#form.clear(name);
    }
    this.requestUpdate();
  }

  /** When the user leaves a hex box: write it as `#rrggbb` and say at once if it is not a colour. */
  #commit(name: ColourName, value: string): void {
    const normalised = normaliseHex(value);
    this.#values = { ...this.#values, [name]: normalised };
    const checked = this.settingsClient?.validate(brandingEndpoints.update, { [name]: normalised });
    if (checked && !checked.ok) this.#form.setErrors([...this.#otherErrors(name), { path: name, message: this.t('branding.colour.invalid') }]);
    this.requestUpdate();
  }

  #otherErrors(name: ColourName): { path: string; message: string }[] {
    return [...this.#form.errors].filter(([path]) => path !== name).map(([path, message]) => ({ path, message }));
  }

  #pick(name: ColourName, value: string): void {
    const colour = value.toLowerCase();
    this.#values = { ...this.#values, [name]: colour };
    this.#shown = { ...this.#shown, [name]: colour };
    this.#dirty = true;
    this.#form.clear(name);
    this.requestUpdate();
  }

  async #save(): Promise<void> {
    const client = this.settingsClient;
    if (!client || this.#form.submitting) return;
    // After a conflict the store reloads: let the newer version arrive (and merge in) before saving over it.
    await this.#branding.store?.load().catch(() => undefined);
    await this.updateComplete;
    const values: Colours = { primaryColor: normaliseHex(this.#values.primaryColor), accentColor: normaliseHex(this.#values.accentColor) };
    this.#values = values;
    const checked = client.validate(brandingEndpoints.update, values);
    if (!checked.ok) {
      // Core's message is English; each field gets the localised one.
      this.#form.setErrors(checked.fieldErrors.map((error) => ({ path: error.path, message: this.t('branding.colour.invalid') })));
      return;
    }
    const source = this.#source;
    if (source && source.primaryColor.toLowerCase() === values.primaryColor && source.accentColor.toLowerCase() === values.accentColor) {
      this.#dirty = false;
      this.announce(this.t('branding.colours.unchanged'));
      return;
    }
    const result = await this.#form.submit(() =>
      this.#requireStores().mutate(brandingEndpoints.update, { body: checked.data }, { invalidates: [meEndpoints.get] }),
    );
    if (result.ok) {
      this.#fill(result.value);
      this.#source = result.value;
      this.announce(this.t('branding.colours.saved'));
      void this.emit(new BillingoneSavedEvent({ section: 'branding', resource: 'colors' }));
      return;
    }
    if (hasStatus(result.error, 412)) {
      // The store reloads the latest version; the colours typed stay in the form.
      this.#form.setErrors([], this.t('branding.conflict'));
    }
    this.announce(this.#form.message ?? this.t('common.error.title'), 'assertive');
    void this.emit(new BillingoneErrorEvent({ section: 'branding', error: result.error as Error }));
  }

  async #uploadLogo(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    const client = this.settingsClient;
    if (!client) return;
    this.#logoError = undefined;
    if (!(logoUpload.types as readonly string[]).includes(file.type)) {
      this.#logoError = this.t('branding.logo.wrongType', { types: this.#typeList() });
    } else if (file.size > logoUpload.maxBytes) {
      this.#logoError = this.t('branding.logo.tooLarge', { size: this.localizer.fileSize(logoUpload.maxBytes) });
    } else if (file.size === 0) {
      this.#logoError = this.t('branding.logo.empty');
    }
    if (this.#logoError) {
      input.value = '';
      this.announce(this.#logoError, 'assertive');
      this.requestUpdate();
      return;
    }
    this.#logoBusy = true;
    this.requestUpdate();
    try {
      await client.upload(brandingEndpoints.uploadLogo, file);
      this.#requireStores().invalidate(brandingEndpoints.get, meEndpoints.get);
      this.announce(this.t('branding.logo.uploaded'));
      void this.emit(new BillingoneSavedEvent({ section: 'branding', resource: 'logo' }));
    } catch (error) {
      if (!isAbort(error)) {
        this.#logoError = fieldErrorsOf(error).find((entry) => entry.path === 'file')?.message ?? describeError(error, this.#tr);
        this.announce(this.#logoError, 'assertive');
        void this.emit(new BillingoneErrorEvent({ section: 'branding', error: error as Error }));
      }
    } finally {
      input.value = '';
      this.#logoBusy = false;
      this.requestUpdate();
    }
  }

  async #removeLogo(): Promise<void> {
    const confirmed = await this.#confirm.ask({
      title: this.t('branding.logo.removeTitle'),
      message: this.t('branding.logo.removeBody'),
      confirmLabel: this.t('branding.logo.remove'),
      danger: true,
    });
    if (!confirmed) return;
    this.#logoBusy = true;
    this.#logoError = undefined;
    this.requestUpdate();
    try {
      await this.#requireStores().mutate(brandingEndpoints.removeLogo, {}, { invalidates: [brandingEndpoints.get, meEndpoints.get] });
      this.announce(this.t('branding.logo.removed'));
      void this.emit(new BillingoneSavedEvent({ section: 'branding', resource: 'logo' }));
    } catch (error) {
      if (!isAbort(error)) {
        this.#logoError = describeError(error, this.#tr);
        this.announce(this.#logoError, 'assertive');
        void this.emit(new BillingoneErrorEvent({ section: 'branding', error: error as Error }));
      }
    } finally {
      this.#logoBusy = false;
      this.requestUpdate();
    }
  }

  async #reset(): Promise<void> {
    const confirmed = await this.#confirm.ask({
      title: this.t('branding.reset.title'),
      message: this.t('branding.reset.body'),
      confirmLabel: this.t('branding.reset.confirm'),
      danger: true,
    });
    if (!confirmed) return;
    this.#resetting = true;
    this.requestUpdate();
    const result = await this.#form.submit(() => this.#requireStores().mutate(brandingEndpoints.reset, {}, { invalidates: [meEndpoints.get] }));
    this.#resetting = false;
    if (result.ok) {
      this.#fill(result.value);
      this.#source = result.value;
      this.#logoError = undefined;
      this.announce(this.t('branding.reset.done'));
      void this.emit(new BillingoneSavedEvent({ section: 'branding', resource: 'branding' }));
    } else {
      if (hasStatus(result.error, 412)) this.#form.setErrors([], this.t('branding.conflict'));
      this.announce(this.#form.message ?? this.t('common.error.title'), 'assertive');
      void this.emit(new BillingoneErrorEvent({ section: 'branding', error: result.error as Error }));
    }
    this.requestUpdate();
  }

  #typeList(): string {
    return this.localizer.list(logoUpload.types.map((type) => typeNames[type] ?? type), 'disjunction');
  }

  #logoUrl(url: string | null): string | undefined {
    return url ? resolveAssetUrl(url, this.settingsClient?.baseUrl) : undefined;
  }

  protected override render(): unknown {
    return html`${storeView(this.#tr, this.#me.state, (me) => this.#renderSection(me), { onRetry: this.#me.refresh })}${this.#confirm.render()}`;
  }

  #renderSection(me: Me): unknown {
    if (!can(me, 'branding.edit')) return forbiddenView(this.#tr);
    const state = this.#branding.state;
    if (state?.status === 'error' && hasStatus(state.error, 403)) return forbiddenView(this.#tr);
    return storeView(this.#tr, state, (branding) => this.#renderBranding(me, branding), { onRetry: this.#branding.refresh });
  }

  #renderBranding(me: Me, branding: Branding): TemplateResult {
    return sectionFrame({
      title: this.t('branding.title'),
      intro: this.t('branding.description'),
      body: [this.#renderLogo(branding), this.#renderColours(me, branding)],
    });
  }

  #renderColours(me: Me, branding: Branding): TemplateResult {
    const busy = this.#form.submitting || this.#resetting;
    return html`
      <section class="card stack" part="card section" aria-labelledby="colours-title">
        <h3 id="colours-title" class="subtitle" part="title">${this.t('branding.colours.title')}</h3>
        <form class="stack" part="form" novalidate @submit=${onSubmit(() => this.#save())}>
          ${formErrorView(this.#form.message)}
          <div class="colours">
            ${(['primaryColor', 'accentColor'] as const).map((name) =>
              colourField(this.localizer, {
                name: name === 'primaryColor' ? 'primary' : 'accent',
                label: this.t(name === 'primaryColor' ? 'branding.colour.primary' : 'branding.colour.accent'),
                pickerLabel: this.t(name === 'primaryColor' ? 'branding.colour.primaryPicker' : 'branding.colour.accentPicker'),
                value: this.#values[name],
                colour: this.#shown[name],
                error: this.#form.error(name),
                disabled: busy,
                onText: (value) => this.#setText(name, value),
                onCommit: (value) => this.#commit(name, value),
                onPick: (value) => this.#pick(name, value),
              }),
            )}
          </div>
          ${this.#renderPreview(me, branding)}
          <div class="row row-end">
            <button type="button" class="button" part="button" ?disabled=${busy || branding.isDefault} @click=${() => void this.#reset()}>
              ${this.#resetting ? this.t('branding.reset.running') : this.t('branding.reset.button')}
            </button>
            <button type="submit" class="button button-primary" part="button primary-button" ?disabled=${busy} aria-busy=${this.#form.submitting ? 'true' : 'false'}>
              ${this.#form.submitting ? this.t('common.saving') : this.t('branding.colours.save')}
            </button>
          </div>
        </form>
      </section>
    `;
  }

  #renderLogo(branding: Branding): TemplateResult {
    const url = this.#logoUrl(branding.logoUrl);
    const hint = this.t('branding.logo.hint', { types: this.#typeList(), size: this.localizer.fileSize(logoUpload.maxBytes) });
    return html`
      <section class="card stack" part="card section" aria-labelledby="logo-title">
        <h3 id="logo-title" class="subtitle" part="title">${this.t('branding.logo.title')}</h3>
        <div class="logo-row">
          <div class="logo-frame">
            ${url ? html`<img class="logo" src=${url} alt=${this.t('branding.logo.alt')} />` : html`<span class="muted small">${this.t('branding.logo.none')}</span>`}
          </div>
          <div class="stack-sm">
            <div class="field" part="field">
              <div class="row">
                <button
                  type="button"
                  class="button button-small"
                  part="button"
                  data-action="upload-logo"
                  ?disabled=${this.#logoBusy}
                  aria-busy=${this.#logoBusy ? 'true' : 'false'}
                  aria-describedby=${ifDefined(describedBy('logo-file', { hint, error: this.#logoError }))}
                  @click=${() => this.#logoInput.value?.click()}
                >
                  ${this.t(this.#logoBusy ? 'branding.logo.uploading' : url ? 'branding.logo.replace' : 'branding.logo.upload')}
                </button>
                ${url
                  ? html`<button type="button" class="button button-small button-ghost danger-text" part="button" ?disabled=${this.#logoBusy} @click=${() => void this.#removeLogo()}>
                      ${this.t('branding.logo.remove')}
                    </button>`
                  : nothing}
              </div>
              <input
                ${ref(this.#logoInput)}
                id="logo-file"
                type="file"
                accept=${logoUpload.types.join(',')}
                aria-label=${this.t(url ? 'branding.logo.replace' : 'branding.logo.upload')}
                hidden
                @change=${(event: Event & { currentTarget: HTMLInputElement }) => void this.#uploadLogo(event.currentTarget)}
              />
              <div class="hint" part="hint" id="logo-file-hint">${hint}</div>
              ${this.#logoError ? html`<div class="field-error" part="error" id="logo-file-error">${this.#logoError}</div>` : nothing}
            </div>
          </div>
        </div>
      </section>
    `;
  }

  #renderPreview(me: Me, branding: Branding): TemplateResult {
    const url = this.#logoUrl(branding.logoUrl);
    return html`
      <figure class="stack-sm">
        <figcaption class="label">${this.t('branding.preview.title')}</figcaption>
        <div class="preview" part="card">
          <div class="preview-header">
            ${url ? html`<img class="preview-logo" src=${url} alt="" />` : nothing}
            <span class="preview-name">${me.organization.name}</span>
          </div>
          <div class="preview-body">
            <span class="preview-button">${this.t('branding.preview.button')}</span>
            <span class="preview-accent">${this.t('branding.preview.accent')}</span>
          </div>
        </div>
      </figure>
    `;
  }
}

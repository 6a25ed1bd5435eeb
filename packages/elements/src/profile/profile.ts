import { meEndpoints, profileEndpoints, type Profile, type ProfileUpdate } from '@billingone/settings-core';
import { html, type TemplateResult } from 'lit';
import { BillingoneElement } from '../base/billingone-element.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { FormController } from '../controllers/form-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { BillingoneSavedEvent } from '../events/saved.js';
import { localiseMessage } from '../ui/field-messages.js';
import { field, formErrorView, savedNote, selectField, submitButton } from '../ui/field.js';
import { sectionFrame } from '../ui/section.js';
import { storeView } from '../ui/status.js';
import { AvatarEditorController } from './avatar-editor.js';
import { profileMessages } from './messages.js';
import { PasswordChangeController } from './password-change.js';
import { localeOptions, timeZoneOptions } from './preferences.js';
import { profileStyles } from './profile.styles.js';

type DetailField = 'name' | 'locale' | 'timeZone';
const detailFields: readonly DetailField[] = ['name', 'locale', 'timeZone'];

/**
 * The signed-in member's own profile: full name, email (read-only), language and time zone, profile
 * photo (PNG, JPEG or WebP up to 2 MB, cropped square in the browser before upload) and password
 * change (current, new and confirmation, with a strength meter; the member's other sessions are
 * signed out).
 *
 * @summary Name, photo, password, language and time zone of the signed-in member.
 * @tagname billingone-profile
 *
 * @csspart base - The section's wrapper.
 * @csspart header - The section's heading and introduction.
 * @csspart title - Headings of the section and its cards.
 * @csspart card - The details, photo and password cards.
 * @csspart form - The details and password forms.
 * @csspart field - Each form field.
 * @csspart label - Field labels.
 * @csspart input - Inputs and selects.
 * @csspart hint - Help text under a field.
 * @csspart error - Field and form errors.
 * @csspart button - Every button.
 * @csspart primary-button - Save and change-password buttons.
 * @csspart danger-button - The confirming button of the remove-photo dialog.
 * @csspart dialog - The confirmation dialog.
 * @csspart status - Loading, error and forbidden states.
 *
 * @cssprop [--billingone-profile-avatar-size=calc(var(--billingone-space-2xl) * 3)] - Size of the profile photo (6rem by default).
 *
 * @fires {BillingoneSavedEvent} billingone-saved - The user saved a change: `detail.section` is `profile`,
 *   `detail.resource` is `profile` (name, language, time zone), `avatar` (uploaded or removed) or `password`.
 */
export class BillingoneProfile extends BillingoneElement {
  static override styles = [BillingoneElement.styles, profileStyles];

  readonly #profile = new StoreController(this, () => this.stores?.resource(profileEndpoints.get));
  readonly #form = new FormController(this);
  readonly #confirm = new ConfirmController(this);
  readonly #avatar = new AvatarEditorController(this, {
    confirm: this.#confirm,
    onSaved: (message) => this.#saved('avatar', message),
  });
  readonly #password = new PasswordChangeController(this, {
    onChanged: (count) => this.#saved('password', this.t('profile.password.changed', { count })),
  });
  /** What the user typed in the details form and has not saved yet. */
  #draft: Partial<Record<DetailField, string>> = {};
  /** What the last save of the details did (a catalogue key), shown beside its button until the next edit. */
  #detailsNote: 'profile.details.saved' | 'profile.details.unchanged' | undefined;

  protected override render(): TemplateResult {
    const t = this.t.bind(this);
    return sectionFrame({
      title: t('profile.title'),
      intro: t('profile.intro'),
      body: storeView(t, this.#profile.state, (profile) => this.#renderProfile(profile), { onRetry: this.#profile.refresh }),
      dialog: this.#confirm.render(),
    });
  }

  #renderProfile(profile: Profile): TemplateResult {
    return html`
      ${this.#renderDetails(profile)} ${this.#avatar.render(profile)} ${this.#password.render(profile.email)}
    `;
  }

  #value(profile: Profile, name: DetailField): string {
    return this.#draft[name] ?? profile[name];
  }

  #renderDetails(profile: Profile): TemplateResult {
    const t = this.t.bind(this);
    const form = this.#form;
    const error = (path: DetailField) => localiseMessage(t, form.error(path), profileMessages);
    const edit = (name: DetailField) => (event: Event & { currentTarget: HTMLInputElement | HTMLSelectElement }) => {
      this.#draft = { ...this.#draft, [name]: event.currentTarget.value };
      this.#detailsNote = undefined;
      form.clear(name);
      this.requestUpdate();
    };
    const fieldProblem = detailFields.some((path) => form.error(path) !== undefined);
    return html`
      <section class="card" part="card" aria-labelledby="details-title">
        <form class="stack" part="form" novalidate aria-labelledby="details-title" @submit=${this.#saveDetails}>
          <h3 id="details-title" class="subtitle" part="title">${t('profile.details.title')}</h3>
          ${field({
            id: 'name',
            name: 'name',
            label: t('profile.details.name'),
            value: this.#value(profile, 'name'),
            autocomplete: 'name',
            required: true,
            error: error('name'),
            onInput: edit('name'),
          })}
          ${field({
            id: 'email',
            name: 'email',
            type: 'email',
            label: t('profile.details.email'),
            value: profile.email,
            autocomplete: 'email',
            readonly: true,
            dir: 'ltr',
            hint: t('profile.details.emailHint'),
          })}
          <div class="columns">
            ${selectField({
              id: 'locale',
              name: 'locale',
              label: t('profile.details.locale'),
              hint: t('profile.details.localeHint'),
              value: this.#value(profile, 'locale'),
              options: localeOptions(profile.locale),
              error: error('locale'),
              onChange: edit('locale'),
            })}
            ${selectField({
              id: 'time-zone',
              name: 'timeZone',
              label: t('profile.details.timeZone'),
              hint: t('profile.details.timeZoneHint'),
              value: this.#value(profile, 'timeZone'),
              options: timeZoneOptions(profile.timeZone),
              error: error('timeZone'),
              onChange: edit('timeZone'),
            })}
          </div>
          ${formErrorView(fieldProblem ? undefined : form.message)}
          <div class="row">${submitButton({ busy: form.submitting, label: t('common.saveChanges'), busyLabel: t('common.saving') })}${savedNote(this.#detailsNote && t(this.#detailsNote))}</div>
        </form>
      </section>
    `;
  }

  readonly #saveDetails = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const profile = this.#profile.state?.data;
    const client = this.settingsClient;
    const stores = this.stores;
    if (!profile || !client || !stores) return;
    const body: ProfileUpdate = {};
    for (const name of detailFields) {
      const value = this.#draft[name];
      if (value !== undefined && value !== profile[name]) body[name] = value;
    }
    if (Object.keys(body).length === 0) {
      this.#form.clear();
      this.#draft = {};
      this.#detailsNote = 'profile.details.unchanged';
      this.announce(this.t(this.#detailsNote));
      this.requestUpdate();
      return;
    }
    const valid = this.#form.check(client.validate(profileEndpoints.update, body));
    if (!valid) return;
    const result = await this.#form.submit(() => stores.mutate(profileEndpoints.update, { body: valid }, { invalidates: [meEndpoints.get] }));
    if (!result.ok) return;
    stores.resource(profileEndpoints.get).set(result.value);
    this.#draft = {};
    this.#detailsNote = 'profile.details.saved';
    this.#saved('profile', this.t(this.#detailsNote));
    this.requestUpdate();
  };

  #saved(resource: 'profile' | 'avatar' | 'password', message: string): void {
    this.announce(message);
    void this.emit(new BillingoneSavedEvent({ section: 'profile', resource }));
  }
}

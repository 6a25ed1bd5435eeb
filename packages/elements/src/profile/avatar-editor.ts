import { meEndpoints, profileEndpoints, type Profile } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { BillingoneElement } from '../base/billingone-element.js';
import type { ConfirmController } from '../controllers/confirm-controller.js';
import { focusAfterUpdate } from '../controllers/focus.js';
import { describeError, fieldErrorsOf, isAbort } from '../ui/errors.js';
import { resolveAssetUrl } from '../ui/asset-url.js';
import { avatarMaxBytes, avatarTypes, checkAvatarFile, cropToSquare, imageTypeName, initialsOf } from './avatar.js';

export interface AvatarEditorOptions {
  readonly confirm: ConfirmController;
  /** Called after the avatar was uploaded or removed, with the sentence to announce. */
  readonly onSaved: (message: string) => void;
}

/**
 * The avatar card of `<billingone-profile>`: the current photo (or initials), upload/replace with the
 * type and size checked and the image cropped square in the browser before anything is sent, and
 * remove after a confirmation.
 */
export class AvatarEditorController {
  readonly #host: BillingoneElement;
  readonly #options: AvatarEditorOptions;
  readonly #input = createRef<HTMLInputElement>();
  #error: string | undefined;
  #busy = false;

  constructor(host: BillingoneElement, options: AvatarEditorOptions) {
    this.#host = host;
    this.#options = options;
  }

  render(profile: Profile): TemplateResult {
    const host = this.#host;
    const t = host.t.bind(host);
    const localizer = host.localizer;
    const url = profile.avatarUrl ? resolveAssetUrl(profile.avatarUrl, host.settingsClient?.baseUrl) : undefined;
    const types = localizer.list(avatarTypes.map(imageTypeName), 'disjunction');
    const describedBy = this.#error ? 'avatar-hint avatar-error' : 'avatar-hint';
    return html`
      <section class="card stack" part="card" aria-labelledby="avatar-title">
        <h3 id="avatar-title" class="subtitle" part="title">${t('profile.avatar.title')}</h3>
        <div class="avatar-row">
          ${url
            ? html`<img class="avatar" src=${url} alt=${t('profile.avatar.alt')} width="96" height="96" />`
            : html`<span class="avatar avatar-initials" aria-hidden="true">${initialsOf(profile.name)}</span>`}
          <div class="stack-sm">
            ${url ? nothing : html`<p>${t('profile.avatar.none')}</p>`}
            <p class="hint" id="avatar-hint">${t('profile.avatar.hint', { types, size: localizer.fileSize(avatarMaxBytes) })}</p>
            <div class="row">
              <button
                type="button"
                class="button"
                part="button"
                data-action="upload-avatar"
                aria-describedby=${describedBy}
                ?disabled=${this.#busy}
                aria-busy=${this.#busy ? 'true' : 'false'}
                @click=${() => this.#input.value?.click()}
              >
                ${this.#busy ? t('profile.avatar.uploading') : url ? t('profile.avatar.replace') : t('profile.avatar.upload')}
              </button>
              ${url
                ? html`<button type="button" class="button button-ghost" part="button" data-action="remove-avatar" ?disabled=${this.#busy} @click=${this.#remove}>
                    ${t('profile.avatar.remove')}
                  </button>`
                : nothing}
            </div>
            <input
              ${ref(this.#input)}
              type="file"
              name="avatar"
              accept=${avatarTypes.join(',')}
              aria-label=${t('profile.avatar.upload')}
              hidden
              @change=${this.#onFile}
            />
            ${this.#error ? html`<div class="field-error" part="error" id="avatar-error" role="alert">${this.#error}</div>` : nothing}
          </div>
        </div>
      </section>
    `;
  }

  #problemMessage(file: Blob): string | undefined {
    const problem = checkAvatarFile(file);
    if (!problem) return undefined;
    const t = this.#host.t.bind(this.#host);
    const localizer = this.#host.localizer;
    const types = localizer.list(avatarTypes.map(imageTypeName), 'disjunction');
    switch (problem.kind) {
      case 'type':
        return problem.type ? t('profile.avatar.wrongType', { type: imageTypeName(problem.type), types }) : t('profile.avatar.unknownType', { types });
      case 'empty':
        return t('profile.avatar.empty');
      case 'size':
        return t('profile.avatar.tooBig', { size: localizer.fileSize(problem.size), max: localizer.fileSize(avatarMaxBytes) });
    }
  }

  #setError(message: string | undefined): void {
    this.#error = message;
    this.#host.requestUpdate();
  }

  readonly #onFile = async (event: Event & { currentTarget: HTMLInputElement }): Promise<void> => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const problem = this.#problemMessage(file);
    if (problem) {
      this.#setError(problem);
      return;
    }
    const host = this.#host;
    const client = host.settingsClient;
    const stores = host.stores;
    if (!client || !stores) return;
    this.#busy = true;
    this.#setError(undefined);
    try {
      let square: Blob;
      try {
        square = await cropToSquare(file);
      } catch {
        this.#setError(host.t('profile.avatar.unreadable'));
        return;
      }
      const { avatarUrl } = await client.upload(profileEndpoints.uploadAvatar, square);
      this.#apply(avatarUrl);
      this.#options.onSaved(host.t('profile.avatar.uploaded'));
    } catch (error) {
      if (!isAbort(error)) this.#setError(fieldErrorsOf(error)[0]?.message ?? describeError(error, host.t.bind(host)));
    } finally {
      this.#busy = false;
      host.requestUpdate();
      await focusAfterUpdate(host, '[data-action="upload-avatar"]');
    }
  };

  readonly #remove = async (): Promise<void> => {
    const host = this.#host;
    const t = host.t.bind(host);
    const stores = host.stores;
    if (!stores) return;
    const confirmed = await this.#options.confirm.ask({
      title: t('profile.avatar.removeTitle'),
      message: t('profile.avatar.removeBody'),
      confirmLabel: t('profile.avatar.remove'),
      danger: true,
    });
    if (!confirmed) return;
    this.#busy = true;
    this.#setError(undefined);
    try {
      await stores.mutate(profileEndpoints.removeAvatar);
      this.#apply(null);
      this.#options.onSaved(t('profile.avatar.removed'));
    } catch (error) {
      if (!isAbort(error)) this.#setError(describeError(error, t));
    } finally {
      this.#busy = false;
      host.requestUpdate();
      await focusAfterUpdate(host, '[data-action="upload-avatar"]');
    }
  };

  /** Shows the new avatar at once and lets other sections (the shell's `/me`) catch up. */
  #apply(avatarUrl: string | null): void {
    const stores = this.#host.stores;
    if (!stores) return;
    const store = stores.resource(profileEndpoints.get);
    const current = store.getState().data;
    if (current) store.set({ ...current, avatarUrl });
    stores.invalidate(meEndpoints.get);
  }
}

import { organizationEndpoints, type SlugAvailability } from '@billingone/settings-core';
import type { ReactiveController } from 'lit';
import type { BillingoneElement } from '../base/billingone-element.js';
import { isAbort } from '../ui/errors.js';

export type SlugStatus =
  | { readonly kind: 'idle' }
  /** Refused by the schema before asking the server; `message` is core's English message. */
  | { readonly kind: 'invalid'; readonly slug: string; readonly message: string }
  | { readonly kind: 'checking'; readonly slug: string }
  | { readonly kind: 'checked'; readonly slug: string; readonly availability: SlugAvailability }
  | { readonly kind: 'failed'; readonly slug: string };

/** Pause in typing before the availability of a slug is asked, in milliseconds. */
export const slugCheckDelay = 350;

/**
 * The live availability check of the URL slug: after a pause in typing, the slug is checked with the
 * endpoint's schema and then `GET /organization/slug-availability`; a newer keystroke cancels the
 * pending check and its request.
 */
export class SlugCheckController implements ReactiveController {
  /** What is known about the slug typed last. */
  status: SlugStatus = { kind: 'idle' };
  readonly #host: BillingoneElement;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #request: AbortController | undefined;

  constructor(host: BillingoneElement) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#cancel();
  }

  /** Checks `slug` after a pause; the organization's `current` slug (or an empty one) is not checked. */
  check(slug: string, current: string): void {
    this.#cancel();
    const value = slug.trim();
    const client = this.#host.settingsClient;
    if (value === '' || value === current || !client) return this.#set({ kind: 'idle' });
    const valid = client.validate(organizationEndpoints.update, { slug: value });
    if (!valid.ok) return this.#set({ kind: 'invalid', slug: value, message: valid.fieldErrors[0]?.message ?? '' });
    this.#set({ kind: 'checking', slug: value });
    this.#timer = setTimeout(() => void this.#ask(value), slugCheckDelay);
  }

  /** Forgets the last check (after a save, or when the slug is back to the saved one). */
  reset(): void {
    this.#cancel();
    this.#set({ kind: 'idle' });
  }

  async #ask(slug: string): Promise<void> {
    const client = this.#host.settingsClient;
    if (!client) return;
    const request = new AbortController();
    this.#request = request;
    try {
      const availability = await client.request(organizationEndpoints.slugAvailability, { query: { slug }, signal: request.signal });
      if (this.#request === request) this.#set({ kind: 'checked', slug, availability });
    } catch (error) {
      if (this.#request === request && !isAbort(error)) this.#set({ kind: 'failed', slug });
    } finally {
      if (this.#request === request) this.#request = undefined;
    }
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#request?.abort();
    this.#request = undefined;
  }

  #set(status: SlugStatus): void {
    this.status = status;
    this.#host.requestUpdate();
  }
}

import type { Provider } from '@billingone/settings-core';

export interface BillingoneOAuthRedirectDetail {
  /** The provider being connected. */
  readonly provider: Provider;
  /** The provider's consent page the browser is about to open. */
  readonly url: string;
}

/**
 * The page is about to leave for a provider's consent page (OAuth redirect). Cancelable: call
 * `preventDefault()` to navigate yourself (e.g. through the host router, or in a native shell) to
 * `detail.url`; the provider returns to the page with `code` and `state` in its URL.
 */
export class BillingoneOAuthRedirectEvent extends Event {
  static readonly eventName = 'billingone-oauth-redirect';
  readonly detail: BillingoneOAuthRedirectDetail;
  constructor(detail: BillingoneOAuthRedirectDetail) {
    super(BillingoneOAuthRedirectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'billingone-oauth-redirect': BillingoneOAuthRedirectEvent;
  }
}

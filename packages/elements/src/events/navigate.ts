export interface BillingoneNavigateDetail {
  /** The section the user chose (a built-in section name or a host page name). */
  readonly section: string;
}

/**
 * The user picked a section in the navigation of `<billingone-settings>`. Cancelable: call
 * `preventDefault()` to keep the shell where it is (e.g. when the host router takes over and sets
 * `section` itself).
 */
export class BillingoneNavigateEvent extends Event {
  static readonly eventName = 'billingone-navigate';
  readonly detail: BillingoneNavigateDetail;
  constructor(detail: BillingoneNavigateDetail) {
    super(BillingoneNavigateEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'billingone-navigate': BillingoneNavigateEvent;
  }
}

export interface BillingoneErrorDetail {
  /** The section where a user action failed. */
  readonly section: string;
  /** The error (core's `SettingsError` subclasses for API failures). */
  readonly error: Error;
}

/** A user action failed; the element shows the error too. Hosts can log or report it. */
export class BillingoneErrorEvent extends Event {
  static readonly eventName = 'billingone-error';
  readonly detail: BillingoneErrorDetail;
  constructor(detail: BillingoneErrorDetail) {
    super(BillingoneErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'billingone-error': BillingoneErrorEvent;
  }
}

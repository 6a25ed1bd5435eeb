export interface BillingoneSignedOutDetail {
  /** Why: the user signed out, or ended their own session from the sessions list. */
  readonly reason: 'sign-out' | 'session-ended';
}

/** The current session ended through a user action; the host should send the user to its sign-in page. */
export class BillingoneSignedOutEvent extends Event {
  static readonly eventName = 'billingone-signed-out';
  readonly detail: BillingoneSignedOutDetail;
  constructor(detail: BillingoneSignedOutDetail) {
    super(BillingoneSignedOutEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'billingone-signed-out': BillingoneSignedOutEvent;
  }
}

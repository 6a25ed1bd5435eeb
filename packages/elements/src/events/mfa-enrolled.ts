export interface BillingoneMfaEnrolledDetail {
  /** The factor the user enrolled. */
  readonly method: 'totp' | 'passkey';
}

/** The user enrolled a second factor (TOTP or a passkey); the MFA gate lifts after it. */
export class BillingoneMfaEnrolledEvent extends Event {
  static readonly eventName = 'billingone-mfa-enrolled';
  readonly detail: BillingoneMfaEnrolledDetail;
  constructor(detail: BillingoneMfaEnrolledDetail) {
    super(BillingoneMfaEnrolledEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'billingone-mfa-enrolled': BillingoneMfaEnrolledEvent;
  }
}

import { defineElement } from '../base/define.js';
import { BillingoneMfaEnrollment } from './mfa-enrollment.js';

defineElement('billingone-mfa-enrollment', BillingoneMfaEnrollment);

declare global {
  interface HTMLElementTagNameMap {
    'billingone-mfa-enrollment': BillingoneMfaEnrollment;
  }
}

export { BillingoneMfaEnrollment };

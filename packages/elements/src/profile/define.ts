import { defineElement } from '../base/define.js';
import { BillingoneProfile } from './profile.js';

defineElement('billingone-profile', BillingoneProfile);

declare global {
  interface HTMLElementTagNameMap {
    'billingone-profile': BillingoneProfile;
  }
}

export { BillingoneProfile };

import { defineElement } from '../base/define.js';
import { BillingoneSecurity } from './security.js';

defineElement('billingone-security', BillingoneSecurity);

declare global {
  interface HTMLElementTagNameMap {
    'billingone-security': BillingoneSecurity;
  }
}

export { BillingoneSecurity };

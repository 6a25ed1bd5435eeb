import { defineElement } from '../base/define.js';
import { BillingoneBranding } from './branding.js';

defineElement('billingone-branding', BillingoneBranding);

declare global {
  interface HTMLElementTagNameMap {
    'billingone-branding': BillingoneBranding;
  }
}

export { BillingoneBranding };

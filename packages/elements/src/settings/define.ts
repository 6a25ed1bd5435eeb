import { defineElement } from '../base/define.js';
import { BillingoneSettings } from './settings.js';

defineElement('billingone-settings', BillingoneSettings);

declare global {
  interface HTMLElementTagNameMap {
    'billingone-settings': BillingoneSettings;
  }
}

export { BillingoneSettings };

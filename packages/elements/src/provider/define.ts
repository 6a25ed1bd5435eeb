import { defineElement } from '../base/define.js';
import { BillingoneProvider } from './provider.js';

defineElement('billingone-provider', BillingoneProvider);

declare global {
  interface HTMLElementTagNameMap {
    'billingone-provider': BillingoneProvider;
  }
}

export { BillingoneProvider };

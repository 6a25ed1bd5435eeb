import { defineElement } from '../base/define.js';
import { BillingoneIntegrations } from './integrations.js';

defineElement('billingone-integrations', BillingoneIntegrations);

declare global {
  interface HTMLElementTagNameMap {
    'billingone-integrations': BillingoneIntegrations;
  }
}

export { BillingoneIntegrations };

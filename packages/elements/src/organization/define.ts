import { defineElement } from '../base/define.js';
import { BillingoneOrganization } from './organization.js';

defineElement('billingone-organization', BillingoneOrganization);

declare global {
  interface HTMLElementTagNameMap {
    'billingone-organization': BillingoneOrganization;
  }
}

export { BillingoneOrganization };

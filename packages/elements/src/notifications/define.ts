import { defineElement } from '../base/define.js';
import { BillingoneNotifications } from './notifications.js';

defineElement('billingone-notifications', BillingoneNotifications);

declare global {
  interface HTMLElementTagNameMap {
    'billingone-notifications': BillingoneNotifications;
  }
}

export { BillingoneNotifications };

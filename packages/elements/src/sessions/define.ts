import { defineElement } from '../base/define.js';
import { BillingoneSessions } from './sessions.js';

defineElement('billingone-sessions', BillingoneSessions);

declare global {
  interface HTMLElementTagNameMap {
    'billingone-sessions': BillingoneSessions;
  }
}

export { BillingoneSessions };

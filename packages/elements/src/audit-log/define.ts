import { defineElement } from '../base/define.js';
import { BillingoneAuditLog } from './audit-log.js';

defineElement('billingone-audit-log', BillingoneAuditLog);

declare global {
  interface HTMLElementTagNameMap {
    'billingone-audit-log': BillingoneAuditLog;
  }
}

export { BillingoneAuditLog };

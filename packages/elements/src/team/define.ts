import { defineElement } from '../base/define.js';
import { BillingoneTeam } from './team.js';

defineElement('billingone-team', BillingoneTeam);

declare global {
  interface HTMLElementTagNameMap {
    'billingone-team': BillingoneTeam;
  }
}

export { BillingoneTeam };

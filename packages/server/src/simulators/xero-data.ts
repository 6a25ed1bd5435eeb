import type { XeroInvoiceStatus, XeroInvoiceWire, XeroLineItemWire } from '../providers/xero-types.js';
import { MSP_CLIENTS } from './msp-clients.js';
import { createRandom, money, type Random } from './random.js';

export interface XeroTenant {
  tenantId: string;
  tenantName: string;
  currencyCode: string;
  invoices: XeroInvoiceWire[];
}

const DAY = 86_400_000;
/** Nothing in the seed is newer than this, so a test's clock can sit after it. */
export const XERO_SEED_LATEST = Date.UTC(2026, 10, 20, 17, 0, 0);

const UK_LINES: readonly (readonly [string, number])[] = [
  ['Microsoft 365 Business Premium', 22.0],
  ['Microsoft 365 Business Standard', 12.5],
  ['Exchange Online (Plan 1)', 4.0],
  ['Managed IT support - per user', 35.0],
  ['SentinelOne Singularity Complete', 8.5],
  ['Huntress Managed EDR', 4.5],
  ['Datto SaaS Protection', 3.0],
  ['Keeper Business', 4.0],
];

const AU_CLIENTS = [
  'Harbour Bridge Physio',
  'Koala Bookkeeping Pty Ltd',
  'Southern Cross Logistics',
  'Wattle Creek Vets',
  'Bondi Design Studio',
  'Swan River Mining Services',
];

/**
 * Two organisations for the simulated Xero user:
 * - "Acme MSP Ltd" (GBP): a monthly invoice for each of the 25 clients from January to October
 *   2026 (250 sales invoices) plus the MSP's monthly Pax8 bill (10 purchase invoices, ACCPAY).
 * - "Acme MSP (AU)" (AUD): 24 sales invoices for six Australian clients.
 */
export function createXeroTenants(seed = 0x8e60): XeroTenant[] {
  const random = createRandom(seed);
  const uk: XeroTenant = { tenantId: random.uuid(), tenantName: 'Acme MSP Ltd', currencyCode: 'GBP', invoices: [] };
  const au: XeroTenant = { tenantId: random.uuid(), tenantName: 'Acme MSP (AU)', currencyCode: 'AUD', invoices: [] };

  const ukContacts = MSP_CLIENTS.map((client) => ({ ContactID: random.uuid(), Name: client.xeroName }));
  const pax8Contact = { ContactID: random.uuid(), Name: 'Pax8 UK Ltd' };
  let number = 1;
  for (let month = 0; month < 10; month++) {
    for (const contact of ukContacts) {
      const lines = Array.from({ length: random.int(1, 3) }, () => {
        const [description, unit] = random.pick(UK_LINES);
        return lineItem(random, description, random.int(2, 45), unit, 0.2, 'OUTPUT2');
      });
      uk.invoices.push(
        invoice(random, {
          type: 'ACCREC',
          number: `INV-${String(number++).padStart(4, '0')}`,
          reference: `Managed services ${monthName(month)} 2026`,
          contact,
          issued: Date.UTC(2026, month, 1),
          termsDays: 14,
          lines,
          currency: 'GBP',
          ageMonths: 9 - month,
        }),
      );
    }
    uk.invoices.push(
      invoice(random, {
        type: 'ACCPAY',
        number: `P8-UK-2026${String(month + 1).padStart(2, '0')}`,
        reference: 'Pax8 monthly statement',
        contact: pax8Contact,
        issued: Date.UTC(2026, month, 5),
        termsDays: 30,
        lines: [lineItem(random, 'Pax8 cloud services', 1, money(3800 + random.int(0, 900) + random.next()), 0.2, 'INPUT2')],
        currency: 'GBP',
        ageMonths: 9 - month,
      }),
    );
  }

  const auContacts = AU_CLIENTS.map((name) => ({ ContactID: random.uuid(), Name: name }));
  let auNumber = 1;
  for (let month = 6; month < 10; month++) {
    for (const contact of auContacts) {
      const lines = [lineItem(random, 'Managed IT support - per user', random.int(3, 30), 55, 0.1, 'OUTPUT')];
      au.invoices.push(
        invoice(random, {
          type: 'ACCREC',
          number: `AU-${String(auNumber++).padStart(4, '0')}`,
          reference: `Support ${monthName(month)} 2026`,
          contact,
          issued: Date.UTC(2026, month, 1),
          termsDays: 30,
          lines,
          currency: 'AUD',
          ageMonths: 9 - month,
        }),
      );
    }
  }
  return [uk, au];
}

function monthName(month: number): string {
  return new Date(Date.UTC(2026, month, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
}

function lineItem(
  random: Random,
  description: string,
  quantity: number,
  unitAmount: number,
  taxRate: number,
  taxType: string,
): XeroLineItemWire {
  const lineAmount = money(quantity * unitAmount);
  return {
    LineItemID: random.uuid(),
    Description: description,
    Quantity: quantity,
    UnitAmount: unitAmount,
    AccountCode: taxType.startsWith('INPUT') ? '310' : '200',
    TaxType: taxType,
    TaxAmount: money(lineAmount * taxRate),
    LineAmount: lineAmount,
  };
}

interface InvoiceSeed {
  type: 'ACCREC' | 'ACCPAY';
  number: string;
  reference: string;
  contact: { ContactID: string; Name: string };
  issued: number;
  termsDays: number;
  lines: XeroLineItemWire[];
  currency: string;
  /** Months between the invoice and the newest month: older invoices are mostly paid. */
  ageMonths: number;
}

function invoice(random: Random, seed: InvoiceSeed): XeroInvoiceWire {
  const subTotal = money(seed.lines.reduce((sum, line) => sum + line.LineAmount, 0));
  const totalTax = money(seed.lines.reduce((sum, line) => sum + line.TaxAmount, 0));
  const total = money(subTotal + totalTax);
  const status = pickStatus(random, seed.ageMonths);
  const due = seed.issued + seed.termsDays * DAY;
  const created = seed.issued + random.int(8, 17) * 3_600_000 + random.int(0, 3_599_999);
  const settled = Math.min(XERO_SEED_LATEST, created + random.int(3, 40) * DAY + random.int(0, 86_399_999));
  const updated = status === 'PAID' || status === 'VOIDED' ? settled : created;
  const amountPaid = status === 'PAID' ? total : 0;
  return {
    Type: seed.type,
    InvoiceID: random.uuid(),
    InvoiceNumber: seed.number,
    Reference: seed.reference,
    Contact: seed.contact,
    Date: msDate(seed.issued),
    DateString: new Date(seed.issued).toISOString().slice(0, 19),
    DueDate: msDate(due),
    DueDateString: new Date(due).toISOString().slice(0, 19),
    Status: status,
    LineAmountTypes: 'Exclusive',
    LineItems: seed.lines,
    SubTotal: subTotal,
    TotalTax: totalTax,
    Total: total,
    AmountDue: status === 'PAID' || status === 'VOIDED' ? 0 : total,
    AmountPaid: amountPaid,
    AmountCredited: 0,
    CurrencyCode: seed.currency,
    CurrencyRate: 1,
    UpdatedDateUTC: msDate(updated),
    HasAttachments: false,
    IsDiscounted: false,
  };
}

function pickStatus(random: Random, ageMonths: number): XeroInvoiceStatus {
  const roll = random.next();
  if (ageMonths === 0) {
    if (roll < 0.1) return 'DRAFT';
    if (roll < 0.2) return 'SUBMITTED';
    return roll < 0.45 ? 'PAID' : 'AUTHORISED';
  }
  if (roll < 0.03) return 'VOIDED';
  if (ageMonths === 1) return roll < 0.75 ? 'PAID' : 'AUTHORISED';
  return roll < 0.95 ? 'PAID' : 'AUTHORISED';
}

/** Milliseconds → Xero's `/Date(ms+0000)/`. */
export function msDate(ms: number): string {
  return `/Date(${ms}+0000)/`;
}

/** Xero's `/Date(ms+zone)/` → milliseconds. */
export function msFromDate(value: string): number {
  const match = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(value);
  if (!match) throw new TypeError(`not a /Date()/ value: ${value}`);
  return Number(match[1]);
}

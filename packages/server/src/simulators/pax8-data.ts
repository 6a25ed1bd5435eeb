import type {
  Pax8BillingTerm,
  Pax8Company,
  Pax8Product,
  Pax8Subscription,
  Pax8SubscriptionStatus,
} from '../providers/pax8-types.js';
import { MSP_CLIENTS } from './msp-clients.js';
import { createRandom, money } from './random.js';

export interface Pax8Dataset {
  companies: Pax8Company[];
  products: Pax8Product[];
  subscriptions: Pax8Subscription[];
}

/** [name, vendor, vendor SKU, monthly list price per unit in GBP, requires commitment] */
const CATALOGUE: readonly (readonly [string, string, string, number, boolean])[] = [
  ['Microsoft 365 Business Basic', 'Microsoft', 'CFQ7TTC0LH18', 4.9, true],
  ['Microsoft 365 Business Standard', 'Microsoft', 'CFQ7TTC0LDPB', 10.3, true],
  ['Microsoft 365 Business Premium', 'Microsoft', 'CFQ7TTC0LCHC', 18.1, true],
  ['Microsoft 365 Apps for business', 'Microsoft', 'CFQ7TTC0LH1G', 8.6, true],
  ['Microsoft 365 E3', 'Microsoft', 'CFQ7TTC0LFLX', 33.0, true],
  ['Microsoft 365 E5', 'Microsoft', 'CFQ7TTC0LFLZ', 54.75, true],
  ['Office 365 E1', 'Microsoft', 'CFQ7TTC0LF8Q', 8.3, true],
  ['Office 365 E3', 'Microsoft', 'CFQ7TTC0LF8R', 19.2, true],
  ['Exchange Online (Plan 1)', 'Microsoft', 'CFQ7TTC0LH16', 3.3, true],
  ['Exchange Online (Plan 2)', 'Microsoft', 'CFQ7TTC0LH1P', 6.6, true],
  ['Microsoft Defender for Business', 'Microsoft', 'CFQ7TTC0LCHJ', 2.5, true],
  ['Microsoft Defender for Office 365 (Plan 1)', 'Microsoft', 'CFQ7TTC0LHSF', 1.7, true],
  ['Microsoft Entra ID P1', 'Microsoft', 'CFQ7TTC0LFK5', 5.0, true],
  ['Microsoft Entra ID P2', 'Microsoft', 'CFQ7TTC0LFKP', 7.5, true],
  ['Microsoft Intune Plan 1', 'Microsoft', 'CFQ7TTC0LCHC-INT', 6.6, true],
  ['Microsoft Teams Essentials', 'Microsoft', 'CFQ7TTC0RM8K', 3.3, true],
  ['Microsoft Teams Premium', 'Microsoft', 'CFQ7TTC0RM8L', 8.3, true],
  ['Power BI Pro', 'Microsoft', 'CFQ7TTC0L3PB', 11.5, true],
  ['Visio Plan 2', 'Microsoft', 'CFQ7TTC0HD33', 12.4, true],
  ['Project Plan 3', 'Microsoft', 'CFQ7TTC0HDN1', 24.7, true],
  ['Microsoft 365 Copilot', 'Microsoft', 'CFQ7TTC0MM8R', 24.7, true],
  ['Windows 365 Business 2 vCPU 8 GB 128 GB', 'Microsoft', 'CFQ7TTC0J203', 33.8, true],
  ['Azure plan', 'Microsoft', 'DZH318Z0BPS6', 0, false],
  ['Acronis Cyber Protect Cloud - Per Workload', 'Acronis', 'SPBAMSENS', 4.2, false],
  ['Acronis Cyber Protect Cloud - Microsoft 365 Seat', 'Acronis', 'SPBAM365S', 1.6, false],
  ['SentinelOne Singularity Core', 'SentinelOne', 'S1-CORE', 3.9, false],
  ['SentinelOne Singularity Control', 'SentinelOne', 'S1-CONTROL', 4.6, false],
  ['SentinelOne Singularity Complete', 'SentinelOne', 'S1-COMPLETE', 6.8, false],
  ['Huntress Managed EDR', 'Huntress', 'HUN-EDR', 3.4, false],
  ['Huntress Managed ITDR', 'Huntress', 'HUN-ITDR', 2.6, false],
  ['Datto SaaS Protection for Microsoft 365', 'Kaseya', 'DSP-M365', 2.3, true],
  ['Dropsuite Microsoft 365 Backup', 'Dropsuite', 'DS-M365-BKP', 1.9, false],
  ['Proofpoint Essentials Business', 'Proofpoint', 'PPE-BUS', 2.2, true],
  ['Keeper Business', 'Keeper Security', 'KPR-BUS', 3.2, true],
  ['Bitdefender GravityZone Business Security', 'Bitdefender', 'BD-GZBS', 2.0, false],
  ['Sophos Intercept X Advanced', 'Sophos', 'SOP-IXA', 2.9, true],
  ['Dropbox Business Standard', 'Dropbox', 'DBX-STD', 11.0, true],
  ['Adobe Acrobat Pro for teams', 'Adobe', 'ADB-ACRO-PRO', 16.4, true],
  ['NinjaOne Endpoint Management', 'NinjaOne', 'NJ-RMM', 2.8, false],
  ['Veeam Backup for Microsoft 365', 'Veeam', 'VBM365-SUB', 1.8, true],
];

const STREETS = ['High Street', 'Station Road', 'Church Lane', 'Mill Road', 'Victoria Street', 'Park Avenue'];
const SUBSCRIPTION_COUNT = 120;
const DAY = 86_400_000;

/**
 * The seeded Pax8 partner: 25 client companies, 40 products and 120 subscriptions. The same seed
 * gives the same data (IDs included) on every start.
 */
export function createPax8Dataset(seed = 0x9a58): Pax8Dataset {
  const random = createRandom(seed);
  const dataStart = Date.UTC(2023, 0, 2);
  const dataEnd = Date.UTC(2026, 10, 20);
  const isoDay = (ms: number) => new Date(Math.floor(ms / DAY) * DAY).toISOString();

  const companies: Pax8Company[] = MSP_CLIENTS.map((client, index) => {
    const slug = client.pax8Name.toLowerCase().replace(/[^a-z0-9]+/g, '');
    return {
      id: random.uuid(),
      name: client.pax8Name,
      address: {
        street: `${random.int(1, 240)} ${random.pick(STREETS)}`,
        city: client.city,
        stateOrProvince: '',
        postalCode: `${String.fromCharCode(65 + random.int(0, 25))}${random.int(1, 28)} ${random.int(1, 9)}${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}`,
        country: client.city === 'Edinburgh' || client.city === 'Glasgow' || client.city === 'Aviemore' ? 'GB-SCT' : 'GB',
      },
      phone: `+44 ${random.int(1130, 2099)} ${random.int(100000, 999999)}`,
      website: `https://www.${slug}.example`,
      externalId: index % 4 === 0 ? `CRM-${1000 + index}` : null,
      billOnBehalfOfEnabled: random.chance(0.3),
      selfServiceAllowed: random.chance(0.2),
      orderApprovalRequired: random.chance(0.4),
      // Two former clients stay in Pax8, as they do in real partner accounts.
      status: index === 9 || index === 17 ? 'Inactive' : 'Active',
      updatedDate: isoDay(dataStart + random.int(0, 1400) * DAY),
    };
  });

  const products: Pax8Product[] = CATALOGUE.map(([name, vendorName, vendorSku, , requiresCommitment], index) => ({
    id: random.uuid(),
    name,
    vendorName,
    shortDescription: `${name} from ${vendorName}.`,
    sku: `P8-${vendorName.slice(0, 3).toUpperCase()}-${String(1000 + index * 7)}`,
    vendorSku,
    altVendorSku: null,
    requiresCommitment,
  }));

  const listPrice = new Map(products.map((product, index) => [product.id, CATALOGUE[index]?.[3] ?? 0]));
  const subscriptions: Pax8Subscription[] = [];
  const activeCompanies = companies.filter((company) => company.status === 'Active');
  const formerCompanies = companies.filter((company) => company.status === 'Inactive');
  const activeTarget = SUBSCRIPTION_COUNT - formerCompanies.length;
  // Every active company gets a Microsoft 365 plan first, then the rest is spread at random.
  for (let round = 0; subscriptions.length < activeTarget; round++) {
    for (const company of activeCompanies) {
      if (subscriptions.length >= activeTarget) break;
      const product = round === 0 ? random.pick(products.slice(0, 4)) : random.pick(products);
      subscriptions.push(makeSubscription(company, product));
    }
  }
  // Former clients keep their cancelled subscription, as in real partner accounts.
  for (const company of formerCompanies) {
    subscriptions.push(makeSubscription(company, random.pick(products.slice(0, 4))));
  }

  return { companies, products, subscriptions };

  function makeSubscription(company: Pax8Company, product: Pax8Product): Pax8Subscription {
    const start = dataStart + random.int(0, 1350) * DAY;
    const status = company.status === 'Inactive' ? 'Cancelled' : pickStatus();
    const billingTerm: Pax8BillingTerm = product.requiresCommitment
      ? random.chance(0.7) ? 'Monthly' : 'Annual'
      : 'Monthly';
    const base = listPrice.get(product.id) ?? 0;
    const price = base === 0 ? money(random.int(40, 900) + random.next()) : money(base * (1 + random.int(5, 25) / 100));
    const updated = Math.min(dataEnd, start + random.int(0, 300) * DAY);
    return {
      id: random.uuid(),
      companyId: company.id,
      productId: product.id,
      quantity: base === 0 ? 1 : random.int(1, 60),
      startDate: isoDay(start),
      endDate: status === 'Cancelled' ? isoDay(updated) : null,
      createdDate: isoDay(start - random.int(0, 3) * DAY),
      updatedDate: isoDay(updated),
      billingStart: isoDay(start),
      status,
      price,
      partnerCost: money(base === 0 ? price * 0.92 : base * 0.85),
      currencyCode: 'GBP',
      billingTerm: status === 'Trial' ? 'Trial' : billingTerm,
    };
  }

  function pickStatus(): Pax8SubscriptionStatus {
    const roll = random.next();
    if (roll < 0.84) return 'Active';
    if (roll < 0.92) return 'Cancelled';
    if (roll < 0.95) return 'PendingManual';
    if (roll < 0.98) return 'Trial';
    return 'PendingCancel';
  }
}

/** The `audience` Pax8's token service expects for the Partner API. */
export const PAX8_API_AUDIENCE = 'https://api.pax8.com';

/** Pax8 refuses a larger `size` with a 400. */
export const PAX8_MAX_PAGE_SIZE = 200;

/**
 * The Pax8 records as the Pax8 API sends them (the fields BillingOne reads; the API sends more).
 * The simulator serves exactly these shapes and the client reads exactly these fields.
 */

export interface Pax8Address {
  street: string;
  city: string;
  stateOrProvince: string;
  postalCode: string;
  country: string;
}

export type Pax8CompanyStatus = 'Active' | 'Inactive' | 'Deleted';

export interface Pax8Company {
  id: string;
  name: string;
  address: Pax8Address;
  phone: string;
  website: string;
  externalId: string | null;
  billOnBehalfOfEnabled: boolean;
  selfServiceAllowed: boolean;
  orderApprovalRequired: boolean;
  status: Pax8CompanyStatus;
  updatedDate: string;
}

export interface Pax8Product {
  id: string;
  name: string;
  vendorName: string;
  shortDescription: string;
  sku: string;
  vendorSku: string;
  altVendorSku: string | null;
  requiresCommitment: boolean;
}

export type Pax8BillingTerm = 'Monthly' | 'Annual' | '2-Year' | '3-Year' | 'One-Time' | 'Trial';

export type Pax8SubscriptionStatus =
  | 'Active'
  | 'Cancelled'
  | 'PendingManual'
  | 'PendingAutomated'
  | 'PendingCancel'
  | 'WaitingForDetails'
  | 'Trial'
  | 'Converted'
  | 'PendingActivation'
  | 'Activated';

export interface Pax8Subscription {
  id: string;
  companyId: string;
  productId: string;
  quantity: number;
  startDate: string;
  endDate: string | null;
  createdDate: string;
  updatedDate: string;
  billingStart: string;
  status: Pax8SubscriptionStatus;
  price: number;
  partnerCost: number;
  currencyCode: string;
  billingTerm: Pax8BillingTerm;
}

/** The three lists the client pages through, by the path segment that serves them. */
export interface Pax8Records {
  companies: Pax8Company;
  products: Pax8Product;
  subscriptions: Pax8Subscription;
}

export type Pax8ListKind = keyof Pax8Records;

export const PAX8_LIST_KINDS: readonly Pax8ListKind[] = ['companies', 'products', 'subscriptions'];

/** Every Pax8 list answers with this envelope; `page.number` is 0-based. */
export interface Pax8Page<T> {
  content: T[];
  page: { size: number; totalElements: number; totalPages: number; number: number };
}

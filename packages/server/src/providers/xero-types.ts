/**
 * Xero shapes. The `…Wire` types are what Xero sends (PascalCase, `/Date(ms+zone)/` dates); the
 * simulator serves them and the client reads them. The other types are what the client returns:
 * camelCase with ISO 8601 dates.
 */

export type XeroInvoiceType = 'ACCREC' | 'ACCPAY';
export type XeroInvoiceStatus = 'DRAFT' | 'SUBMITTED' | 'AUTHORISED' | 'PAID' | 'VOIDED' | 'DELETED';

export interface XeroLineItemWire {
  LineItemID: string;
  Description: string;
  Quantity: number;
  UnitAmount: number;
  AccountCode: string;
  TaxType: string;
  TaxAmount: number;
  LineAmount: number;
}

export interface XeroInvoiceWire {
  Type: XeroInvoiceType;
  InvoiceID: string;
  InvoiceNumber: string;
  Reference: string;
  Contact: { ContactID: string; Name: string };
  /** `/Date(1767225600000+0000)/`: midnight UTC of the invoice date. */
  Date: string;
  DateString: string;
  DueDate: string;
  DueDateString: string;
  Status: XeroInvoiceStatus;
  LineAmountTypes: 'Exclusive' | 'Inclusive' | 'NoTax';
  /** Sent when the list is paged (`?page=`), left out otherwise. */
  LineItems?: XeroLineItemWire[];
  SubTotal: number;
  TotalTax: number;
  Total: number;
  AmountDue: number;
  AmountPaid: number;
  AmountCredited: number;
  CurrencyCode: string;
  CurrencyRate: number;
  /** `/Date(1767261845123+0000)/`: when the invoice last changed. */
  UpdatedDateUTC: string;
  HasAttachments: boolean;
  IsDiscounted: boolean;
}

export interface XeroConnectionWire {
  id: string;
  authEventId: string;
  tenantId: string;
  tenantType: 'ORGANISATION' | 'PRACTICEMANAGER' | 'PRACTICE';
  tenantName: string;
  /** UTC without a zone designator, e.g. `2026-11-24T09:00:00.1234567`. */
  createdDateUtc: string;
  updatedDateUtc: string;
}

export interface XeroTokenResponseWire {
  id_token?: string;
  access_token: string;
  expires_in: number;
  token_type: 'Bearer';
  refresh_token?: string;
  scope: string;
}

/** An invoice as the client returns it. */
export interface XeroInvoice {
  id: string;
  number: string;
  type: string;
  reference: string;
  contact: { id: string; name: string };
  /** `YYYY-MM-DD`. */
  date: string;
  /** `YYYY-MM-DD`, or null when the invoice has no due date (drafts). */
  dueDate: string | null;
  status: string;
  subTotal: number;
  totalTax: number;
  total: number;
  amountDue: number;
  amountPaid: number;
  currencyCode: string;
  /** ISO 8601 instant. */
  updatedAt: string;
}

export interface XeroConnection {
  id: string;
  tenantId: string;
  tenantType: string;
  tenantName: string;
  authEventId: string | undefined;
  /** ISO 8601 instants. */
  createdAt: string;
  updatedAt: string;
}

export interface XeroTokenSet {
  accessToken: string;
  /** Absent when `offline_access` was not granted. */
  refreshToken: string | undefined;
  idToken: string | undefined;
  tokenType: string;
  scopes: string[];
  /** ISO 8601 instant when the access token stops working. */
  expiresAt: string;
  /** The authentication event the access token belongs to (filters `GET /connections`). */
  authEventId: string | undefined;
}

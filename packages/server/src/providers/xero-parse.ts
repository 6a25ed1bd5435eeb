import { createReader } from './read.js';
import { parseXeroDate, parseXeroDay, parseXeroUtcTimestamp } from './xero-dates.js';
import type { XeroConnection, XeroInvoice, XeroTokenSet } from './xero-types.js';

const read = createReader('xero');

export function parseXeroTokenResponse(value: unknown, now: number): XeroTokenSet {
  const o = read.object(value, 'token response');
  const accessToken = read.string(o.access_token, 'token response.access_token');
  const expiresIn = read.number(o.expires_in, 'token response.expires_in');
  return {
    accessToken,
    refreshToken: read.optionalString(o.refresh_token, 'token response.refresh_token'),
    idToken: read.optionalString(o.id_token, 'token response.id_token'),
    tokenType: read.string(o.token_type, 'token response.token_type'),
    scopes: (read.optionalString(o.scope, 'token response.scope') ?? '').split(' ').filter(Boolean),
    expiresAt: new Date(now + expiresIn * 1000).toISOString(),
    authEventId: authEventIdOf(accessToken),
  };
}

/** Xero access tokens are JWTs; the `authentication_event_id` claim filters `/connections`. */
function authEventIdOf(accessToken: string): string | undefined {
  const payload = accessToken.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const id = (claims as Record<string, unknown> | null)?.authentication_event_id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

export function parseXeroConnections(value: unknown): XeroConnection[] {
  return read.array(value, 'connections').map((item, i) => {
    const path = `connections[${i}]`;
    const o = read.object(item, path);
    return {
      id: read.string(o.id, `${path}.id`),
      tenantId: read.string(o.tenantId, `${path}.tenantId`),
      tenantType: read.string(o.tenantType, `${path}.tenantType`),
      tenantName: read.optionalString(o.tenantName, `${path}.tenantName`) ?? '',
      authEventId: read.optionalString(o.authEventId, `${path}.authEventId`),
      createdAt: parseXeroUtcTimestamp(read.string(o.createdDateUtc, `${path}.createdDateUtc`)),
      updatedAt: parseXeroUtcTimestamp(read.string(o.updatedDateUtc, `${path}.updatedDateUtc`)),
    };
  });
}

export interface XeroInvoicePage {
  invoices: XeroInvoice[];
  /** From Xero's `pagination` block, when it sends one. */
  pageCount: number | undefined;
}

export function parseXeroInvoicePage(value: unknown): XeroInvoicePage {
  const body = read.object(value, 'Invoices response');
  const pagination = body.pagination === undefined ? undefined : read.object(body.pagination, 'pagination');
  const invoices = read.array(body.Invoices, 'Invoices').map((item, i) => {
    const path = `Invoices[${i}]`;
    const o = read.object(item, path);
    const contact = read.object(o.Contact, `${path}.Contact`);
    const dueDate = read.optionalString(o.DueDate, `${path}.DueDate`);
    return {
      id: read.string(o.InvoiceID, `${path}.InvoiceID`),
      number: read.optionalString(o.InvoiceNumber, `${path}.InvoiceNumber`) ?? '',
      type: read.string(o.Type, `${path}.Type`),
      reference: read.optionalString(o.Reference, `${path}.Reference`) ?? '',
      contact: {
        id: read.string(contact.ContactID, `${path}.Contact.ContactID`),
        name: read.optionalString(contact.Name, `${path}.Contact.Name`) ?? '',
      },
      date: parseXeroDay(read.string(o.Date, `${path}.Date`)),
      dueDate: dueDate === undefined ? null : parseXeroDay(dueDate),
      status: read.string(o.Status, `${path}.Status`),
      subTotal: read.number(o.SubTotal, `${path}.SubTotal`),
      totalTax: read.number(o.TotalTax, `${path}.TotalTax`),
      total: read.number(o.Total, `${path}.Total`),
      amountDue: read.number(o.AmountDue, `${path}.AmountDue`),
      amountPaid: read.number(o.AmountPaid, `${path}.AmountPaid`),
      currencyCode: read.string(o.CurrencyCode, `${path}.CurrencyCode`),
      updatedAt: parseXeroDate(read.string(o.UpdatedDateUTC, `${path}.UpdatedDateUTC`)),
    } satisfies XeroInvoice;
  });
  return {
    invoices,
    pageCount: pagination ? read.number(pagination.pageCount, 'pagination.pageCount') : undefined,
  };
}

import type { Pax8Company, Pax8Page, Pax8Product, Pax8Records, Pax8Subscription } from './pax8-types.js';
import { createReader } from './read.js';

const read = createReader('pax8');

function address(value: unknown, path: string): Pax8Company['address'] {
  const o = read.object(value ?? {}, path);
  const field = (key: string) => read.optionalString(o[key], `${path}.${key}`) ?? '';
  return {
    street: field('street'),
    city: field('city'),
    stateOrProvince: field('stateOrProvince'),
    postalCode: field('postalCode'),
    country: field('country'),
  };
}

function company(value: unknown, path: string): Pax8Company {
  const o = read.object(value, path);
  return {
    id: read.string(o.id, `${path}.id`),
    name: read.string(o.name, `${path}.name`),
    address: address(o.address, `${path}.address`),
    phone: read.optionalString(o.phone, `${path}.phone`) ?? '',
    website: read.optionalString(o.website, `${path}.website`) ?? '',
    externalId: read.optionalString(o.externalId, `${path}.externalId`) ?? null,
    billOnBehalfOfEnabled: o.billOnBehalfOfEnabled === true,
    selfServiceAllowed: o.selfServiceAllowed === true,
    orderApprovalRequired: o.orderApprovalRequired === true,
    status: read.string(o.status, `${path}.status`) as Pax8Company['status'],
    updatedDate: read.optionalString(o.updatedDate, `${path}.updatedDate`) ?? '',
  };
}

function product(value: unknown, path: string): Pax8Product {
  const o = read.object(value, path);
  return {
    id: read.string(o.id, `${path}.id`),
    name: read.string(o.name, `${path}.name`),
    vendorName: read.string(o.vendorName, `${path}.vendorName`),
    shortDescription: read.optionalString(o.shortDescription, `${path}.shortDescription`) ?? '',
    sku: read.optionalString(o.sku, `${path}.sku`) ?? '',
    vendorSku: read.optionalString(o.vendorSku, `${path}.vendorSku`) ?? '',
    altVendorSku: read.optionalString(o.altVendorSku, `${path}.altVendorSku`) ?? null,
    requiresCommitment: o.requiresCommitment === true,
  };
}

function subscription(value: unknown, path: string): Pax8Subscription {
  const o = read.object(value, path);
  return {
    id: read.string(o.id, `${path}.id`),
    companyId: read.string(o.companyId, `${path}.companyId`),
    productId: read.string(o.productId, `${path}.productId`),
    quantity: read.number(o.quantity, `${path}.quantity`),
    startDate: read.string(o.startDate, `${path}.startDate`),
    endDate: read.optionalString(o.endDate, `${path}.endDate`) ?? null,
    createdDate: read.optionalString(o.createdDate, `${path}.createdDate`) ?? '',
    updatedDate: read.optionalString(o.updatedDate, `${path}.updatedDate`) ?? '',
    billingStart: read.optionalString(o.billingStart, `${path}.billingStart`) ?? '',
    status: read.string(o.status, `${path}.status`) as Pax8Subscription['status'],
    price: read.number(o.price, `${path}.price`),
    partnerCost: typeof o.partnerCost === 'number' ? o.partnerCost : 0,
    currencyCode: read.optionalString(o.currencyCode, `${path}.currencyCode`) ?? '',
    billingTerm: read.string(o.billingTerm, `${path}.billingTerm`) as Pax8Subscription['billingTerm'],
  };
}

const parsers: { [K in keyof Pax8Records]: (value: unknown, path: string) => Pax8Records[K] } = {
  companies: company,
  products: product,
  subscriptions: subscription,
};

/** Reads one page of a Pax8 list; names the field when the shape is wrong. */
export function parsePax8Page<K extends keyof Pax8Records>(kind: K, value: unknown): Pax8Page<Pax8Records[K]> {
  const body = read.object(value, kind);
  const page = read.object(body.page, `${kind}.page`);
  const parse = parsers[kind];
  return {
    content: read.array(body.content, `${kind}.content`).map((item, i) => parse(item, `${kind}.content[${i}]`)),
    page: {
      size: read.number(page.size, `${kind}.page.size`),
      totalElements: read.number(page.totalElements, `${kind}.page.totalElements`),
      totalPages: read.number(page.totalPages, `${kind}.page.totalPages`),
      number: read.number(page.number, `${kind}.page.number`),
    },
  };
}

/** Reads the token service's answer. */
export function parsePax8Token(value: unknown): { accessToken: string; expiresIn: number; tokenType: string } {
  const o = read.object(value, 'token response');
  return {
    accessToken: read.string(o.access_token, 'token response.access_token'),
    expiresIn: read.number(o.expires_in, 'token response.expires_in'),
    tokenType: read.string(o.token_type, 'token response.token_type'),
  };
}

import { randomUUID } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { XeroInvoiceWire } from '../providers/xero-types.js';
import { bearerToken } from './common.js';
import { msDate, msFromDate, type XeroTenant } from './xero-data.js';
import type { Grant, XeroState } from './xero-state.js';
import { toXml } from './xero-xml.js';

export type XeroSimulatorEnv = { Variables: { grant: Grant; tenant: XeroTenant } };

/** Scopes that let an app read invoices (the broad scope and its 2026 granular successor). */
const INVOICE_SCOPES = ['accounting.transactions', 'accounting.transactions.read', 'accounting.invoices', 'accounting.invoices.read'];
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

/** api.xero.com: `/connections` and the Accounting API's Invoices. */
export function registerApiRoutes(app: Hono<XeroSimulatorEnv>, state: XeroState): void {
  app.use('/connections', authenticate(state));
  app.use('/connections/:id', authenticate(state));
  app.use('/api.xro/2.0/*', authenticate(state), organisationGate(state));

  app.get('/connections', (c) => {
    const authEventId = c.req.query('authEventId');
    const list = state.connectionsFor(c.get('grant')).filter((conn) => !authEventId || conn.authEventId === authEventId);
    return c.json(list);
  });

  app.delete('/connections/:id', (c) => {
    if (!state.deleteConnection(c.get('grant'), c.req.param('id'))) return problem(c, 404, 'Not Found', 'Connection not found');
    return c.body(null, 204);
  });

  app.get('/api.xro/2.0/Invoices', (c) => {
    const query = new URL(c.req.url).searchParams;
    const pageText = query.get('page');
    const sizeText = query.get('pageSize');
    if (pageText !== null && !/^[1-9]\d*$/.test(pageText)) return validation(c, `page must be a whole number of at least 1, got "${pageText}"`);
    if (sizeText !== null && (!/^[1-9]\d*$/.test(sizeText) || Number(sizeText) > MAX_PAGE_SIZE)) {
      return validation(c, `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}, got "${sizeText}"`);
    }
    const since = parseModifiedSince(c.req.header('if-modified-since'));
    const matching = c
      .get('tenant')
      .invoices.filter((invoice) => since === undefined || msFromDate(invoice.UpdatedDateUTC) > since)
      .sort((a, b) => msFromDate(a.UpdatedDateUTC) - msFromDate(b.UpdatedDateUTC) || a.InvoiceID.localeCompare(b.InvoiceID));

    let invoices: XeroInvoiceWire[];
    let pagination: { page: number; pageSize: number; pageCount: number; itemCount: number } | undefined;
    if (pageText === null) {
      // Without paging Xero sends every match but leaves the line items out.
      invoices = matching.map(({ LineItems: _omitted, ...summary }) => summary);
    } else {
      const page = Number(pageText);
      const pageSize = sizeText === null ? DEFAULT_PAGE_SIZE : Number(sizeText);
      invoices = matching.slice((page - 1) * pageSize, page * pageSize);
      pagination = { page, pageSize, pageCount: Math.ceil(matching.length / pageSize), itemCount: matching.length };
    }
    const body = {
      Id: randomUUID(),
      Status: 'OK',
      ProviderName: state.clients.get(c.get('grant').clientId)?.name ?? c.get('grant').clientId,
      DateTimeUTC: msDate(state.now()),
      ...(pagination ? { pagination } : {}),
      Invoices: invoices,
    };
    if (!(c.req.header('accept') ?? '').includes('application/json')) {
      return c.body(`<?xml version="1.0" encoding="utf-8"?>${toXml('Response', body)}`, 200, {
        'content-type': 'text/xml; charset=utf-8',
      });
    }
    return c.json(body);
  });
}

function authenticate(state: XeroState) {
  return async (c: Context<XeroSimulatorEnv>, next: () => Promise<void>) => {
    const result = state.authenticate(bearerToken(c.req.header('authorization')));
    if ('problem' in result) {
      const detail =
        result.problem === 'expired'
          ? `TokenExpired: token expired at ${new Date(result.expiredAt ?? 0).toUTCString()}`
          : 'AuthenticationUnsuccessful';
      c.header('WWW-Authenticate', `Bearer error="invalid_token"`);
      return problem(c, 401, 'Unauthorized', detail);
    }
    c.set('grant', result.grant);
    await next();
  };
}

/** The organisation header, scopes and per-organisation rate limits of the Accounting API. */
function organisationGate(state: XeroState) {
  return async (c: Context<XeroSimulatorEnv>, next: () => Promise<void>) => {
    const grant = c.get('grant');
    if (!grant.scopes.some((s) => INVOICE_SCOPES.includes(s))) return problem(c, 401, 'Unauthorized', 'AuthorizationUnsuccessful');
    const tenantId = c.req.header('xero-tenant-id');
    const connected = state.connectionsFor(grant).some((conn) => conn.tenantId === tenantId);
    const tenant = state.tenants.find((t) => t.tenantId === tenantId);
    if (!tenantId || !connected || !tenant) return problem(c, 403, 'Forbidden', 'AuthenticationUnsuccessful');
    const admitted = state.admitTenantCall(tenantId);
    if (!admitted.ok) {
      c.header('Retry-After', String(admitted.retryAfterSeconds));
      c.header('X-Rate-Limit-Problem', admitted.problem);
      return problem(c, 429, 'Too Many Requests', 'Rate limit exceeded');
    }
    c.header('X-MinLimit-Remaining', String(admitted.minuteRemaining));
    c.header('X-DayLimit-Remaining', String(admitted.dayRemaining));
    c.header('X-AppMinLimit-Remaining', '9999');
    c.set('tenant', tenant);
    await next();
  };
}

/** `If-Modified-Since` as Xero takes it: UTC `yyyy-mm-ddThh:mm:ss` (no zone), or any HTTP/ISO date. */
function parseModifiedSince(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(text) ? Date.parse(`${text}Z`) : Date.parse(text);
  // RFC 9110: an invalid date is ignored, not an error.
  return Number.isNaN(ms) ? undefined : ms;
}

function problem(c: Context<XeroSimulatorEnv>, status: 401 | 403 | 404 | 429, title: string, detail: string) {
  c.header('Xero-Correlation-Id', randomUUID());
  return c.json({ Type: null, Title: title, Status: status, Detail: detail, Instance: randomUUID(), Extensions: {} }, status);
}

function validation(c: Context<XeroSimulatorEnv>, message: string) {
  return c.json({ ErrorNumber: 16, Type: 'QueryParseException', Message: message }, 400);
}

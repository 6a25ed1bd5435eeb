import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allEndpoints, type EndpointId } from './endpoints.js';
import { buildOpenApiDocument, endpointSummaries, type OpenApiOperation, type OpenApiParameter, type OpenApiPathItem, type OpenApiRef, type OpenApiResponse } from './openapi.js';

const document = buildOpenApiDocument();
const committedPath = new URL('../openapi.json', import.meta.url);

function operationOf(method: string, path: string): OpenApiOperation {
  const operation = document.paths[path]?.[method.toLowerCase() as keyof OpenApiPathItem];
  if (!operation) throw new Error(`${method} ${path} is missing from the document`);
  return operation;
}

function resolve<T>(node: T | OpenApiRef): T {
  if (node && typeof node === 'object' && '$ref' in node) {
    const target = node.$ref.replace(/^#\//, '').split('/').reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], document);
    if (target === undefined) throw new Error(`Unresolved reference ${node.$ref}`);
    return target as T;
  }
  return node as T;
}

function parametersOf(operation: OpenApiOperation): OpenApiParameter[] {
  return (operation.parameters ?? []).map((parameter) => resolve<OpenApiParameter>(parameter));
}

function collectRefs(node: unknown, refs: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) collectRefs(item, refs);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') refs.push(value);
      else collectRefs(value, refs);
    }
  }
  return refs;
}

describe('openapi.json', () => {
  it('matches the document built from the schemas', () => {
    const committed = JSON.parse(readFileSync(committedPath, 'utf8')) as unknown;
    expect(committed, 'openapi.json is out of date: run `pnpm --filter @billingone/settings-core openapi`').toEqual(JSON.parse(JSON.stringify(document)));
  });
});

describe('buildOpenApiDocument', () => {
  it('is an OpenAPI 3.1 document served below /v1', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.title).toMatch(/BillingOne/);
    expect(document.servers).toEqual([{ url: '/v1' }]);
  });

  it('has an operation for every endpoint, named by its id, and nothing else', () => {
    for (const e of allEndpoints) {
      const operation = operationOf(e.method, e.path);
      expect(operation.operationId).toBe(e.id);
      expect(operation.summary).toBe(endpointSummaries[e.id as EndpointId]);
      expect(operation.tags).toEqual([e.tag]);
      expect(operation['x-billingone-permission']).toBe(e.access);
    }
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    expect(operations).toHaveLength(allEndpoints.length);
    expect(document.tags.map((tag) => tag.name).sort()).toEqual([...new Set(allEndpoints.map((e) => e.tag))].sort());
  });

  it('declares every path parameter as required', () => {
    for (const e of allEndpoints) {
      const names = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = parametersOf(operationOf(e.method, e.path)).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name), e.id).toEqual(names);
      for (const p of declared) expect(p.required, `${e.id} ${p.name}`).toBe(true);
    }
    const provider = parametersOf(operationOf('POST', '/integrations/{provider}/sync')).find((p) => p.name === 'provider');
    expect(provider?.schema).toEqual({ type: 'string', enum: ['pax8', 'xero'] });
  });

  it('spreads query schemas into query parameters, as the server accepts them', () => {
    const members = parametersOf(operationOf('GET', '/members')).filter((p) => p.in === 'query');
    expect(members.map((p) => p.name)).toEqual(['cursor', 'limit', 'q', 'role']);
    expect(members.find((p) => p.name === 'limit')).toMatchObject({ required: false, schema: { type: 'integer', minimum: 1, maximum: 200 } });
    const slug = parametersOf(operationOf('GET', '/organization/slug-availability')).find((p) => p.name === 'slug');
    expect(slug?.required).toBe(true);
    const audit = parametersOf(operationOf('GET', '/audit-logs')).map((p) => p.name);
    expect(audit).toEqual(expect.arrayContaining(['actorId', 'action', 'from', 'to', 'q', 'cursor', 'limit']));
  });

  it('describes JSON bodies, binary uploads and their absence', () => {
    const password = operationOf('POST', '/profile/password').requestBody;
    expect(password?.required).toBe(true);
    expect(password?.content['application/json']?.schema).toMatchObject({ type: 'object', required: ['currentPassword', 'newPassword'] });
    const avatar = operationOf('PUT', '/profile/avatar').requestBody;
    expect(Object.keys(avatar?.content ?? {})).toEqual(['image/png', 'image/jpeg', 'image/webp']);
    expect(avatar?.content['image/png']?.schema).toMatchObject({ type: 'string', format: 'binary' });
    expect(Object.keys(operationOf('PUT', '/branding/logo').requestBody?.content ?? {})).toContain('image/svg+xml');
    expect(operationOf('GET', '/me').requestBody).toBeUndefined();
    expect(operationOf('POST', '/auth/sign-out').requestBody).toBeUndefined();
  });

  it('answers 200, 201 or 204 with the response schema', () => {
    for (const e of allEndpoints) {
      const responses = operationOf(e.method, e.path).responses;
      const success = Object.keys(responses).filter((status) => status.startsWith('2'));
      const expected = e.produces ? '200' : !e.response ? '204' : e.creates ? '201' : '200';
      expect(success, e.id).toEqual([expected]);
      const body = resolve<OpenApiResponse>(responses[expected]!);
      if (expected === '204') expect(body.content, e.id).toBeUndefined();
      else expect(Object.keys(body.content ?? {}), e.id).toEqual([e.produces ?? 'application/json']);
    }
    const me = resolve<OpenApiResponse>(operationOf('GET', '/me').responses['200']!);
    expect(me.content?.['application/json']?.schema).toMatchObject({ type: 'object', required: expect.arrayContaining(['member', 'organization', 'role', 'permissions', 'mfa']) });
    const pax8Test = resolve<OpenApiResponse>(operationOf('POST', '/integrations/pax8/test').responses['200']!);
    expect((pax8Test.content?.['application/json']?.schema as { oneOf?: unknown[] }).oneOf).toHaveLength(2);
    expect(Object.keys(resolve<OpenApiResponse>(operationOf('GET', '/audit-logs/export').responses['200']!).content ?? {})).toEqual(['text/csv']);
  });

  it('carries ETag on singletons, If-Match and 412 on their writes', () => {
    for (const e of allEndpoints) {
      const operation = operationOf(e.method, e.path);
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'))![1] as OpenApiResponse;
      const ifMatch = parametersOf(operation).find((p) => p.name === 'If-Match');
      const write = e.etag && e.method !== 'GET';
      expect(Boolean(success.headers?.ETag), e.id).toBe(Boolean(e.etag));
      expect(ifMatch?.required, e.id).toBe(write ? true : undefined);
      expect(ifMatch?.in, e.id).toBe(write ? 'header' : undefined);
      expect('412' in operation.responses, e.id).toBe(Boolean(write));
    }
  });

  it('answers errors as problem details referencing components.schemas.Problem', () => {
    expect(document.components.schemas.Problem).toMatchObject({ type: 'object', required: ['type', 'title', 'status', 'code'] });
    for (const e of allEndpoints) {
      const { responses } = operationOf(e.method, e.path);
      for (const status of ['400', '401', '403', '404', '409', '422', '429']) {
        const response = resolve<OpenApiResponse>(responses[status]!);
        expect(response.content, `${e.id} ${status}`).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
      }
    }
    expect(resolve<OpenApiResponse>(operationOf('GET', '/me').responses['429']!).headers?.['Retry-After']).toBeDefined();
  });

  it('sends an Idempotency-Key on creating requests only, and says when an answer is a replay', () => {
    for (const e of allEndpoints) {
      const key = parametersOf(operationOf(e.method, e.path)).find((p) => p.name === 'Idempotency-Key');
      expect(Boolean(key), e.id).toBe(Boolean(e.creates));
      const success = Object.entries(operationOf(e.method, e.path).responses).find(([status]) => status.startsWith('2'))![1] as OpenApiResponse;
      expect(Boolean(success.headers?.['Idempotent-Replayed']), e.id).toBe(Boolean(e.creates && !e.etag));
    }
  });

  it('secures operations by cookie session (+ CSRF on writes), embed token or API key', () => {
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['apiKey', 'csrf', 'embedToken', 'session']);
    expect(document.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie' });
    expect(document.components.securitySchemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    expect(document.components.securitySchemes.embedToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(operationOf('POST', '/embed-tokens').security).toEqual([{ apiKey: [] }]);
    expect(operationOf('POST', '/auth/sign-in').security).toEqual([]);
    expect(operationOf('GET', '/members').security).toEqual([{ session: [] }, { embedToken: [] }]);
    expect(operationOf('PATCH', '/members/{id}').security).toEqual([{ session: [], csrf: [] }, { embedToken: [] }]);
  });

  it('marks operations open at the MFA gate and those needing recent re-authentication', () => {
    expect(operationOf('GET', '/me')['x-billingone-mfa-gate']).toBe(true);
    expect(operationOf('GET', '/members')['x-billingone-mfa-gate']).toBeUndefined();
    expect(operationOf('GET', '/security/recovery-codes')['x-billingone-recent-auth']).toBe(true);
  });

  it('keeps JSON Schema 2020-12 inside: every $ref resolves, no $schema or 3.0 nullable', () => {
    for (const ref of collectRefs(document)) expect(() => resolve({ $ref: ref }), ref).not.toThrow();
    const text = JSON.stringify(document);
    expect(text).not.toContain('"$schema"');
    expect(text).not.toContain('"nullable":');
    const member = resolve<OpenApiResponse>(operationOf('GET', '/members/{id}').responses['200']!).content?.['application/json']?.schema;
    expect(member).toMatchObject({ properties: { lastActiveAt: { anyOf: [{ $ref: '#/components/schemas/Timestamp' }, { type: 'null' }] } } });
  });

  it('refuses an endpoint without a summary', () => {
    const [first] = allEndpoints;
    expect(() => buildOpenApiDocument([{ ...first!, id: 'members.unknown' }])).toThrow(/members\.unknown has no summary/);
  });

  it('refuses two endpoints on the same route', () => {
    const [first] = allEndpoints;
    expect(() => buildOpenApiDocument([first!, { ...first!, id: 'copy' }])).toThrow(/Two endpoints/);
  });
});

import * as z from 'zod/mini';
import type { Access, Endpoint } from './endpoint.js';
import { endpointSummaries } from './endpoint-summaries.js';
import { allEndpoints, type EndpointId } from './endpoints.js';
import { Email, HexColor, Id, Locale, Problem, RoleSchema, Timestamp, TimeZone } from './schemas/common.js';

export { endpointSummaries };

/**
 * The OpenAPI 3.1 document of the Settings API, generated from the endpoint table and its zod schemas
 * (JSON Schema 2020-12 inside). The reference server serves it at `/v1/openapi.json`; the package ships
 * the same document as `@billingone/settings-core/openapi.json`.
 *
 * Decisions written down here:
 * - Request bodies and query strings are described as the server accepts them (`io: 'input'`, so a query
 *   `limit` is an integer the server coerces from the string); responses as the server sends them.
 * - A creating POST (`creates`) answers 201 and takes an optional `Idempotency-Key`; an endpoint without a
 *   response schema answers 204.
 * - Cookie sessions send the CSRF token header on every write; reads need only the cookie.
 * - Every error is `application/problem+json` (the `Problem` schema); etag writes add 412.
 */

export type OpenApiSchemaObject = { [keyword: string]: unknown };

export interface OpenApiRef {
  $ref: string;
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: OpenApiSchemaObject;
}

export interface OpenApiMediaType {
  schema: OpenApiSchemaObject;
}

export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; required?: boolean; schema: OpenApiSchemaObject }>;
  content?: Record<string, OpenApiMediaType>;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  tags: string[];
  security: Array<Record<string, string[]>>;
  parameters?: Array<OpenApiParameter | OpenApiRef>;
  requestBody?: { required: boolean; description?: string; content: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse | OpenApiRef>;
  'x-billingone-permission': Access;
  'x-billingone-mfa-gate'?: boolean;
  'x-billingone-recent-auth'?: boolean;
}

export type OpenApiPathItem = Partial<Record<'get' | 'post' | 'put' | 'patch' | 'delete', OpenApiOperation>>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string; description?: string }>;
  tags: Array<{ name: string }>;
  paths: Record<string, OpenApiPathItem>;
  components: {
    schemas: Record<string, OpenApiSchemaObject>;
    responses: Record<string, OpenApiResponse>;
    parameters: Record<string, OpenApiParameter>;
    securitySchemes: Record<string, OpenApiSchemaObject>;
  };
}

/** Name of the session cookie and of the CSRF header of same-site hosts. */
const sessionCookie = 'billingone_session';
const csrfHeader = 'X-CSRF-Token';

const problemRef = { $ref: '#/components/schemas/Problem' };
const problemContent = { 'application/problem+json': { schema: problemRef } };

/** The error answers every operation may give, by status. */
const sharedErrors: ReadonlyArray<[status: string, name: string, description: string]> = [
  ['400', 'BadRequest', 'The request could not be read (malformed JSON or query string).'],
  ['401', 'Unauthorized', 'Not signed in, or the session or embed token has expired.'],
  ['403', 'Forbidden', 'The role lacks the permission, the CSRF token is missing, recent re-authentication is needed, or MFA enrolment is pending.'],
  ['404', 'NotFound', 'No such resource in this organization.'],
  ['409', 'Conflict', 'The change conflicts with the current state (for example the slug is taken or a team rule refuses it).'],
  ['422', 'UnprocessableContent', 'Validation failed; `fieldErrors` names each field.'],
  ['429', 'TooManyRequests', 'Too many requests; retry after `Retry-After` seconds.'],
  ['503', 'ServiceUnavailable', 'The server is busy; retry after `Retry-After` seconds.'],
];
const preconditionFailed: [string, string, string] = ['412', 'PreconditionFailed', 'The `If-Match` version is stale: reload and apply the change again.'];

/**
 * Small schemas used all over the contract, kept once in `components.schemas` and referenced by `$ref`
 * (their input and output forms are the same). Everything else is inlined where it is used.
 */
const sharedSchemas: ReadonlyArray<[name: string, schema: z.ZodMiniType]> = [
  ['Id', Id], ['Timestamp', Timestamp], ['Email', Email], ['Role', RoleSchema], ['HexColor', HexColor], ['Locale', Locale], ['TimeZone', TimeZone],
];
const sharedNames = new Map<unknown, string>(sharedSchemas.map(([name, schema]) => [schema, name]));

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): OpenApiSchemaObject {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    override: ({ zodSchema, jsonSchema: node }) => {
      const name = sharedNames.get(zodSchema);
      if (!name || (zodSchema as unknown) === schema) return;
      for (const keyword of Object.keys(node)) delete (node as Record<string, unknown>)[keyword];
      (node as Record<string, unknown>).$ref = `#/components/schemas/${name}`;
    },
  }) as OpenApiSchemaObject;
  const { $schema: _dialect, ...rest } = generated;
  return rest;
}

function objectProperties(schema: z.ZodMiniType, endpointId: string, part: string): { properties: Record<string, OpenApiSchemaObject>; required: string[] } {
  const json = jsonSchema(schema, 'input');
  if (json.type !== 'object' || typeof json.properties !== 'object') {
    throw new TypeError(`The ${part} schema of ${endpointId} must be an object of named fields.`);
  }
  return { properties: json.properties as Record<string, OpenApiSchemaObject>, required: (json.required as string[] | undefined) ?? [] };
}

function summaryOf(e: Endpoint): string {
  const summary = Object.hasOwn(endpointSummaries, e.id) ? endpointSummaries[e.id as EndpointId] : '';
  if (!summary.trim()) throw new TypeError(`${e.id} has no summary: add one to endpoint-summaries.ts.`);
  return summary;
}

function parametersOf(e: Endpoint): Array<OpenApiParameter | OpenApiRef> {
  const parameters: Array<OpenApiParameter | OpenApiRef> = [];
  if (e.params) {
    for (const [name, schema] of Object.entries(objectProperties(e.params, e.id, 'path').properties)) {
      parameters.push({ name, in: 'path', required: true, schema });
    }
  }
  if (e.query) {
    const { properties, required } = objectProperties(e.query, e.id, 'query');
    for (const [name, schema] of Object.entries(properties)) {
      parameters.push({ name, in: 'query', required: required.includes(name), schema });
    }
  }
  if (e.etag && e.method !== 'GET') parameters.push({ $ref: '#/components/parameters/IfMatch' });
  if (e.creates) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  return parameters;
}

function requestBodyOf(e: Endpoint): OpenApiOperation['requestBody'] {
  if (e.upload) {
    const content = Object.fromEntries(e.upload.types.map((type) => [type, { schema: { type: 'string', format: 'binary', contentMediaType: type } }]));
    return { required: true, description: `The raw file, at most ${e.upload.maxBytes} bytes.`, content };
  }
  if (e.body) return { required: true, content: { 'application/json': { schema: jsonSchema(e.body, 'input') } } };
  return undefined;
}

function successOf(e: Endpoint): [string, OpenApiResponse] {
  let headers: OpenApiResponse['headers'];
  if (e.etag) headers = { ETag: { description: 'Version of the resource; send it back as `If-Match` to change it.', required: true, schema: { type: 'string' } } };
  else if (e.creates) {
    headers = { 'Idempotent-Replayed': { description: '`true` when this answer is the one recorded for an earlier request with the same Idempotency-Key.', schema: { type: 'string', enum: ['true'] } } };
  }
  if (e.produces) return ['200', { description: summaryOf(e), content: { [e.produces]: { schema: { type: 'string' } } } }];
  if (!e.response) return ['204', { description: 'Done; no content.', ...(headers && { headers }) }];
  return [e.creates ? '201' : '200', {
    description: e.creates ? 'Created.' : 'OK.',
    ...(headers && { headers }),
    content: { 'application/json': { schema: jsonSchema(e.response, 'output') } },
  }];
}

function securityOf(e: Endpoint): Array<Record<string, string[]>> {
  if (e.access === 'public') return [];
  if (e.access === 'api-key') return [{ apiKey: [] }];
  const session: Record<string, string[]> = e.method === 'GET' ? { session: [] } : { session: [], csrf: [] };
  return [session, { embedToken: [] }];
}

function operationOf(e: Endpoint): OpenApiOperation {
  const parameters = parametersOf(e);
  const requestBody = requestBodyOf(e);
  const [status, success] = successOf(e);
  const errors = e.etag && e.method !== 'GET' ? [...sharedErrors, preconditionFailed] : sharedErrors;
  const responses: OpenApiOperation['responses'] = { [status]: success };
  for (const [code, name] of [...errors].sort(([a], [b]) => a.localeCompare(b))) responses[code] = { $ref: `#/components/responses/${name}` };
  return {
    operationId: e.id,
    summary: summaryOf(e),
    tags: [e.tag],
    security: securityOf(e),
    ...(parameters.length > 0 && { parameters }),
    ...(requestBody && { requestBody }),
    responses,
    'x-billingone-permission': e.access,
    ...(e.mfaGate === 'allowed' && { 'x-billingone-mfa-gate': true }),
    ...(e.recentAuth && { 'x-billingone-recent-auth': true }),
  };
}

function errorResponse(description: string, status: string): OpenApiResponse {
  if (status !== '429' && status !== '503') return { description, content: problemContent };
  return {
    description,
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 0 } } },
    content: problemContent,
  };
}

/** Builds the OpenAPI 3.1 document from `allEndpoints` (or the endpoints given). */
export function buildOpenApiDocument(endpoints: readonly Endpoint[] = allEndpoints): OpenApiDocument {
  const paths: Record<string, OpenApiPathItem> = {};
  const tags: string[] = [];
  for (const e of endpoints) {
    const item = (paths[e.path] ??= {});
    const method = e.method.toLowerCase() as keyof OpenApiPathItem;
    if (item[method]) throw new Error(`Two endpoints for ${e.method} ${e.path}: ${item[method].operationId} and ${e.id}.`);
    item[method] = operationOf(e);
    if (!tags.includes(e.tag)) tags.push(e.tag);
  }
  const responses = Object.fromEntries(
    [...sharedErrors, preconditionFailed].map(([status, name, description]) => [name, errorResponse(description, status)]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'BillingOne Settings API',
      version: '1.0.0',
      description: 'Profile, security, sessions, organization, branding, team, integrations, notifications and audit log of a BillingOne organization. Errors are RFC 9457 problem details; lists use cursor paging; singletons carry an ETag and writes need If-Match.',
    },
    servers: [{ url: '/v1' }],
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      schemas: {
        Problem: jsonSchema(Problem, 'output'),
        ...Object.fromEntries(sharedSchemas.map(([name, schema]) => [name, jsonSchema(schema, 'output')])),
      },
      responses,
      parameters: {
        IfMatch: { name: 'If-Match', in: 'header', required: true, description: 'The `ETag` of the version being changed.', schema: { type: 'string' } },
        IdempotencyKey: { name: 'Idempotency-Key', in: 'header', required: false, description: 'A unique key per intended creation; a repeat with the same key returns the first result.', schema: { type: 'string', minLength: 1, maxLength: 255 } },
      },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: sessionCookie, description: 'Cookie session of a same-site host (PanelOne).' },
        csrf: { type: 'apiKey', in: 'header', name: csrfHeader, description: 'CSRF token of the cookie session (from `GET /auth/csrf` or sign-in), required on writes.' },
        embedToken: { type: 'http', scheme: 'bearer', description: 'Short-lived embed token for one member, minted by the host\u2019s backend with `POST /embed-tokens`.' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'Organization API key; server to server only (`POST /embed-tokens`).' },
      },
    },
  };
}

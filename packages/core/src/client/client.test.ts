import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEndpoints } from '../schemas/audit.js';
import { brandingEndpoints } from '../schemas/branding.js';
import { meEndpoints } from '../schemas/me.js';
import { organizationEndpoints } from '../schemas/organization.js';
import { profileEndpoints } from '../schemas/profile.js';
import { sessionEndpoints } from '../schemas/sessions.js';
import { teamEndpoints } from '../schemas/team.js';
import { createSettingsClient } from './client.js';
import { SettingsApiError, SettingsSchemaError, SettingsValidationError } from './errors.js';
import { me, memberPage, organization, profile } from './samples.fixture.test.js';
import { startScriptedServer, type ScriptedServer } from './scripted-server.fixture.test.js';

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});

const bearer = () => createSettingsClient({ baseUrl: server.url, getToken: () => 'embed-token-1' });

describe('createSettingsClient: requests and responses', () => {
  it('GETs /v1/me and returns the parsed member', async () => {
    server.route('GET', '/v1/me', { json: me });
    const data = await bearer().request(meEndpoints.get);
    expect(data.member.email).toBe('ada.lovelace@northwind-msp.example');
    expect(data.permissions).toContain('audit.view');
    const [request] = server.requests;
    expect(request!.headers.authorization).toBe('Bearer embed-token-1');
    expect(request!.headers.accept).toContain('application/json');
  });

  it('keeps a path prefix of the base URL and appends /v1', async () => {
    server.route('GET', '/settings-api/v1/profile', { json: profile });
    const client = createSettingsClient({ baseUrl: `${server.url}/settings-api/`, getToken: () => 't' });
    expect(client.baseUrl).toBe(`${server.url}/settings-api`);
    await expect(client.request(profileEndpoints.get)).resolves.toMatchObject({ name: 'Ada Lovelace' });
  });

  it('serialises the query skipping undefined values and fills path parameters', async () => {
    server.route('GET', '/v1/members', { json: memberPage(0, 2, 'cur_2') });
    server.route('GET', '/v1/members/mem%2F7', { json: memberPage(7, 1, null).items[0] });
    const client = bearer();
    const page = await client.request(teamEndpoints.listMembers, { query: { q: '  grace ', role: undefined, limit: 25 } });
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBe('cur_2');
    const sent = server.requests[0]!.query;
    expect([...sent.keys()].sort()).toEqual(['limit', 'q']);
    expect(sent.get('q')).toBe('grace'); // trimmed by the query schema
    expect(sent.get('limit')).toBe('25');
    const one = await client.request(teamEndpoints.getMember, { params: { id: 'mem/7' } });
    expect(one.id).toBe('mem_0007');
    expect(client.url(teamEndpoints.listMembers, { query: { role: 'finance', cursor: undefined } })).toBe(`${server.url}/v1/members?role=finance`);
  });

  it('sends the validated body and returns the parsed answer', async () => {
    server.route('PATCH', '/v1/profile', { json: { ...profile, name: 'Ada King' } });
    const updated = await bearer().request(profileEndpoints.update, { body: { name: '  Ada King  ', timeZone: 'Europe/Paris' } });
    expect(updated.name).toBe('Ada King');
    const request = server.requests[0]!;
    expect(request.headers['content-type']).toBe('application/json');
    expect(JSON.parse(request.body)).toEqual({ name: 'Ada King', timeZone: 'Europe/Paris' });
  });

  it('returns undefined for 204 No Content', async () => {
    server.route('DELETE', '/v1/sessions/ses_2', { status: 204 });
    await expect(bearer().request(sessionEndpoints.terminate, { params: { id: 'ses_2' } })).resolves.toBeUndefined();
    expect(server.requestsTo('DELETE', '/v1/sessions/ses_2')).toHaveLength(1);
  });

  it('returns the ETag with requestWithMeta and sends If-Match', async () => {
    server.route('GET', '/v1/organization', { json: organization, headers: { etag: '"org-v7"' } });
    server.route('PATCH', '/v1/organization', (req) =>
      req.headers['if-match'] === '"org-v7"'
        ? { json: { ...organization, name: 'Northwind Managed Services' }, headers: { etag: '"org-v8"' } }
        : { problem: { status: 412, code: 'precondition_failed', detail: 'The organization changed since you loaded it.' } });
    const client = bearer();
    const loaded = await client.requestWithMeta(organizationEndpoints.get);
    expect(loaded).toMatchObject({ etag: '"org-v7"', status: 200, data: { slug: 'northwind-msp' } });
    const saved = await client.requestWithMeta(organizationEndpoints.update, { body: { name: 'Northwind Managed Services' }, ifMatch: loaded.etag });
    expect(saved.etag).toBe('"org-v8"');
    expect(saved.data.name).toBe('Northwind Managed Services');
    const stale = await client.request(organizationEndpoints.update, { body: { name: 'Other' }, ifMatch: '"org-v6"' }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(SettingsApiError);
    expect((stale as SettingsApiError).status).toBe(412);
  });

  it('downloads a non-JSON answer as a Blob', async () => {
    const csv = 'at,actor,action\n2026-11-23T10:00:00.000Z,Ada Lovelace,member.role_changed\n';
    server.route('GET', '/v1/audit-logs/export', { body: csv, headers: { 'content-type': 'text/csv' } });
    const blob = await bearer().download(auditEndpoints.export, { query: { action: 'member.role_changed' } });
    expect(await blob.text()).toBe(csv);
    expect(server.requests[0]!.headers.accept).toBe('text/csv');
    expect(server.requests[0]!.query.get('action')).toBe('member.role_changed');
  });
});

describe('createSettingsClient: errors', () => {
  it('names the endpoint and the failing paths when the answer does not fit the schema', async () => {
    server.route('GET', '/v1/me', { json: { ...me, role: 'superuser', mfa: { ...me.mfa, passkeyCount: 'one' } } });
    const error = await bearer().request(meEndpoints.get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsSchemaError);
    const schemaError = error as SettingsSchemaError;
    expect(schemaError.endpointId).toBe('me.get');
    expect(schemaError.issues.map((issue) => issue.path).sort()).toEqual(['mfa.passkeyCount', 'role']);
    expect(schemaError.message).toContain('me.get');
    expect(schemaError.message).toContain('mfa.passkeyCount');
  });

  it('treats a non-JSON success body as a schema error', async () => {
    server.route('GET', '/v1/profile', { body: '<html>Maintenance</html>', headers: { 'content-type': 'text/html' } });
    const error = await bearer().request(profileEndpoints.get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsSchemaError);
    expect((error as SettingsSchemaError).issues[0]!.message).toContain('text/html');
  });

  it('maps problem+json to SettingsApiError with field errors', async () => {
    server.route('PATCH', '/v1/organization', {
      problem: {
        status: 422, code: 'validation_failed', title: 'Validation failed', detail: 'Some fields need attention.',
        fieldErrors: [{ path: 'slug', message: 'This URL is already taken.', code: 'taken' }, { path: 'embedOrigins.1', message: 'Use an origin such as https://portal.example.com (no path).' }],
      },
    });
    const error = await bearer().request(organizationEndpoints.update, { body: { slug: 'contoso' }, ifMatch: '"v1"' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsApiError);
    const apiError = error as SettingsApiError;
    expect(apiError).toMatchObject({ status: 422, code: 'validation_failed', message: 'Some fields need attention.', endpointId: 'organization.update' });
    expect(apiError.fieldError('slug')).toBe('This URL is already taken.');
    expect(apiError.fieldError('embedOrigins.1')).toMatch(/origin/);
    expect(apiError.fieldError('name')).toBeUndefined();
  });

  it('still gives a useful SettingsApiError for a non-problem error body', async () => {
    server.route('GET', '/v1/me', { status: 502, body: '<html><body>Bad gateway</body></html>', headers: { 'content-type': 'text/html' } });
    server.route('GET', '/v1/profile', { status: 400, json: { error: 'Profile service unavailable for this tenant' } });
    const gateway = (await bearer().request(meEndpoints.get).catch((e: unknown) => e)) as SettingsApiError;
    expect(gateway).toBeInstanceOf(SettingsApiError);
    expect(gateway).toMatchObject({ status: 502, code: 'http_502', fieldErrors: [] });
    expect(gateway.message).toBe('Bad Gateway');
    const plain = (await bearer().request(profileEndpoints.get).catch((e: unknown) => e)) as SettingsApiError;
    expect(plain).toMatchObject({ status: 400, code: 'http_400', message: 'Profile service unavailable for this tenant' });
  });

  it('refuses an invalid body before sending, with field errors', async () => {
    const client = bearer();
    const error = await client.request(teamEndpoints.invite, { body: { emails: ['grace@northwind-msp.example', 'not-an-email'], role: 'admin' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsValidationError);
    expect((error as SettingsValidationError).fieldErrors).toEqual([{ path: 'emails.1', message: 'Enter a valid email address.', code: 'invalid_format' }]);
    const password = await client.request(profileEndpoints.changePassword, { body: { currentPassword: 'correct horse battery', newPassword: 'correct horse battery' } }).catch((e: unknown) => e);
    expect((password as SettingsValidationError).fieldError('newPassword')).toBe('Choose a password different from the current one.');
    const filter = await client.request(auditEndpoints.list, { query: { from: '2026-11-20T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' } }).catch((e: unknown) => e);
    expect((filter as SettingsValidationError).fieldError('to')).toBe('The start must be before the end.');
    expect(server.requests).toHaveLength(0);
  });

  it('validate() uses the same schema and reports plain messages', () => {
    const client = bearer();
    expect(client.validate(profileEndpoints.update, { name: '  Ada  ' })).toEqual({ ok: true, data: { name: 'Ada' } });
    const result = client.validate(teamEndpoints.invite, { emails: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.fieldErrors).toEqual([
        { path: 'emails', message: 'Enter at least one email address.', code: 'too_small' },
        { path: 'role', message: 'This field is required.', code: 'invalid_value' },
      ]);
    }
    expect(() => client.validate(meEndpoints.get, {})).toThrow(/me.get takes no request body/);
  });

  it('checks upload type and size before sending, then sends the raw file', async () => {
    server.route('PUT', '/v1/profile/avatar', { json: { avatarUrl: 'https://cdn.billingone.example/avatars/mem_01HZX4Q8.png' } });
    const client = bearer();
    const gif = new Blob(['GIF89a'], { type: 'image/gif' });
    const wrongType = await client.upload(profileEndpoints.uploadAvatar, gif).catch((e: unknown) => e);
    expect(wrongType).toBeInstanceOf(SettingsValidationError);
    expect((wrongType as SettingsValidationError).fieldError('file')).toBe('Choose a PNG, JPEG or WebP file.');
    const huge = new Blob([new Uint8Array(2 * 1024 * 1024 + 1)], { type: 'image/png' });
    const tooBig = await client.upload(profileEndpoints.uploadAvatar, huge).catch((e: unknown) => e);
    expect((tooBig as SettingsValidationError).fieldError('file')).toBe('The file is larger than 2 MB.');
    const logo = await client.upload(brandingEndpoints.uploadLogo, new Blob(['<svg/>'], { type: 'image/svg+xml' })).catch((e: unknown) => e);
    expect((logo as SettingsApiError).status).toBe(404); // accepted type: it was sent (no route scripted)
    expect(server.requests).toHaveLength(1);

    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' });
    const result = await client.upload(profileEndpoints.uploadAvatar, png);
    expect(result.avatarUrl).toMatch(/\.png$/);
    const sent = server.requestsTo('PUT', '/v1/profile/avatar')[0]!;
    expect(sent.headers['content-type']).toBe('image/png');
    expect(sent.headers['content-length']).toBe('7');
    await expect(client.upload(profileEndpoints.get, png)).rejects.toThrow(/does not take a file upload/);
  });
});

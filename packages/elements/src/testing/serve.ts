import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** Anything with a fetch handler (a Hono app). */
export interface FetchApp {
  fetch(request: Request): Response | Promise<Response>;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = req.method === 'GET' || req.method === 'HEAD' || chunks.length === 0 ? undefined : Buffer.concat(chunks);
  return new Request(new URL(req.url ?? '/', origin), { method: req.method, headers, body });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  }
  res.end();
}

/** Serves a fetch-style app on 127.0.0.1:`port` with Node's http module. */
export function serveFetchApp(app: FetchApp, port: number): Promise<Server> {
  const origin = `http://127.0.0.1:${port}`;
  const server = createServer((req, res) => {
    toRequest(req, origin)
      .then((request) => app.fetch(request))
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        console.error('Test API server failed to answer', req.method, req.url, error);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/**
 * A real HTTP server on 127.0.0.1 for client and store tests, scripted per test: each route answers
 * from a queue of replies (the last one repeats) and every request is recorded.
 * (The `.fixture.test.ts` suffix keeps this helper out of the build; vitest.config.ts keeps it out of runs.)
 */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query, e.g. `/v1/me`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** `performance.now()` when the request arrived. */
  at: number;
  /** The client went away before the answer was sent. */
  aborted: boolean;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** JSON body (`application/json`). */
  json?: unknown;
  /** Problem body (`application/problem+json`); `status` defaults to the problem's status. */
  problem?: { status: number; code: string; title?: string; detail?: string; fieldErrors?: { path: string; message: string; code?: string }[]; [key: string]: unknown };
  /** Raw body (set `content-type` in `headers`). */
  body?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Never answer. */
  hang?: boolean;
  /** Drop the connection without answering (a network error for the client). */
  destroy?: boolean;
}

export type Script = Reply | ((request: RecordedRequest) => Reply | Promise<Reply>);

export interface ScriptedServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  /** Requests of one route. */
  requestsTo(method: string, path: string): RecordedRequest[];
  /** Scripts a route (`'GET', '/v1/me'`): the replies answer in turn, the last one repeats. */
  route(method: string, path: string, ...replies: Script[]): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const routes = new Map<string, Script[]>();
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: performance.now(),
        aborted: false,
      };
      requests.push(recorded);
      res.on('close', () => {
        if (!res.writableFinished) recorded.aborted = true;
      });
      const queue = routes.get(`${recorded.method} ${recorded.path}`);
      const script = queue ? (queue.length > 1 ? queue.shift()! : queue[0]!) : undefined;
      void answer(res, recorded, script);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    requestsTo: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    route(method, path, ...replies) {
      routes.set(`${method} ${path}`, replies);
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(res: ServerResponse, request: RecordedRequest, script: Script | undefined): Promise<void> {
  const reply: Reply = script === undefined
    ? { problem: { status: 404, code: 'not_found', title: 'Not Found', detail: `No route for ${request.method} ${request.path}` } }
    : typeof script === 'function' ? await script(request) : script;
  if (reply.hang) return;
  if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  if (res.destroyed) return;
  if (reply.destroy) {
    res.socket?.destroy();
    return;
  }
  const headers: Record<string, string> = { ...reply.headers };
  let body = reply.body ?? '';
  if (reply.problem) {
    headers['content-type'] ??= 'application/problem+json';
    body = JSON.stringify({ type: 'about:blank', title: reply.problem.code, ...reply.problem });
  } else if (reply.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(reply.json);
  }
  res.writeHead(reply.status ?? reply.problem?.status ?? (body ? 200 : 204), headers);
  res.end(body);
}

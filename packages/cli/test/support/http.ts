/** Plain HTTP against a server on the loopback interface: ports, requests, sign-in, lists. */
import http from 'node:http';
import net from 'node:net';
import { LOOPBACK } from './cli';

/** A TCP port on the loopback interface that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

/**
 * One HTTP request on its own connection (no keep-alive pool, so a server going away cannot
 * hand us a stale socket). Rejects with the socket error (e.g. ECONNREFUSED).
 */
export function request(
  port: number,
  method: string,
  urlPath: string,
  options: { headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {},
): Promise<HttpResponse> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: LOOPBACK,
        port,
        method,
        path: urlPath,
        agent: false,
        headers: {
          connection: 'close',
          ...(payload !== undefined
            ? {
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(payload)),
              }
            : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 20_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: <T>() => JSON.parse(body) as T,
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${urlPath} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** The error code of a failed request (ECONNREFUSED, ECONNRESET…), or 'ok <status>' when it answered. */
export async function probe(port: number, urlPath: string): Promise<string> {
  try {
    const res = await request(port, 'GET', urlPath, { timeoutMs: 5_000 });
    return `ok ${res.status}`;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? String(err);
  }
}

export interface Session {
  cookie: string;
  csrf: string;
  user: { id: string; email: string; isPlatformAdmin: boolean; roles: string[] };
  headers(extra?: Record<string, string>): Record<string, string>;
}

export async function tryLogin(
  port: number,
  email: string,
  password: string,
): Promise<HttpResponse> {
  return request(port, 'POST', '/api/v1/auth/login', { body: { email, password } });
}

/** Signs in and returns the session cookie and CSRF token; throws unless the login answers 200. */
export async function login(port: number, email: string, password: string): Promise<Session> {
  const res = await tryLogin(port, email, password);
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.body}`);
  const setCookie = res.headers['set-cookie'] ?? [];
  const session = setCookie
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('concord_session='));
  if (!session) throw new Error(`login ${email}: no concord_session cookie`);
  const body = res.json<{ csrfToken: string; user: Session['user'] }>();
  return {
    cookie: session,
    csrf: body.csrfToken,
    user: body.user,
    headers: (extra = {}) => ({ cookie: session, 'x-csrf-token': body.csrfToken, ...extra }),
  };
}

/** Every item of a paginated list endpoint ({ items, nextCursor }). */
export async function listAll<T>(
  port: number,
  urlPath: string,
  headers: Record<string, string>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const sep = urlPath.includes('?') ? '&' : '?';
    const res = await request(
      port,
      'GET',
      cursor ? `${urlPath}${sep}cursor=${encodeURIComponent(cursor)}` : urlPath,
      { headers },
    );
    if (res.status !== 200) throw new Error(`GET ${urlPath}: ${res.status} ${res.body}`);
    const body = res.json<{ items: T[]; nextCursor: string | null }>();
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`GET ${urlPath}: too many pages`);
}

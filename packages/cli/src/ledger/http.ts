/**
 * GET requests to a Concord node for the ledger commands: Node's global fetch, bounded
 * retries on network errors only, a size cap on every body (the node is not trusted), and
 * any status other than 200 reported as an error naming the URL.
 */
import { CliError } from '../errors';
import { printable } from './text';

export const DEFAULT_RETRIES = 3;
export const DEFAULT_TIMEOUT_MS = 30_000;
const RETRY_DELAY_MS = 250;
const MAX_ERROR_BYTES = 4096;

/** Parses the `<base-url>` argument: an http(s) URL, optionally with a path prefix. */
export function parseBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`base-url: '${text}' is not a URL (e.g. https://concord.example.org)`, 2);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CliError(`base-url: must start with http:// or https://`, 2);
  if (url.search || url.hash) throw new CliError('base-url: must not have a query or fragment', 2);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The innermost reason a fetch failed, e.g. "connect ECONNREFUSED 127.0.0.1:9". */
function networkReason(err: unknown): string {
  type Cause = { message?: string; cause?: unknown; code?: string };
  let e = err as Cause;
  while (e.cause && typeof e.cause === 'object') e = e.cause;
  return e.message ?? e.code ?? String(err);
}

/** A short reason from an error body: RFC 9457 `detail`, else the first line of text. */
function bodyReason(body: Uint8Array): string {
  const text = new TextDecoder().decode(body.subarray(0, 2000));
  try {
    const problem = JSON.parse(text) as { detail?: unknown; title?: unknown };
    const reason = problem.detail ?? problem.title;
    if (typeof reason === 'string' && reason) return printable(reason);
  } catch {
    // not JSON
  }
  return printable(text.split('\n')[0]!.trim());
}

/** Reads at most `maxBytes`: more is an error, or with `truncate` (error answers) cut off. */
async function readBody(
  res: Response,
  url: string,
  maxBytes: number,
  truncate = false,
): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes && !truncate)
    throw new CliError(`GET ${url}: response over ${maxBytes} bytes`);
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      if (!truncate) throw new CliError(`GET ${url}: response over ${maxBytes} bytes`);
      chunks.push(value.subarray(0, value.byteLength - (total - maxBytes)));
      total = maxBytes;
      break;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.byteLength;
  }
  return out;
}

/** A node answered with a status other than 200. */
export class HttpStatusError extends CliError {
  constructor(
    message: string,
    readonly url: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface LedgerHttpOptions {
  retries?: number;
  timeoutMs?: number;
}

/** A node's base URL plus a running count of downloaded bytes. */
export class LedgerHttp {
  downloaded = 0;
  private readonly retries: number;
  private readonly timeoutMs: number;

  constructor(
    readonly base: URL,
    options: LedgerHttpOptions = {},
  ) {
    this.retries = options.retries ?? DEFAULT_RETRIES;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** The absolute URL of `path` (relative, e.g. "ledger/checkpoint") under the base URL. */
  url(path: string): string {
    return new URL(path, this.base).href;
  }

  /** The body of a 200 answer; `signal` aborts without retrying. */
  async bytes(path: string, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array> {
    const url = this.url(path);
    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(this.timeoutMs);
      let res: Response;
      let body: Uint8Array;
      try {
        res = await fetch(url, {
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
          redirect: 'follow',
        });
        body =
          res.status === 200
            ? await readBody(res, url, maxBytes)
            : await readBody(res, url, MAX_ERROR_BYTES, true);
      } catch (err) {
        if (err instanceof CliError || signal?.aborted) throw err;
        if (attempt >= this.retries) {
          const reason = timeout.aborted
            ? `no answer within ${this.timeoutMs / 1000} s`
            : networkReason(err);
          throw new CliError(`GET ${url}: ${reason}`);
        }
        await sleep(RETRY_DELAY_MS * 2 ** attempt);
        continue;
      }
      this.downloaded += body.byteLength;
      if (res.status !== 200) {
        const reason = bodyReason(body);
        throw new HttpStatusError(
          `GET ${url}: ${res.status} ${res.statusText}${reason ? ` (${reason})` : ''}`,
          url,
          res.status,
        );
      }
      return body;
    }
  }

  async text(path: string, maxBytes: number): Promise<string> {
    const body = await this.bytes(path, maxBytes);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw new CliError(`GET ${this.url(path)}: the answer is not UTF-8 text`);
    }
  }

  /** A JSON answer, still untyped: callers check every field they use. */
  async json(path: string, maxBytes: number): Promise<unknown> {
    const text = await this.text(path, maxBytes);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new CliError(`GET ${this.url(path)}: the answer is not JSON`);
    }
  }
}

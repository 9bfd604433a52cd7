// fetchPage: one web page (or feed) fetched safely from a URL nobody vetted. Only http and https;
// every host resolved here and every address checked (address-policy.ts) before connecting,
// on the first request and on each redirect, which are followed by hand up to a bound; a time
// limit per connection and one for the whole fetch; a size limit on the wire and after
// decompression; conditional GET from validators of an earlier fetch.
//
// Every failure is an InputError naming the URL as given, one line:
//   "http://10.0.0.5/x: refused: private address 10.0.0.5"
//   "https://a.example/p: redirected to http://b.example/q: HTTP 404 Not Found"
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { InputError } from '../input-error.ts';
import { allowedRanges } from './address-policy.ts';
import { FetchProblem, resolvePolicy, type FetchPolicy, type ResolvedPolicy, type Validators } from './fetch-policy.ts';
import { openResponse } from './http-request.ts';
import { networkReason } from './network-reason.ts';
import { resolveHost, systemLookup } from './resolve-host.ts';
import { ACCEPT_ENCODING, readBody } from './response-body.ts';

export type { FetchPolicy, Validators } from './fetch-policy.ts';

/** A fetched page: the final URL after redirects, its status and headers of note, and the body bytes (decompressed). */
export interface FetchedPage {
  /** The URL the body came from, after redirects. */
  url: string;
  /** 2xx, or 304 when `notModified`. */
  status: number;
  /** The Content-Type header as sent ("text/html; charset=utf-8"), or null. */
  contentType: string | null;
  /** Empty when `notModified`. */
  body: Uint8Array;
  /** Validators to send next time (the earlier ones when a 304 does not repeat them). */
  etag: string | null;
  lastModified: string | null;
  /** True when the server answered 304 to the validators given: nothing changed. */
  notModified: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.9, text/plain;q=0.8, */*;q=0.5';

/**
 * Fetches `url` under `policy` (safe defaults: see FetchPolicy), sending `validators` as a
 * conditional GET when given. Resolves with the page for a 2xx answer, or with `notModified`
 * for a 304; throws an InputError naming `url` for everything else (refused address, non-2xx
 * status, too many redirects, timeout, body past the size limit, network failure).
 */
export async function fetchPage(url: string, policy: FetchPolicy = {}, validators: Validators | null = null): Promise<FetchedPage> {
  const settings = resolvePolicy(policy, systemLookup);
  const ranges = allowedRanges(settings);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, settings.totalTimeoutMs);
  const cancel = () => controller.abort();
  settings.signal?.addEventListener('abort', cancel, { once: true });
  if (settings.signal?.aborted) controller.abort();

  let current: URL | null = null;
  let hops = 0;
  try {
    current = webUrl(url);
    for (;;) {
      const addresses = await untilAborted(resolveHost(current, settings, ranges), controller.signal);
      const res = await openResponse(current, addresses, {
        headers: requestHeaders(settings, validators),
        connectTimeoutMs: settings.connectTimeoutMs,
        signal: controller.signal,
        ca: settings.ca,
      });
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && res.headers.location !== undefined) {
        res.destroy();
        if (hops >= settings.maxRedirects) throw new FetchProblem(`more than ${settings.maxRedirects} redirects`);
        current = redirectTarget(res.headers.location, current);
        hops++;
        continue;
      }
      if (status === 304 && validators !== null) {
        res.destroy();
        return page(current, status, res.headers, new Uint8Array(0), validators, true);
      }
      if (status < 200 || status > 299) {
        res.destroy();
        throw new FetchProblem(`HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`);
      }
      const body = await readBody(res, url, settings.maxBytes);
      return page(current, status, res.headers, body, null, false);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    const where = hops > 0 && current !== null ? `redirected to ${current.href}: ` : '';
    if (timedOut) throw new InputError(url, `${where}timed out after ${settings.totalTimeoutMs / 1000} s`);
    if (controller.signal.aborted) throw new InputError(url, `${where}fetch cancelled`);
    throw new InputError(url, `${where}${networkReason(error)}`);
  } finally {
    clearTimeout(timer);
    settings.signal?.removeEventListener('abort', cancel);
  }
}

/** True for a command-line argument or API value that names a web page rather than a file. */
export function isWebUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

/** The URL, if it is one fetchPage will try: http or https, no user name or password. */
function webUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchProblem('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchProblem(`only http and https URLs are fetched, not ${url.protocol}`);
  if (url.username !== '' || url.password !== '') throw new FetchProblem('URLs with a user name or password are not fetched');
  url.hash = '';
  return url;
}

/** Where a redirect leads: Location resolved against the current URL, held to the same rules as the first URL. */
function redirectTarget(location: string, from: URL): URL {
  let target: string;
  try {
    target = new URL(location, from).href;
  } catch {
    throw new FetchProblem(`redirect to an invalid URL: ${location.slice(0, 200)}`);
  }
  try {
    return webUrl(target);
  } catch (error) {
    throw new FetchProblem(`redirect to ${target.slice(0, 200)}: ${(error as Error).message}`);
  }
}

function requestHeaders(policy: ResolvedPolicy, validators: Validators | null): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { 'user-agent': policy.userAgent, accept: ACCEPT, 'accept-encoding': ACCEPT_ENCODING };
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  return headers;
}

function page(url: URL, status: number, headers: IncomingHttpHeaders, body: Uint8Array, earlier: Validators | null, notModified: boolean): FetchedPage {
  return {
    url: url.href,
    status,
    contentType: headers['content-type'] ?? null,
    body,
    etag: (headers.etag as string | undefined) ?? earlier?.etag ?? null,
    lastModified: headers['last-modified'] ?? earlier?.lastModified ?? null,
    notModified,
  };
}

/** The promise's result, or a rejection as soon as `signal` aborts (a DNS lookup cannot be cancelled, only abandoned). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new FetchProblem('aborted'));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new FetchProblem('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

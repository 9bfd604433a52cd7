// One GET over HTTP or HTTPS to addresses already checked. The host name stays the request's
// host (Host header, TLS server name and certificate check all use it) while the connection's
// address lookup is answered with the checked addresses: no second DNS query happens.
import { request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { FetchProblem, type ResolvedAddress } from './fetch-policy.ts';
import { bareHost } from './resolve-host.ts';

/** How to send one request: its headers, the time to connect, what aborts it, and the CAs to trust for HTTPS (system's when absent). */
export interface RequestOptions {
  headers: OutgoingHttpHeaders;
  connectTimeoutMs: number;
  signal: AbortSignal;
  ca?: string;
}

/**
 * Sends a GET for `url` to one of `addresses` and resolves with the response once its headers
 * arrive (the body is the caller's to read or destroy). Rejects with FetchProblem when no
 * connection opens within the connect timeout, or with the socket's error; the signal aborts it.
 */
export function openResponse(url: URL, addresses: readonly ResolvedAddress[], options: RequestOptions): Promise<IncomingMessage> {
  const { headers, connectTimeoutMs, signal, ca } = options;
  const lookup: LookupFunction = (_hostname, dnsOptions, callback) => {
    // Node 20 connects with autoSelectFamily and asks for every address; older paths ask for one.
    if (dnsOptions.all) callback(null, addresses.map((a) => ({ address: a.address, family: a.family })));
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send({
      protocol: url.protocol,
      hostname: bareHost(url),
      port: url.port === '' ? undefined : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers,
      // A fresh connection per request: a pooled socket would skip the lookup above.
      agent: false,
      lookup,
      signal,
      ...(ca === undefined ? {} : { ca }),
    });
    const timer = setTimeout(() => req.destroy(new FetchProblem(`no connection within ${connectTimeoutMs / 1000} s`)), connectTimeoutMs);
    req.once('socket', (socket) => {
      if (!socket.connecting) clearTimeout(timer);
      else socket.once('connect', () => clearTimeout(timer));
    });
    req.once('response', (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    // `on`, not `once`: an abort after the response may emit a late error, which must not go unhandled.
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}

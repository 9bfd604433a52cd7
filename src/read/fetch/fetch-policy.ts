// What a fetch may do: which addresses it may reach, how long it may take, how much it may read.
// The defaults are safe for URLs nobody vetted (a feed's links, an API caller's URL).
import { DEFAULT_MAX_BYTES } from '../source.ts';
import type { AddressAllowance } from './address-policy.ts';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to its addresses (all of them: each is checked). Tests inject one to map names to a local server. */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

/**
 * Limits and permissions of fetchPage; every field is optional. Loopback, private, link-local,
 * shared (CGNAT) and reserved addresses are refused unless `allowPrivate` is set or the address
 * lies in `allowNetworks`; unspecified and multicast addresses are always refused.
 */
export interface FetchPolicy extends AddressAllowance {
  /** Largest body, in bytes, on the wire and after decompression alike. Default 10 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Time to open each connection. Default 10 s. */
  connectTimeoutMs?: number;
  /** Time for the whole fetch: every lookup, redirect and byte of the body. Default 30 s. */
  totalTimeoutMs?: number;
  /** Host name resolution; default: the system resolver (dns.lookup, every address). */
  lookup?: HostLookup;
  /** Cancels the fetch (a watch stopped by SIGINT, an API request whose client went away). */
  signal?: AbortSignal;
  /** The User-Agent header. */
  userAgent?: string;
  /** Certificates (PEM) trusted for HTTPS instead of the system's: an intranet's own CA. */
  ca?: string;
}

/** A policy with every limit filled in. */
export type ResolvedPolicy = Required<Omit<FetchPolicy, 'signal' | 'allowNetworks' | 'ca'>> & Pick<FetchPolicy, 'signal' | 'allowNetworks' | 'ca'>;

/** Validators from an earlier fetch of the same URL, sent back as If-None-Match and If-Modified-Since. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

// The defaults FetchPolicy documents.
const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
const DEFAULT_TOTAL_TIMEOUT_MS = 30_000;
const USER_AGENT = 'Dossier/0.1 (news reader)';

/** The policy with its defaults filled in; `lookup` is the given default resolver unless the policy brings one. */
export function resolvePolicy(policy: FetchPolicy, defaultLookup: HostLookup): ResolvedPolicy {
  return {
    allowPrivate: policy.allowPrivate ?? false,
    allowNetworks: policy.allowNetworks,
    maxBytes: policy.maxBytes ?? DEFAULT_MAX_BYTES,
    maxRedirects: policy.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    connectTimeoutMs: policy.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    totalTimeoutMs: policy.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS,
    lookup: policy.lookup ?? defaultLookup,
    signal: policy.signal,
    userAgent: policy.userAgent ?? USER_AGENT,
    ca: policy.ca,
  };
}

/** Why one step of a fetch failed, as the reason half of a one-line error ("HTTP 404 Not Found"). */
export class FetchProblem extends Error {}

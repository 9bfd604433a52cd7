// Resolving a URL's host to the addresses the connection may use. The lookup is done here, once,
// and every address it gives is checked; the connection is then made to those addresses only
// (see http-request.ts), so a DNS answer that changes between check and connect (DNS rebinding)
// cannot slip a private address through.
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { refusalOf } from './address-policy.ts';
import type { IpRange } from './ip-address.ts';
import { FetchProblem, type HostLookup, type ResolvedAddress, type ResolvedPolicy } from './fetch-policy.ts';

/** The system resolver: every address of the name, in the order the system gives them. */
export const systemLookup: HostLookup = async (hostname) => {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** The URL's host without IPv6 brackets ("[::1]" → "::1"). */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/**
 * The checked addresses to connect to for `url`: an IP literal is checked as it is; a name is
 * resolved by the policy's lookup and refused if any address it gives is refused (one bad answer
 * among good ones is how rebinding attacks start). `ranges`: the policy's allowNetworks, parsed.
 * Throws FetchProblem saying which address and why.
 */
export async function resolveHost(url: URL, policy: ResolvedPolicy, ranges: readonly IpRange[]): Promise<ResolvedAddress[]> {
  const host = bareHost(url);
  const literal = isIP(host);
  if (literal !== 0) {
    const refusal = refusalOf(host, policy, ranges);
    if (refusal !== null) throw new FetchProblem(`refused: ${refusal}`);
    return [{ address: host, family: literal === 6 ? 6 : 4 }];
  }
  let addresses: ResolvedAddress[];
  try {
    addresses = await policy.lookup(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') throw new FetchProblem(`host not found: ${host}`);
    throw new FetchProblem(`cannot resolve ${host} (${code ?? (error instanceof Error ? error.message : String(error))})`);
  }
  if (addresses.length === 0) throw new FetchProblem(`host not found: ${host}`);
  for (const { address } of addresses) {
    const refusal = refusalOf(address, policy, ranges);
    if (refusal !== null) throw new FetchProblem(`refused: ${host} resolves to ${refusal}`);
  }
  return addresses;
}

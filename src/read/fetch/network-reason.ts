// Network and protocol errors as the reason half of a one-line error. Node's own messages name
// internals ("socket hang up", "HPE_INVALID_CONSTANT"); people need what happened.
import { FetchProblem } from './fetch-policy.ts';

const BY_CODE: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed by the server',
  ENETUNREACH: 'network unreachable',
  EHOSTUNREACH: 'host unreachable',
  ETIMEDOUT: 'connection timed out',
  ERR_STREAM_PREMATURE_CLOSE: 'connection closed before the whole body arrived',
  Z_DATA_ERROR: 'corrupt compressed body',
  Z_BUF_ERROR: 'truncated compressed body',
};

// Certificate failures carry OpenSSL's codes (CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, …).
const TLS_CODE = /^(ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_SSL_|EPROTO$)/;

/** The reason an error gives for a failed fetch, on one line. */
export function networkReason(error: unknown): string {
  if (error instanceof FetchProblem) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message.split('\n', 1)[0]!.trim() : String(error);
  if (code !== undefined && BY_CODE[code]) return BY_CODE[code]!;
  if (code !== undefined && TLS_CODE.test(code)) return `TLS failure (${code})`;
  if (code !== undefined && code.startsWith('HPE_')) return `malformed HTTP response (${code})`;
  if (message === 'socket hang up' || message === 'aborted') return 'connection closed by the server';
  if (code?.startsWith('ERR_BROTLI') || code?.startsWith('Z_')) return `corrupt compressed body (${code})`;
  return `cannot fetch (${code ?? message})`;
}

/**
 * Turns whatever went wrong during a fetch (undici, socket, zlib, TLS, our own limits) into one
 * FetchError with a contract code and a sentence for a person.
 */
import { FetchError } from '../model/errors.js';
import { fail } from './fetch-errors.js';
import { BodyLimitError } from './read-body.js';

function codes(err: unknown): string[] {
  const out: string[] = [];
  let cur: unknown = err;
  for (let i = 0; i < 5 && typeof cur === 'object' && cur !== null; i += 1) {
    if ('code' in cur && typeof cur.code === 'string') out.push(cur.code);
    cur = 'cause' in cur ? cur.cause : undefined;
  }
  return out;
}

function limitError(err: unknown): BodyLimitError | null {
  let cur: unknown = err;
  for (let i = 0; i < 5 && typeof cur === 'object' && cur !== null; i += 1) {
    if (cur instanceof BodyLimitError) return cur;
    cur = 'cause' in cur ? cur.cause : undefined;
  }
  return null;
}

const CERT =
  /^(CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_SSL_)/;

export interface FailureContext {
  timeoutMs: number;
  connectTimeoutMs: number;
  maxBytes: number;
  /** The total deadline fired. */
  deadline: boolean;
  /** The caller's own signal was aborted. */
  cancelled: boolean;
}

/** The FetchError for `err`, and whether it was an unexpected failure worth logging as such. */
export function toFetchError(err: unknown, ctx: FailureContext): { error: FetchError; unexpected: boolean } {
  if (err instanceof FetchError) return { error: err, unexpected: false };
  const limit = limitError(err);
  if (limit) {
    const error = limit.stage === 'raw' ? fail.tooLarge(ctx.maxBytes) : fail.tooLargeDecoded(ctx.maxBytes);
    return { error, unexpected: false };
  }
  if (ctx.deadline) return { error: fail.timeout(ctx.timeoutMs), unexpected: false };
  if (ctx.cancelled) return { error: fail.cancelled(), unexpected: false };
  for (const code of codes(err)) {
    if (code === 'UND_ERR_CONNECT_TIMEOUT')
      return { error: fail.connectTimeout(ctx.connectTimeoutMs), unexpected: false };
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') {
      return { error: fail.timeout(ctx.timeoutMs), unexpected: false };
    }
    if (code === 'ECONNREFUSED') return { error: fail.refused(), unexpected: false };
    if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'EADDRNOTAVAIL') {
      return { error: fail.refused(), unexpected: false };
    }
    if (['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED'].includes(code)) {
      return { error: fail.connectionLost(), unexpected: false };
    }
    if (code.startsWith('Z_') || code.startsWith('ERR__ERROR') || code.startsWith('ERR_BROTLI')) {
      return { error: fail.badEncoding(), unexpected: false };
    }
    if (code === 'UND_ERR_HEADERS_OVERFLOW' || code === 'HPE_HEADER_OVERFLOW') {
      return { error: fail.tooLarge(ctx.maxBytes), unexpected: false };
    }
    if (code.startsWith('HPE_') || code === 'UND_ERR_RESPONSE_STATUS_CODE' || code === 'UND_ERR_INFO') {
      return { error: fail.failed(), unexpected: false };
    }
    if (CERT.test(code)) return { error: fail.badCertificate(), unexpected: false };
  }
  return { error: fail.failed(), unexpected: true };
}

/**
 * The SSRF-safe fetcher. Every hop (the first request and each redirect, at most `maxRedirects`) is
 * checked by hop-policy.ts and connected through an agent pinned to the checked address. Limits: a
 * connect timeout, a total deadline, a byte limit on the wire and after decompression, an allowlist of
 * content types, redirect loops. Every failure is a FetchError (see fetch-errors.ts).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { request } from 'undici';
import type { Logger } from '../model/ports.js';
import { looksLikeChallenge, rawTextLength, rawTitle } from './anti-bot.js';
import { decodeBody } from './charset.js';
import { kindOfType, type PageKind, parseContentType, sniffKind } from './content-type.js';
import { fail } from './fetch-errors.js';
import type { Config } from '../model/config.js';
import { toFetchError } from './fetch-failure.js';
import { checkHop, type HopTarget, type Resolver, systemResolver } from './hop-policy.js';
import { pinnedAgent } from './pinned-agent.js';
import { readBody } from './read-body.js';

/** The fetch limits from the validated config (one definition, in config.ts). */
export type SafeFetchOptions = Config['fetch'];

export interface SafeFetchDeps {
  resolve?: Resolver;
  logger?: Logger;
}

export interface FetchedPage {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  kind: PageKind;
  charset: string;
  text: string;
  redirects: number;
}

export type SafeFetch = (url: string, signal?: AbortSignal) => Promise<FetchedPage>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8';
const ACCEPT_LANGUAGE = 'ru,kk;q=0.9,en;q=0.8';
/** How much of an error page is read to tell an anti-bot challenge from a plain refusal. */
const ERROR_BODY_BYTES = 256 * 1024;

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/** Drops a body we will not read; undici reports the abort as an error event, which is expected here. */
function discard(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

type HopResult = { redirect: URL } | Omit<FetchedPage, 'redirects'>;

export function createSafeFetch(opts: SafeFetchOptions, deps: SafeFetchDeps = {}): SafeFetch {
  const allowHosts = new Set(opts.allowHosts.map((h) => h.toLowerCase()));
  const resolve = deps.resolve ?? systemResolver;
  const log = deps.logger;
  const headers = {
    'user-agent': opts.userAgent,
    accept: ACCEPT,
    'accept-language': ACCEPT_LANGUAGE,
    'accept-encoding': 'gzip, deflate, br',
  };

  async function refuseStatus(
    status: number,
    resHeaders: IncomingHttpHeaders,
    body: Readable,
  ): Promise<never> {
    if (status === 404 || status === 410) {
      discard(body);
      throw fail.notFound(status);
    }
    const type = parseContentType(header(resHeaders, 'content-type'));
    if ([403, 429, 503].includes(status) && kindOfType(type.mime) === 'html') {
      const raw = await readBody(body, header(resHeaders, 'content-encoding'), ERROR_BODY_BYTES).catch(
        () => null,
      );
      if (raw) {
        const html = decodeBody(raw, type.charset, true).text;
        if (looksLikeChallenge(html, rawTitle(html), rawTextLength(html))) throw fail.antiBot();
      }
    }
    discard(body);
    throw fail.httpStatus(status);
  }

  async function hop(target: HopTarget, signal: AbortSignal): Promise<HopResult> {
    const agent = pinnedAgent(target.address, target.family, opts, target.fallbacks);
    try {
      const res = await request(target.url, { method: 'GET', headers, dispatcher: agent, signal });
      const status = res.statusCode;
      log?.debug({ host: target.url.host, status }, 'fetch hop');
      if (REDIRECTS.has(status)) {
        discard(res.body);
        const location = header(res.headers, 'location');
        if (!location) throw fail.badRedirect();
        try {
          return { redirect: new URL(location, target.url) };
        } catch {
          throw fail.badRedirect();
        }
      }
      if (status < 200 || status >= 300) return await refuseStatus(status, res.headers, res.body);
      const type = parseContentType(header(res.headers, 'content-type'));
      const declared = kindOfType(type.mime);
      if (declared !== null && typeof declared === 'object') {
        discard(res.body);
        throw fail.unsupportedType(declared.refuse);
      }
      const length = Number(header(res.headers, 'content-length') ?? Number.NaN);
      if (Number.isFinite(length) && length > opts.maxBytes) {
        discard(res.body);
        throw fail.tooLarge(opts.maxBytes);
      }
      const raw = await readBody(res.body, header(res.headers, 'content-encoding'), opts.maxBytes);
      const kind = declared ?? sniffKind(raw);
      if (typeof kind === 'object') throw fail.unsupportedType(kind.refuse);
      const { text, charset } = decodeBody(raw, type.charset, kind === 'html');
      return { url: target.url.href, status, kind, charset, text };
    } finally {
      await agent.destroy().catch(() => undefined);
    }
  }

  async function follow(start: URL, signal: AbortSignal): Promise<FetchedPage> {
    const seen = new Set<string>();
    let current = start;
    for (let n = 0; ; n += 1) {
      const target = await abortable(checkHop(current, allowHosts, resolve, n > 0), signal);
      if (seen.has(target.url.href)) throw fail.redirectLoop();
      seen.add(target.url.href);
      const result = await hop(target, signal);
      if (!('redirect' in result)) return { ...result, redirects: n };
      if (n >= opts.maxRedirects) throw fail.tooManyRedirects(opts.maxRedirects);
      current = result.redirect;
    }
  }

  return async function safeFetch(rawUrl: string, signal?: AbortSignal): Promise<FetchedPage> {
    let start: URL;
    try {
      start = new URL(rawUrl);
    } catch {
      throw fail.invalidUrl();
    }
    if (start.protocol !== 'http:' && start.protocol !== 'https:') throw fail.invalidUrl();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new Error('deadline')), opts.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
    try {
      return await follow(start, combined);
    } catch (err) {
      const { error, unexpected } = toFetchError(err, {
        ...opts,
        deadline: deadline.signal.aborted,
        cancelled: signal?.aborted === true,
      });
      const detail = err instanceof Error ? err.message : String(err);
      if (unexpected) log?.warn({ host: start.host, err: detail }, 'fetch failed unexpectedly');
      else log?.debug({ host: start.host, code: error.code, err: detail }, 'fetch refused or failed');
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * The FetchErrors a journalist sees: a contract code and one plain sentence. Sentences never echo an
 * internal address, a stack trace or anything the person did not paste themselves.
 */
import { FetchError } from '../model/errors.js';

function mb(bytes: number): string {
  const v = bytes / (1024 * 1024);
  return v >= 1 ? `${Number.isInteger(v) ? v : v.toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
}

export const fail = {
  invalidUrl: () =>
    new FetchError('invalid_input', 'This is not a web address I can read (only http and https links).'),
  blocked: (redirected: boolean) =>
    new FetchError(
      'blocked_address',
      redirected
        ? 'The link redirected to a private or local network address, which I do not visit.'
        : 'This link points to a private or local network address, which I do not visit.',
    ),
  blockedScheme: () =>
    new FetchError(
      'blocked_address',
      'The link redirected to something that is not a web page (not http or https).',
    ),
  blockedPort: (port: number, redirected: boolean) =>
    new FetchError(
      'blocked_address',
      redirected
        ? 'The link redirected to an unusual network port; I only read pages on the standard web ports.'
        : `This link uses network port ${port}; I only read pages on the standard web ports (80 and 443).`,
    ),
  dnsNotFound: () =>
    new FetchError('not_found', 'The site in this link does not exist (its name could not be found).'),
  dnsFailed: () => new FetchError('unreadable', 'I could not look up the site in this link right now.'),
  timeout: (ms: number) =>
    new FetchError('timeout', `The site took longer than ${seconds(ms)} to send the page, so I gave up.`),
  connectTimeout: (ms: number) =>
    new FetchError('timeout', `The site did not accept a connection within ${seconds(ms)}.`),
  cancelled: () => new FetchError('timeout', 'Reading the page was cancelled before it finished.'),
  refused: () =>
    new FetchError('unreadable', 'The site refused the connection, so I could not read the page.'),
  connectionLost: () =>
    new FetchError('unreadable', 'The site closed the connection before sending the whole page.'),
  badCertificate: () =>
    new FetchError('unreadable', "The site's security certificate is not valid, so I did not read the page."),
  tooLarge: (limit: number) =>
    new FetchError('too_large', `The page is larger than ${mb(limit)}, so I did not read it.`),
  tooLargeDecoded: (limit: number) =>
    new FetchError('too_large', `The page unpacks to more than ${mb(limit)}, so I did not read it.`),
  unsupportedType: (what: string) =>
    new FetchError('unsupported_type', `The link points to ${what}, not a web page, so I could not read it.`),
  badEncoding: () =>
    new FetchError('unreadable', 'The site sent the page in a compression format I cannot read.'),
  redirectLoop: () =>
    new FetchError('unreadable', 'The page keeps redirecting in a loop, so I could not read it.'),
  tooManyRedirects: (max: number) =>
    new FetchError('unreadable', `The page redirected more than ${max} times, so I stopped following it.`),
  badRedirect: () =>
    new FetchError('unreadable', 'The site sent a broken redirect, so I could not read the page.'),
  notFound: (status: number) =>
    new FetchError('not_found', `The page does not exist (the site answered HTTP ${status}, "not found").`),
  httpStatus: (status: number) => new FetchError('http_status', statusSentence(status)),
  antiBot: () =>
    new FetchError(
      'unreadable',
      'The site showed an anti-bot check instead of the page, so I could not read it.',
    ),
  loginWall: () => new FetchError('unreadable', 'The page is behind a login wall, so I could not read it.'),
  paywall: () =>
    new FetchError(
      'unreadable',
      'The article is behind a paywall; I could only see its first lines, so I did not check it.',
    ),
  cookieWall: () =>
    new FetchError(
      'unreadable',
      'The site showed only a cookie consent screen instead of the page, so I could not read it.',
    ),
  softNotFound: () =>
    new FetchError('not_found', 'The site says this page does not exist ("page not found").'),
  empty: () => new FetchError('unreadable', 'The page has no readable text.'),
  telegramMissing: () =>
    new FetchError('not_found', 'This Telegram post does not exist any more, or its channel is not public.'),
  telegramPrivate: () =>
    new FetchError(
      'unreadable',
      'This is a post in a private Telegram channel, which only its members can read.',
    ),
  telegramNoText: () =>
    new FetchError(
      'unreadable',
      'This Telegram post has no text I can read (it may be only a photo or a video).',
    ),
  telegramNoPreview: () =>
    new FetchError(
      'unreadable',
      'Telegram did not show a public preview of this post, so I could not read it.',
    ),
  failed: () => new FetchError('unreadable', 'Something went wrong while reading the page.'),
};

function statusSentence(status: number): string {
  if (status === 401) return 'The site asks for a login to see this page (HTTP 401).';
  if (status === 403) return 'The site refused to show this page (HTTP 403).';
  if (status === 429) return 'The site is limiting requests right now (HTTP 429); try again later.';
  if (status === 451) return 'The site says this page is unavailable for legal reasons (HTTP 451).';
  if (status >= 500) return `The site had an error and did not send the page (HTTP ${status}).`;
  return `The site answered with HTTP ${status} instead of the page.`;
}

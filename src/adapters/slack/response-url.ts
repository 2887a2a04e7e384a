/**
 * Answers through a command's or a click's response_url, from any replica: the job carries the URL
 * (valid for 30 minutes, up to five answers), not Bolt's respond(). Only Slack's own hosts (or the
 * origin of SLACK_API_URL: GovSlack, a proxy, a test server) are ever posted to, although the URL
 * comes from a signed request. The URL is a credential: it is never logged.
 */
import type { RespondArguments } from '@slack/bolt';

/** How long Slack takes answers at a response_url. */
export const RESPONSE_URL_MS = 30 * 60_000;

const SLACK_HOSTS = /(^|\.)slack(-gov)?\.com$/;

export function responseUrlAllowed(url: string, apiUrl: string | null): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'https:' && SLACK_HOSTS.test(u.hostname)) return true;
  if (!apiUrl) return false;
  try {
    return new URL(apiUrl).origin === u.origin;
  } catch {
    return false;
  }
}

export type Respond = (body: RespondArguments) => Promise<void>;

/** A respond() for this response_url: rejects (so the job tries again) unless Slack took the answer. */
export function responseUrlPoster(url: string, apiUrl: string | null, timeoutMs = 10_000): Respond {
  return async (body) => {
    if (!responseUrlAllowed(url, apiUrl))
      throw new Error('the response_url is not a Slack address (nor SLACK_API_URL); not answering there');
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Slack says why in the body (expired_url, used_url…): short, and without the URL.
    const why = res.ok ? '' : (await res.text().catch(() => '')).slice(0, 60);
    if (!res.ok) throw new Error(`the response_url answered ${res.status}${why ? ` (${why})` : ''}`);
  };
}

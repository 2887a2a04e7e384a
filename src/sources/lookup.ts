/**
 * Which listed source published a link: by host (subdomains of a listed domain count, the most
 * specific listed domain wins) or, for Telegram links, by channel handle.
 */
import { HANDLE_SHAPE, type Source } from './schema.js';

/** Hosts that serve public Telegram channels: t.me/<handle>[/<post>] and t.me/s/<handle>[/<post>]. */
const TELEGRAM_HOSTS = new Set(['t.me', 'www.t.me', 'telegram.me', 'www.telegram.me']);

export interface SourceLookup {
  /** The source that published this URL, or null (also for text that is not a URL). */
  sourceForUrl(url: string): Source | null;
  sourceForHost(host: string): Source | null;
  sourceForTelegram(handle: string): Source | null;
}

export function createSourceLookup(sources: ReadonlyArray<Source>): SourceLookup {
  const byHost = new Map<string, Source>();
  const byHandle = new Map<string, Source>();
  for (const s of sources) {
    for (const d of s.domains) if (!byHost.has(d)) byHost.set(d, s);
    for (const h of s.telegram) if (!byHandle.has(h.toLowerCase())) byHandle.set(h.toLowerCase(), s);
  }

  const sourceForHost = (host: string): Source | null => {
    let h = host.toLowerCase().replace(/\.$/, '');
    for (;;) {
      const hit = byHost.get(h);
      if (hit) return hit;
      const dot = h.indexOf('.');
      if (dot < 0) return null;
      h = h.slice(dot + 1);
    }
  };

  const sourceForTelegram = (handle: string): Source | null =>
    byHandle.get(handle.replace(/^@/, '').toLowerCase()) ?? null;

  const sourceForUrl = (url: string): Source | null => {
    const parsed = parseUrl(url);
    if (!parsed) return null;
    const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
    if (TELEGRAM_HOSTS.has(host)) {
      const handle = telegramHandleOf(parsed.pathname);
      return handle ? sourceForTelegram(handle) : null;
    }
    return sourceForHost(host);
  };

  return { sourceForUrl, sourceForHost, sourceForTelegram };
}

/** The channel of a t.me path: "/rian_ru/123" and "/s/rian_ru/123" give "rian_ru". */
export function telegramHandleOf(pathname: string): string | null {
  const parts = pathname.split('/').filter((p) => p !== '');
  const name = parts[0] === 's' ? parts[1] : parts[0];
  return name !== undefined && HANDLE_SHAPE.test(name) ? name : null;
}

function parseUrl(text: string): URL | null {
  const t = text.trim();
  if (!t || /\s/.test(t)) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`;
  try {
    const u = new URL(withScheme);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

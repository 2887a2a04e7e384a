/** Query parameters shared by the desk's pages and its API routes, validated. */
import type { ReplyLang } from '../../pipeline/entry-card.js';

export const MAX_DAYS = 365;
export const DEFAULT_DAYS = 7;

export function replyLang(q: unknown): ReplyLang {
  return q === 'ru' || q === 'kk' ? q : 'en';
}

/** `?days=` (default 7) as a whole number from 1 to 365, or null. */
export function parseDays(q: unknown): number | null {
  if (q === undefined) return DEFAULT_DAYS;
  if (typeof q !== 'string' || !/^\d{1,3}$/.test(q)) return null;
  const n = Number(q);
  return n >= 1 && n <= MAX_DAYS ? n : null;
}

/** `?team=` as a workspace or guild id: absent → undefined, a usable id → it, anything else → null. */
export function parseTeam(q: unknown): string | undefined | null {
  if (q === undefined) return undefined;
  return typeof q === 'string' && /^[\w.:-]{1,100}$/.test(q) ? q : null;
}

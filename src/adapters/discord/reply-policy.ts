/**
 * How the core's Outgoing looks on Discord (pure): the quiet note's lines, the feedback buttons'
 * entry ids and the thread's name. What to post at all is decided by the conversation core.
 */
import type { Reply } from '../../model/reply.js';
import { plainLine } from '../../text/safe-text.js';
import { escapeMd, LIMITS, noUnfurl, truncate } from './limits.js';

/** One quiet line per link: the reason for a page that could not be read, else the verdict. */
export function noteText(reply: Reply): string {
  const lines = reply.items.map((item) => {
    if (item.status === 'error')
      return `${item.url ?? escapeMd(item.input)}: ${escapeMd(item.errorMessage ?? item.verdict)}`;
    return reply.items.length > 1
      ? `${escapeMd(item.title ?? item.url ?? item.input)}: ${escapeMd(item.verdict)}`
      : escapeMd(item.verdict);
  });
  return truncate(noUnfurl(lines.join('\n')), LIMITS.content);
}

/** The catalogue ids the alert names, alerting entries first: what the feedback buttons carry. */
export function alertEntryIds(reply: Reply): string[] {
  const alerting = reply.items.flatMap((i) => i.entries.filter((e) => e.alerting).map((e) => e.id));
  const others = reply.items.flatMap((i) => i.entries.map((e) => e.id));
  return [...new Set([...alerting, ...others])];
}

/** A thread name (1–100 characters) from the verdict's entry or the article's title. */
export function threadName(reply: Reply): string {
  const alerting = reply.items.find((i) => i.alert);
  const top = alerting?.entries.find((e) => e.alerting) ?? alerting?.entries[0];
  const first = reply.items[0];
  const raw = top
    ? `⚠️ Known ${top.kind}: ${top.title}`
    : `Link check: ${first?.title ?? hostOf(first?.url ?? null) ?? 'pasted link'}`;
  return truncate(plainLine(raw), LIMITS.threadName) || 'Link check';
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * What to post in a channel for a pasted link (pure). The same rules as Slack:
 * - an alert (some match promotes, or is unclear, above the threshold): the full reply with buttons;
 * - an article that only reports on or debunks a narrative: silence, or a quiet note when
 *   NON_ALERT_REPLY=note;
 * - a page that could not be read: one short line, only when REPLY_ON_UNREADABLE is on;
 * - nothing found: silence.
 */
import type { Config } from '../../config.js';
import type { Reply } from '../../core/reply.js';
import { plainLine } from '../../core/safe-text.js';
import { escapeMd, LIMITS, noUnfurl, truncate } from './limits.js';

export type ChannelPlan =
  | { kind: 'silent'; reason: string }
  | { kind: 'alert' }
  | { kind: 'note'; text: string };

export function planChannelReply(
  reply: Reply,
  config: Pick<Config, 'nonAlertReply' | 'replyOnUnreadable'>,
): ChannelPlan {
  if (reply.alert) return { kind: 'alert' };
  const lines: string[] = [];
  for (const item of reply.items) {
    if (item.status === 'error') {
      if (config.replyOnUnreadable)
        lines.push(
          `${item.url ?? escapeMd(item.input)}: ${escapeMd(item.errorMessage ?? 'I could not read this page.')}`,
        );
    } else if (item.entries.length > 0 && config.nonAlertReply === 'note') {
      lines.push(
        reply.items.length > 1
          ? `${escapeMd(item.title ?? item.url ?? item.input)}: ${escapeMd(item.verdict)}`
          : escapeMd(item.verdict),
      );
    }
  }
  if (lines.length === 0) {
    const reason = reply.items.some((i) => i.entries.length > 0)
      ? 'no alert: reports on or debunks'
      : reply.items.some((i) => i.status === 'error')
        ? 'page could not be read'
        : 'nothing found';
    return { kind: 'silent', reason };
  }
  return { kind: 'note', text: truncate(noUnfurl(lines.join('\n')), LIMITS.content) };
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

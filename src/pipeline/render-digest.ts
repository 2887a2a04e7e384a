/**
 * The digest as text, in the reply language, for a target's markup: plain text (the command line),
 * Slack mrkdwn or Discord markdown (the adapters pass their style). Page titles come from the web
 * and entry titles from the catalogue: both go through the style's `text`, so they cannot format,
 * link or mention anything.
 */
import type { Digest, DigestEntry } from '../model/digest.js';
import type { ReplyLang } from '../model/types.js';
import { digestPhrases } from '../lang/phrases/digest.js';
import { plainLine } from '../text/safe-text.js';

export interface DigestStyle {
  /** Untrusted text made inert in the target. */
  text(s: string): string;
  /** Our own fixed text as the target must receive it (Slack: `&`, `<`, `>` escaped). */
  own(s: string): string;
  bold(safe: string): string;
  code(safe: string): string;
  /** A link to `url` (http(s) only; anything else shows the label alone) labelled with untrusted text. */
  link(url: string, label: string): string;
  /** Starts a link line under an entry. */
  bullet: string;
  /** Starts the counts line under an entry. */
  indent: string;
}

export const PLAIN_DIGEST: DigestStyle = {
  text: plainLine,
  own: (s) => s,
  bold: (s) => s,
  code: (s) => s,
  link: (url, label) => (label ? `${plainLine(label)} — ${plainLine(url)}` : plainLine(url)),
  bullet: '   - ',
  indent: '   ',
};

export interface DigestParts {
  heading: string;
  /** Totals and feedback. */
  summary: string[];
  /** One block of lines per entry shown. */
  entries: string[];
  /** "…and N more entries", when some were left out. */
  more: string | null;
}

export interface DigestLimits {
  /** Entries shown (default: all). */
  maxEntries?: number;
  /** Links shown per entry (default: all the digest has). */
  maxLinks?: number;
}

const DAY_MS = 24 * 3_600_000;

function entryBlock(
  e: DigestEntry,
  i: number,
  lang: ReplyLang,
  style: DigestStyle,
  maxLinks: number,
): string {
  const p = digestPhrases(lang);
  const lines = [
    `${i + 1}. ${style.bold(style.text(e.title))} (${style.code(style.text(e.id))})`,
    `${style.indent}${style.own(p.entry(e.checks, e.alerts, e.reports, e.debunks))}`,
  ];
  for (const l of e.links.slice(0, maxLinks)) {
    lines.push(`${style.bullet}${style.link(l.url, l.title ?? '')} · ${style.own(l.at.slice(0, 10))}`);
  }
  return lines.join('\n');
}

export function digestParts(
  d: Digest,
  lang: ReplyLang,
  style: DigestStyle,
  limits: DigestLimits = {},
): DigestParts {
  const p = digestPhrases(lang);
  // Calendar days: the window starts at midnight UTC and ends now, today counted.
  const days = Math.max(1, Math.ceil((Date.parse(d.to) - Date.parse(d.from)) / DAY_MS));
  const shown = d.entries.slice(0, limits.maxEntries ?? d.entries.length);
  const maxLinks = limits.maxLinks ?? Number.POSITIVE_INFINITY;
  const left = d.entries.length - shown.length;
  return {
    heading: style.bold(style.own(p.heading(days, d.from.slice(0, 10), d.to.slice(0, 10)))),
    summary: [
      style.own(p.totals(d.checks, d.alerts, d.unreadable)),
      style.own(p.feedback(d.feedback.helpful, d.feedback.wrong)),
      ...(d.entries.length === 0 ? [style.own(p.none)] : []),
    ],
    entries: shown.map((e, i) => entryBlock(e, i, lang, style, maxLinks)),
    more: left > 0 ? style.own(p.moreEntries(left)) : null,
  };
}

/** The whole digest as one text (the command line: every entry and link). */
export function renderDigestText(
  d: Digest,
  lang: ReplyLang = 'en',
  style: DigestStyle = PLAIN_DIGEST,
  limits: DigestLimits = {},
): string {
  const parts = digestParts(d, lang, style, limits);
  return [
    parts.heading,
    ...parts.summary,
    ...(parts.entries.length ? ['', parts.entries.join('\n\n')] : []),
    ...(parts.more ? ['', parts.more] : []),
  ].join('\n');
}

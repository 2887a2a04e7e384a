/**
 * `/claimcheck missed <link> <entry-id> [sentence]` → the parts of a "Missed a narrative?" report.
 * Pure. The link and the id may come in either order; everything after them is the sentence.
 * Checking them (a real link, a known id) is answer-missed.ts's work.
 */
import { extractLinks } from '../links/extract-links.js';

const hasLinks = (text: string): boolean => extractLinks(text, [], 1).links.length > 0;

export interface MissedRequest {
  kind: 'missed';
  link: string | null;
  entryId: string | null;
  sentence: string | null;
}

/** A Slack link `<url|label with spaces>` is one token; otherwise tokens are split on spaces. */
const TOKEN = /^\s*(<[^>]*>|\S+)/;

function take(text: string): [string | null, string] {
  const m = TOKEN.exec(text);
  if (!m?.[1]) return [null, ''];
  return [m[1], text.slice(m[0].length)];
}

/** `text` is what follows the word "missed". */
export function parseMissed(text: string): MissedRequest {
  const [first, afterFirst] = take(text);
  const [second, rest] = take(afterFirst);
  const firstIsLink = first !== null && hasLinks(first);
  const secondIsLink = !firstIsLink && second !== null && hasLinks(second);
  const link = firstIsLink ? first : secondIsLink ? second : null;
  // Without a link the first word is still read as the id, so the answer can say what is missing.
  const entryId = firstIsLink ? second : secondIsLink ? first : first;
  const sentence = (link ? rest : afterFirst).trim() || null;
  return { kind: 'missed', link, entryId, sentence };
}

/** Whether a command's text is a missed report ("missed …"), in any letter case. */
export function isMissed(text: string): boolean {
  return /^missed(\s|$)/i.test(text.trim());
}

export function missedText(text: string): string {
  return text.trim().replace(/^missed/i, '');
}

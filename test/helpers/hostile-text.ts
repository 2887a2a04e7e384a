/** Hostile strings as an article (or a model, or a user) could supply them, and a Reply full of them. */
import type { Reply, ReplyEntry, ReplyItem } from '../../src/model/reply.js';

/** Every bidi, direction-mark and zero-width control the chat renderers must drop. */
export const CONTROLS = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085',
  '\u009B',
] as const;

/** Matches any of CONTROLS. */
export const ANY_CONTROL = new RegExp(`[${CONTROLS.join('')}]`, 'u');

/** A title that reverses itself, hides characters, formats, links and pings. */
export const HOSTILE =
  `${CONTROLS.join('')}\u202Efdp.exe\u202C *URGENT* _now_ ~gone~ \`code\` <!channel> <@U123> @here @everyone ` +
  '[click](https://evil.example) ||spoiler|| <https://evil.example|bank>\n# Heading\n> quoted\n- item\n1. first';

export function hostileEntry(over: Partial<ReplyEntry> = {}): ReplyEntry {
  return {
    id: 'nato-centre',
    kind: 'claim',
    title: `Entry ${HOSTILE}`,
    rating: 'false',
    context: `Context ${HOSTILE}`,
    parent: { id: 'parent', title: `Parent ${HOSTILE}` },
    denials: [
      {
        who: `Ministry ${HOSTILE}`,
        type: 'official',
        date: '2024-01-01',
        url: 'https://gov.example/denial',
        via: `Site ${HOSTILE}`,
        quote: `Quote ${HOSTILE}`,
      },
    ],
    noOfficialDenial: null,
    stance: 'promotes',
    confidence: 0.9,
    method: 'lexical',
    evidence: `Evidence ${HOSTILE}`,
    alerting: true,
    ...over,
  };
}

export function hostileItem(over: Partial<ReplyItem> = {}): ReplyItem {
  return {
    input: 'https://news.example/a',
    url: 'https://news.example/a',
    title: `Title ${HOSTILE}`,
    status: 'ok',
    errorMessage: null,
    alert: true,
    verdict: `This article repeats a known false claim: Entry ${HOSTILE}.`,
    entries: [hostileEntry()],
    notes: [`Possibly a new narrative, not in the catalogue: ${HOSTILE}`],
    ...over,
  };
}

export function hostileReply(
  items: ReplyItem[] = [hostileItem(), hostileItem({ input: 'b', url: 'https://news.example/b' })],
): Reply {
  return {
    lang: 'en',
    alert: true,
    headline: `This article repeats a known false claim: Entry ${HOSTILE}.`,
    items,
    skippedLinks: 0,
    catalogueVersion: 'test-1',
  };
}

/**
 * What an alert the bot posted said, kept by the reply's id: per link, the address, its language
 * and, per entry, the quote that matched. A "Wrong match" vote stores only the reply's id; `claims
 * suggest` finds the vote's link and quote here to write a `no_match` example. Kept a year.
 */
import { z } from 'zod';
import type { KeyValueStore } from '../model/ports.js';
import type { CheckDetails } from '../model/types.js';

export interface ReplyFacts {
  links: Array<{
    url: string | null;
    language: string | null;
    entries: Array<{ id: string; quote: string | null }>;
  }>;
}

const factsSchema = z.object({
  links: z.array(
    z.object({
      url: z.string().nullable(),
      language: z.string().nullable(),
      entries: z.array(z.object({ id: z.string(), quote: z.string().nullable() })),
    }),
  ),
});

const YEAR_MS = 365 * 24 * 3_600_000;

export interface ReplyRef {
  platform: string;
  channelId: string;
  /** The posted message's id (Slack ts, Discord snowflake): what a vote names as its messageId. */
  replyId: string;
}

export function factsKey(r: ReplyRef): string {
  return `reply:facts:${r.platform}:${r.channelId}:${r.replyId}`;
}

/** The facts of some checks: links (the final URL, else the input when it is a link) and first quotes. */
export function factsOf(details: readonly CheckDetails[]): ReplyFacts {
  return {
    links: details.map((d) => ({
      url: d.result.url ?? (/^https?:\/\//i.test(d.result.input) ? d.result.input : null),
      language: d.result.language,
      entries: d.result.matches.map((m) => ({ id: m.id, quote: m.evidence[0]?.quote ?? null })),
    })),
  };
}

export class ReplyFactsStore {
  constructor(private readonly store: KeyValueStore) {}

  async remember(ref: ReplyRef, details: readonly CheckDetails[]): Promise<void> {
    await this.store.set(factsKey(ref), factsOf(details), YEAR_MS);
  }

  async read(ref: ReplyRef): Promise<ReplyFacts | null> {
    const parsed = factsSchema.safeParse(await this.store.get<unknown>(factsKey(ref)));
    return parsed.success ? parsed.data : null;
  }
}

/**
 * The "Missed a narrative?" button carries only a key: what the form is filled in with is stored
 * here for a month (the link of the answer, and for a private note the unsure entry and its quote,
 * so a journalist who agrees only presses Send). Platform-neutral; the adapters render the form.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { KeyValueStore } from '../model/ports.js';
import type { Reply } from '../model/reply.js';

export interface MissedOffer {
  link: string | null;
  entryId: string | null;
  sentence: string | null;
}

const offerSchema = z.object({
  link: z.string().nullable(),
  entryId: z.string().nullable(),
  sentence: z.string().nullable(),
});

const OFFER_TTL_MS = 30 * 24 * 3_600_000;
const KEY = /^[0-9a-f-]{36}$/;

export function offerKey(key: string): string {
  return `missed:offer:${key}`;
}

/** What the form starts with: the first link, and (`prefill`) the first entry with its quote. */
export function offerOf(reply: Reply, prefill: boolean): MissedOffer {
  const item = reply.items.find((i) => i.url !== null) ?? reply.items[0];
  const link = item?.url ?? (item && /^https?:\/\//i.test(item.input) ? item.input : null);
  const top = prefill ? item?.entries[0] : undefined;
  return { link, entryId: top?.id ?? null, sentence: top?.evidence ?? null };
}

/** Stores the offer; the key goes in the button (a Slack value, a Discord custom id). */
export async function saveOffer(store: KeyValueStore, offer: MissedOffer): Promise<string> {
  const key = randomUUID();
  await store.set(offerKey(key), offer, OFFER_TTL_MS);
  return key;
}

/** The offer for a button's key; an empty form when it expired or the key is not one of ours. */
export async function readOffer(store: KeyValueStore, key: string | null | undefined): Promise<MissedOffer> {
  const empty: MissedOffer = { link: null, entryId: null, sentence: null };
  if (!key || !KEY.test(key)) return empty;
  const parsed = offerSchema.safeParse(await store.get<unknown>(offerKey(key)));
  return parsed.success ? parsed.data : empty;
}

/** Whether a string looks like an offer key (what a button may carry). */
export function isOfferKey(key: string): boolean {
  return KEY.test(key);
}

/**
 * "Missed a narrative?" reports: what a journalist says should have matched (a link, a catalogue
 * entry, and the sentence when they gave one), with where and when. One report per user, link and
 * entry: a later one replaces it. Kept a year, like feedback votes; read by `claims suggest`.
 * The link is stored as text and never fetched.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Clock, KeyValueStore } from '../model/ports.js';
import { systemClock } from '../model/ports.js';

export interface MissedReport {
  platform: 'slack' | 'discord' | 'http';
  teamId: string | null;
  channelId: string;
  userId: string;
  /** The article the journalist means, as they gave it (normalized); never fetched. */
  link: string;
  /** A catalogue id (validated before it is stored). */
  entryId: string;
  /** The sentence(s) that should have matched, when the journalist gave them. */
  sentence: string | null;
}

export type StoredMissed = MissedReport & { at: string };

const storedSchema = z.object({
  platform: z.enum(['slack', 'discord', 'http']),
  teamId: z.string().nullable(),
  channelId: z.string(),
  userId: z.string(),
  link: z.string(),
  entryId: z.string(),
  sentence: z.string().nullable(),
  at: z.string(),
});

const INDEX_KEY = 'missed:index';
const YEAR_MS = 365 * 24 * 3_600_000;
const MAX_INDEX = 10_000;

export function missedKey(r: Pick<MissedReport, 'platform' | 'userId' | 'link' | 'entryId'>): string {
  const link = createHash('sha256').update(r.link).digest('hex').slice(0, 24);
  return `missed:report:${r.platform}:${r.userId}:${r.entryId}:${link}`;
}

export class MissedStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly clock: Clock = systemClock,
  ) {}

  async record(report: MissedReport): Promise<StoredMissed> {
    const key = missedKey(report);
    const stored: StoredMissed = { ...report, at: this.clock.now().toISOString() };
    await this.store.set(key, stored, YEAR_MS);
    const index = (await this.store.get<string[]>(INDEX_KEY)) ?? [];
    if (!index.includes(key)) {
      index.push(key);
      await this.store.set(INDEX_KEY, index.slice(-MAX_INDEX), YEAR_MS);
    }
    return stored;
  }

  /** Every report still kept, oldest first; malformed records are skipped. */
  async list(): Promise<StoredMissed[]> {
    const index = (await this.store.get<string[]>(INDEX_KEY)) ?? [];
    const out: StoredMissed[] = [];
    for (const key of index) {
      const parsed = storedSchema.safeParse(await this.store.get<unknown>(key));
      if (parsed.success) out.push(parsed.data);
    }
    return out.sort((a, b) => a.at.localeCompare(b.at));
  }
}

/**
 * The weekly digest, posted to the channel each workspace or guild chose (`settings digest
 * #channel weekly`). croner runs `tick` every hour; a tick posts the digests that are due: from
 * Monday 04:00 UTC (09:00 in Astana and Almaty) for a day, so a process that was down at that
 * hour still posts when it is back. However many replicas tick, each (workspace, week) is posted
 * once: the store's atomic once-marker decides who posts, and a failed post gives the marker back
 * so the next tick (here or on another replica) tries again.
 */
import { Cron } from 'croner';
import type { Digest } from '../model/digest.js';
import type { Clock, KeyValueStore, Logger } from '../model/ports.js';
import type { ReplyLang } from '../model/types.js';
import type { DigestSource } from '../pipeline/digest-service.js';
import type { Platform, SettingsStore } from './settings.js';

/** Posts a digest to a channel of a workspace or guild (the adapter renders it). */
export type DigestPoster = (
  target: { teamId: string; channelId: string },
  digest: Digest,
  lang: ReplyLang,
) => Promise<void>;

export interface TickReport {
  posted: number;
  /** Already posted this week (by this or another replica). */
  already: number;
  failed: number;
}

export interface DigestSchedule {
  /** How this process posts on a platform; a replica without it leaves that platform to others. */
  register(platform: Platform, poster: DigestPoster): void;
  /** Posts the digests due at `now` (the cron calls it; tests call it directly). */
  tick(now?: Date): Promise<TickReport>;
  start(): void;
  stop(): void;
}

export interface ScheduleDeps {
  store: KeyValueStore;
  settings: SettingsStore;
  digest: DigestSource;
  logger: Logger;
  clock: Clock;
}

/** Every hour on the hour (croner pattern); tests pass a faster one. */
export const DIGEST_TICK_CRON = '0 * * * *';
/** Monday 04:00 UTC, from the start of the ISO week. */
const POST_AT_MS = 4 * 3_600_000;
const DUE_FOR_MS = 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;
/** Longer than a week, so a marker outlives its week's due window. */
const MARKER_TTL_MS = 14 * DAY_MS;

/** Monday 00:00 UTC of the week of `now`. */
export function weekStart(now: Date): Date {
  const day = (now.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - day * DAY_MS);
}

/** The week whose digest is due at `now`, or null outside the posting window. */
export function duePeriod(now: Date): string | null {
  const start = weekStart(now);
  const since = now.getTime() - start.getTime() - POST_AT_MS;
  if (since < 0 || since >= DUE_FOR_MS) return null;
  return start.toISOString().slice(0, 10);
}

export function postedMarker(platform: Platform, teamId: string, period: string): string {
  return `digest:posted:${platform}:${teamId}:${period}`;
}

export function createDigestSchedule(deps: ScheduleDeps, opts: { cron?: string } = {}): DigestSchedule {
  const posters = new Map<Platform, DigestPoster>();
  const log = deps.logger.child({ part: 'digest-schedule' });
  let job: Cron | null = null;

  async function postOne(platform: Platform, teamId: string, period: string, now: Date) {
    const poster = posters.get(platform);
    if (!poster) return 'skipped' as const;
    const s = await deps.settings.read(platform, teamId);
    if (!s.digest) return 'skipped' as const;
    const channelId = s.digest.channelId;
    const key = postedMarker(platform, teamId, period);
    if (!(await deps.store.setIfAbsent(key, { at: now.toISOString() }, MARKER_TTL_MS)))
      return 'already' as const;
    try {
      const lang = s.channelLanguages[channelId] ?? s.language;
      const digest = await deps.digest({ days: 7, teamId, now, lang });
      await poster({ teamId, channelId }, digest, lang);
      log.info({ platform, teamId, channelId, period, checks: digest.checks }, 'weekly digest posted');
      return 'posted' as const;
    } catch (err) {
      await deps.store.delete(key);
      log.warn(
        { platform, teamId, channelId, period, err: err instanceof Error ? err.message : String(err) },
        'could not post the weekly digest; the next tick tries again',
      );
      return 'failed' as const;
    }
  }

  async function tick(at?: Date): Promise<TickReport> {
    const now = at ?? deps.clock.now();
    const report: TickReport = { posted: 0, already: 0, failed: 0 };
    const period = duePeriod(now);
    if (!period) return report;
    for (const t of await deps.settings.digestTargets()) {
      if (t.scope === null) continue;
      const r = await postOne(t.platform, t.scope, period, now);
      if (r !== 'skipped') report[r] += 1;
    }
    return report;
  }

  return {
    register(platform, poster) {
      posters.set(platform, poster);
    },
    tick,
    start() {
      if (job) return;
      job = new Cron(opts.cron ?? DIGEST_TICK_CRON, { timezone: 'UTC', protect: true, unref: true }, () =>
        tick().then(
          () => undefined,
          (err: unknown) => log.warn({ err: String(err) }, 'the digest tick failed'),
        ),
      );
    },
    stop() {
      job?.stop();
      job = null;
    },
  };
}

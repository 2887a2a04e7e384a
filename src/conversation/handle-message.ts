/**
 * handleMessage: the one conversation rule for every chat platform.
 * links (the real extractor; for an edit, only the links it added) → once-marker (platform,
 * workspace, channel, message, link set) → check → reply plan (alert / quiet note / private note
 * for an unsure match / silent) → compose in the channel's language → post through the
 * ChatTransport (the private note to the poster only, where the platform can). When the check or
 * the post fails, the marker is released so that a re-delivery (or a retry of the job) is answered; when
 * the check failed, the neutral line is posted (on the last try only, when there are retries).
 * Never throws: the outcome says what happened.
 */
import type { CheckService } from '../model/check-service.js';
import type { CheckDetails } from '../model/types.js';
import type { HistoryStore } from '../model/history.js';
import type { Clock, KeyValueStore, Logger } from '../model/ports.js';
import { extractLinks } from '../links/extract-links.js';
import { neutralError } from '../lang/phrases/index.js';
import { ReplyFactsStore } from '../store/reply-facts.js';
import { offerOf, saveOffer } from './missed-offer.js';
import { claimOnce } from './once-markers.js';
import { recordMessageChecks } from './record-message.js';
import type { ChatEvent, ChatTransport, Posted } from './ports.js';
import { planReply } from './reply-plan.js';
import type { SettingsStore } from './settings.js';

export interface ConversationDeps {
  service: CheckService;
  store: KeyValueStore;
  settings: SettingsStore;
  logger: Logger;
  clock: Clock;
  /** NOTE_THRESHOLD: unsure matches at or above it get a private note; absent, none do. */
  noteThreshold?: number;
  /** Where each link checked is recorded for the digest (#15); nothing is recorded without it. */
  history?: HistoryStore | undefined;
}

export type Outcome =
  | { outcome: 'ignored'; reason: 'no links' | 'no new links' }
  | { outcome: 'duplicate' }
  | { outcome: 'silent'; reason: string; links: number }
  | { outcome: 'alert' | 'note'; links: number; replyId: string | null }
  | { outcome: 'failed'; stage: 'check' | 'post'; error: unknown };

/** The links this event asks about: all of a new message's; only the added ones of an edit. */
export function linksToCheck(
  event: ChatEvent,
  max: number,
): { links: string[]; skipped: number; edit: boolean } {
  const now = extractLinks(event.message.text, event.message.extraLinks, Number.POSITIVE_INFINITY).links;
  const before = event.before
    ? new Set(extractLinks(event.before.text, event.before.extraLinks, Number.POSITIVE_INFINITY).links)
    : null;
  const fresh = before ? now.filter((l) => !before.has(l)) : now;
  return { links: fresh.slice(0, max), skipped: Math.max(0, fresh.length - max), edit: before !== null };
}

/** What a log line says of an error: its message, and the HTTP status or code it carries. */
export function errorFields(err: unknown): { error: string; status?: number; code?: string | number } {
  if (!(err instanceof Error)) return { error: String(err) };
  const out: { error: string; status?: number; code?: string | number } = { error: err.message };
  if ('status' in err && typeof err.status === 'number') out.status = err.status;
  if ('code' in err && (typeof err.code === 'string' || typeof err.code === 'number')) out.code = err.code;
  return out;
}

const POSTED_TTL_MS = 30 * 24 * 3_600_000;

export interface HandleOptions {
  /** False while the job queue will try again: the neutral line waits for the last try. */
  lastTry?: boolean;
  /**
   * Set when the event runs as a durable job: the queue already made its key unique (no
   * once-marker); the post is made idempotent instead, so a job run again after a crash between
   * posting and recording does not post twice (see posting below).
   */
  job?: { key: string };
}

/** Where a durable job records the reply it posted (read before posting again). */
export function postedKey(jobKey: string): string {
  return `posted:${jobKey}`;
}

export async function handleMessage(
  event: ChatEvent,
  transport: ChatTransport,
  deps: ConversationDeps,
  opts: HandleOptions = {},
): Promise<Outcome> {
  const msg = event.message;
  const log = deps.logger.child({ platform: msg.platform, channel: msg.channelId, message: msg.messageId });
  const { links, skipped, edit } = linksToCheck(event, deps.service.maxLinksPerMessage);
  if (links.length === 0) {
    const reason = edit ? 'no new links' : 'no links';
    log.debug({ outcome: 'ignored', reason }, 'no links to check');
    return { outcome: 'ignored', reason };
  }
  const marker = opts.job
    ? { key: opts.job.key, release: async () => {} }
    : await claimOnce(deps.store, msg, links, deps.clock.now());
  if (!marker) {
    log.info({ outcome: 'duplicate' }, 'these links were already answered');
    return { outcome: 'duplicate' };
  }
  const settings = await deps.settings.forChannel(
    msg.platform === 'discord' ? 'discord' : 'slack',
    msg.teamId,
    msg.channelId,
  );
  let stage: 'check' | 'post' = 'check';
  try {
    const details = await deps.service.checkLinks(links);
    const plan = planReply(details, settings, {
      ...(deps.noteThreshold === undefined ? {} : { noteThreshold: deps.noteThreshold }),
      privateNotes: transport.postToUser !== undefined,
    });
    const record = (shown: readonly CheckDetails[]) =>
      recordMessageChecks(deps, msg, marker.key, details, shown, deps.service.catalogue().version);
    if (plan.kind === 'silent') {
      await record([]);
      log.info(
        { outcome: 'silent', reason: plan.reason, links: links.length, edit },
        'checked, nothing to say',
      );
      return { outcome: 'silent', reason: plan.reason, links: links.length };
    }
    const reply = deps.service.compose(plan.details, { skipped, lang: settings.language });
    stage = 'post';
    if (opts.job) {
      // Posted by an earlier try of this job (recorded, or found in the thread when the process died
      // between posting and recording): not again.
      const recorded = await deps.store.get<{ id: string | null }>(postedKey(opts.job.key));
      const found = recorded ?? (transport.findOwn ? await transport.findOwn(msg, opts.job.key) : null);
      if (found) {
        if (!recorded) await deps.store.set(postedKey(opts.job.key), found, POSTED_TTL_MS);
        await record(plan.details);
        log.info({ outcome: 'duplicate', replyId: found.id }, 'already answered by an earlier try');
        return { outcome: 'duplicate' };
      }
    }
    const key = opts.job ? { key: opts.job.key } : {};
    let posted: Posted;
    if (plan.kind === 'unsure') {
      const offer = await saveOffer(deps.store, offerOf(reply, true));
      const note = { kind: 'unsure', reply, lang: settings.language, offer, ...key } as const;
      posted = transport.postToUser
        ? await transport.postToUser(msg, msg.authorId, note)
        : await transport.post(msg, note);
    } else {
      posted = await transport.post(msg, { kind: plan.kind, reply, lang: settings.language, ...key });
    }
    // What the alert said, for the "Wrong match" votes under it (claims suggest); best effort.
    if (plan.kind === 'alert' && posted.id)
      await new ReplyFactsStore(deps.store)
        .remember(
          { platform: msg.platform, channelId: posted.channelId ?? msg.channelId, replyId: posted.id },
          plan.details,
        )
        .catch((err: unknown) => log.warn({ err: String(err) }, 'could not keep what the alert said'));
    if (opts.job) await deps.store.set(postedKey(opts.job.key), { id: posted.id }, POSTED_TTL_MS);
    await record(plan.details);
    log.info(
      {
        outcome: plan.kind === 'unsure' ? 'note' : plan.kind,
        ...(plan.kind === 'unsure' ? { note: transport.postToUser ? 'private' : 'thread' } : {}),
        links: links.length,
        edit,
        replyId: posted.id,
        ...(posted.where ? { where: posted.where } : {}),
      },
      'replied in thread',
    );
    return { outcome: plan.kind === 'unsure' ? 'note' : plan.kind, links: links.length, replyId: posted.id };
  } catch (error) {
    await marker
      .release()
      .catch((err: unknown) => log.warn({ err: String(err) }, 'could not release the once-marker'));
    log.error({ outcome: 'failed', stage, ...errorFields(error) }, 'could not answer a message');
    if (stage === 'check' && opts.lastTry !== false) {
      try {
        await transport.post(msg, {
          kind: 'error',
          text: neutralError(settings.language),
          lang: settings.language,
        });
      } catch (err) {
        log.error(
          { err: err instanceof Error ? err.message : String(err) },
          'could not post the neutral line either',
        );
      }
    }
    return { outcome: 'failed', stage, error };
  }
}

/**
 * Slash commands and buttons as durable jobs (chat-jobs.ts runs messages). The adapter translates
 * the platform's event into an InteractionEvent: what was asked (a parsed command, a feedback vote,
 * or one of the adapter's own buttons), who asked where, and where the answer goes (a response_url,
 * an interaction token: the adapter's business, opaque here). It stores the event as a job keyed by
 * the event's identity, so a re-delivery on any replica adds nothing; any replica's worker then runs
 * runInteraction: the same core functions as inline (answerCommand, answerFeedback), answered
 * through the InteractionTransport the adapter builds for the event. Never throws.
 */
import type { KeyValueStore } from '../model/ports.js';
import type { ReplyLang } from '../model/types.js';
import { neutralError } from '../lang/phrases/index.js';
import type { FeedbackStore, FeedbackVerdict } from '../store/feedback.js';
import { answerFeedback } from './answer-button.js';
import { answerCommand, type CommandAnswer, type CommandDeps } from './answer-command.js';
import { errorFields } from './handle-message.js';
import type { CommandRequest } from './parse-command.js';
import type { Platform } from './settings.js';

/** What the person asked for. */
export type Ask =
  /** `admin`: whether they administer the workspace when the event says so (Discord), else null. */
  | { kind: 'command'; request: CommandRequest; admin: boolean | null }
  /** "Helpful" / "Wrong match" under the bot's reply `messageId`. */
  | { kind: 'feedback'; messageId: string; entryIds: string[]; verdict: FeedbackVerdict }
  /** A button that is the adapter's own mechanics (e.g. Share in channel): the core only makes it durable. */
  | { kind: 'own'; action: string; data: unknown };

export interface InteractionEvent {
  platform: Platform;
  /** The platform's identity of this delivery (Slack trigger_id, Discord interaction id…): one job per id. */
  id: string;
  teamId: string | null;
  channelId: string;
  userId: string;
  ask: Ask;
  /** Where the answer goes, in the adapter's own terms (JSON). It is a credential: never logged. */
  reply: unknown;
  /** The last moment the platform takes an answer (ISO 8601): a job run later answers nothing. */
  answerBy: string;
}

export type InteractionOut =
  | { kind: 'command'; answer: CommandAnswer }
  | { kind: 'thanks'; text: string }
  /** The one neutral line, when answering failed on our side (on the last try). */
  | { kind: 'error'; text: string; lang: ReplyLang };

/** What the core needs from the platform to answer one interaction; the adapter builds it per event. */
export interface InteractionTransport {
  /** Asks the platform whether the person administers the workspace or guild (when the event did not say). */
  isPlatformAdmin(): Promise<boolean>;
  /** Shows the answer to the person who asked (only to them, where the platform can). */
  answer(out: InteractionOut): Promise<void>;
  /** Does what one of the adapter's own buttons asks. */
  own?(action: string, data: unknown): Promise<void>;
}

export type InteractionTransportFor = (
  event: InteractionEvent,
  job: { key: string },
) => Promise<InteractionTransport>;

export interface InteractionDeps extends CommandDeps {
  store: KeyValueStore;
  feedback: FeedbackStore;
}

export type InteractionOutcome =
  | { outcome: 'answered'; answer: string }
  | { outcome: 'duplicate' }
  | { outcome: 'expired' }
  | { outcome: 'failed'; error: unknown };

/** The job key of an interaction: platform, what it is, the platform's identity of the delivery. */
export function interactionKey(e: Pick<InteractionEvent, 'platform' | 'id' | 'ask'>): string {
  return `${e.platform}:${e.ask.kind === 'command' ? 'command' : 'button'}:${e.id}`;
}

/** Where a job records that it answered (read before answering again). */
export function answeredKey(jobKey: string): string {
  return `answered:${jobKey}`;
}

/** Longer than any platform keeps an answer address open (Slack 30 min, Discord 15 min). */
const ANSWERED_TTL_MS = 2 * 3_600_000;

export interface InteractionOptions {
  /** False while the job queue will try again: the neutral line waits for the last try. */
  lastTry?: boolean;
  /** Set when the event runs as a durable job: an answer recorded by an earlier try is not given again. */
  job?: { key: string };
}

async function decide(
  event: InteractionEvent,
  transport: InteractionTransport,
  deps: InteractionDeps,
  lang: ReplyLang,
): Promise<InteractionOut | null> {
  const ask = event.ask;
  switch (ask.kind) {
    case 'command': {
      const admin = ask.admin;
      const answer = await answerCommand(
        ask.request,
        {
          platform: event.platform,
          teamId: event.teamId,
          channelId: event.channelId,
          userId: event.userId,
          isPlatformAdmin: admin === null ? () => transport.isPlatformAdmin() : async () => admin,
        },
        deps,
      );
      return { kind: 'command', answer };
    }
    case 'feedback': {
      const { text } = await answerFeedback(
        {
          platform: event.platform,
          teamId: event.teamId,
          channelId: event.channelId,
          messageId: ask.messageId,
          entryIds: ask.entryIds,
          verdict: ask.verdict,
          userId: event.userId,
        },
        deps,
        lang,
      );
      return { kind: 'thanks', text };
    }
    case 'own':
      if (!transport.own) throw new Error(`no ${event.platform} handler for the button ${ask.action}`);
      await transport.own(ask.action, ask.data);
      return null;
  }
}

export async function runInteraction(
  event: InteractionEvent,
  transport: InteractionTransport,
  deps: InteractionDeps,
  opts: InteractionOptions = {},
): Promise<InteractionOutcome> {
  const log = deps.logger.child({
    platform: event.platform,
    kind: event.ask.kind,
    eventId: event.id,
    channel: event.channelId,
  });
  if (Date.parse(event.answerBy) <= deps.clock.now().getTime()) {
    log.warn(
      { outcome: 'expired', answerBy: event.answerBy },
      'too late to answer: the platform no longer takes it',
    );
    return { outcome: 'expired' };
  }
  if (opts.job && (await deps.store.get(answeredKey(opts.job.key)))) {
    log.info({ outcome: 'duplicate' }, 'already answered by an earlier try');
    return { outcome: 'duplicate' };
  }
  let lang: ReplyLang = 'en';
  try {
    lang = (await deps.settings.forChannel(event.platform, event.teamId, event.channelId)).language;
    const out = await decide(event, transport, { ...deps, logger: log }, lang);
    if (out) await transport.answer(out);
    if (opts.job)
      await deps.store.set(
        answeredKey(opts.job.key),
        { at: deps.clock.now().toISOString() },
        ANSWERED_TTL_MS,
      );
    const answer = out?.kind === 'command' ? out.answer.kind : (out?.kind ?? event.ask.kind);
    log.info({ outcome: 'answered', answer }, 'interaction answered');
    return { outcome: 'answered', answer };
  } catch (error) {
    log.error({ outcome: 'failed', ...errorFields(error) }, 'could not answer an interaction');
    if (opts.lastTry !== false) {
      try {
        await transport.answer({ kind: 'error', text: neutralError(lang), lang });
      } catch (err) {
        log.error({ ...errorFields(err) }, 'could not tell the user about the failure');
      }
    }
    return { outcome: 'failed', error };
  }
}

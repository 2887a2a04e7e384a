/**
 * Chat events as durable jobs. An adapter hands each message event to enqueueMessage BEFORE it
 * acknowledges the platform: the job is stored (SQLite file, or Redis for several replicas) under
 * the event's identity (platform, workspace, channel, message, link set), so a re-delivery on any
 * replica adds nothing, and a process that dies leaves the job to the next one. Workers on every
 * replica run the job through handleMessage, with a transport the adapter builds for it; a failed
 * check or post is retried with backoff, and the neutral line waits for the last try. Slash commands
 * and buttons are jobs the same way (enqueueInteraction; run by interaction-jobs.ts).
 */
import type { Logger } from '../model/ports.js';
import type { ChatMessage } from '../model/types.js';
import type { JobQueue } from '../queue/types.js';
import { type ConversationDeps, handleMessage, linksToCheck } from './handle-message.js';
import {
  type InteractionDeps,
  type InteractionEvent,
  type InteractionTransportFor,
  interactionKey,
  runInteraction,
} from './interaction-jobs.js';
import { onceKey } from './once-markers.js';
import type { ChatEvent, ChatTransport } from './ports.js';

export type TransportFor = (msg: ChatMessage) => Promise<ChatTransport>;

export interface ChatJobs {
  /** Stores the event as a job: 'queued', 'duplicate' (a re-delivery), or 'ignored' (no links to check). */
  enqueueMessage(event: ChatEvent): Promise<'queued' | 'duplicate' | 'ignored'>;
  /**
   * Stores a slash command or a button click as a job under its platform identity: 'queued', or
   * 'duplicate' (a re-delivery, on any replica). Rejects like enqueueMessage when the queue is down.
   */
  enqueueInteraction(event: InteractionEvent): Promise<'queued' | 'duplicate'>;
  /** How this process posts for a platform; a job for a platform nobody registered waits and retries. */
  register(platform: ChatMessage['platform'], transportFor: TransportFor): void;
  /** How this process answers commands and buttons for a platform (the same waiting rule). */
  registerInteractions(platform: InteractionEvent['platform'], transportFor: InteractionTransportFor): void;
  start(): void;
  stop(deadlineMs: number): Promise<void>;
  /** The queue's counts; rejects when its database does not answer (readiness). */
  counts(): Promise<{ queued: number; active: number; failed: number }>;
}

interface MessageJob {
  event: ChatEvent;
}

interface InteractionJob {
  interaction: InteractionEvent;
}

const INTERACTION_KINDS: ReadonlySet<string> = new Set(['command', 'button']);

export function createChatJobs(
  queue: JobQueue,
  deps: ConversationDeps & InteractionDeps,
  opts: { attempts: number; clock?: () => Date; onReplied?: (msFromEvent: number) => void },
): ChatJobs {
  const transports = new Map<string, TransportFor>();
  const answerers = new Map<string, InteractionTransportFor>();
  const log: Logger = deps.logger.child({ part: 'chat-jobs' });
  const now = opts.clock ?? (() => new Date());
  let stopped: Promise<void> | null = null;
  return {
    async enqueueMessage(event) {
      const { links } = linksToCheck(event, deps.service.maxLinksPerMessage);
      if (links.length === 0) return 'ignored';
      const m = event.message;
      const added = await queue.enqueue({
        platform: m.platform === 'discord' ? 'discord' : 'slack',
        kind: 'message',
        key: `${m.platform}:${onceKey(m, links)}`,
        payload: { event } satisfies MessageJob,
        receivedAt: now().toISOString(),
      });
      return added ? 'queued' : 'duplicate';
    },
    async enqueueInteraction(interaction) {
      const added = await queue.enqueue({
        platform: interaction.platform,
        kind: interaction.ask.kind === 'command' ? 'command' : 'button',
        key: interactionKey(interaction),
        payload: { interaction } satisfies InteractionJob,
        receivedAt: now().toISOString(),
      });
      return added ? 'queued' : 'duplicate';
    },
    register(platform, transportFor) {
      transports.set(platform, transportFor);
    },
    registerInteractions(platform, transportFor) {
      answerers.set(platform, transportFor);
    },
    start() {
      queue.start(async (job, info) => {
        const lastTry = info.attempt >= opts.attempts;
        if (INTERACTION_KINDS.has(job.kind)) {
          const answererFor = answerers.get(job.platform);
          if (!answererFor) throw new Error(`no ${job.platform} adapter in this process`);
          const { interaction } = job.payload as InteractionJob;
          const transport = await answererFor(interaction, { key: job.key });
          const r = await runInteraction(interaction, transport, deps, { lastTry, job: { key: job.key } });
          log.debug({ job: info.id, attempt: info.attempt, outcome: r.outcome }, 'interaction job done');
          if (r.outcome === 'failed' && !lastTry) throw r.error;
          return;
        }
        const transportFor = transports.get(job.platform);
        if (!transportFor) throw new Error(`no ${job.platform} adapter in this process`);
        const { event } = job.payload as MessageJob;
        const outcome = await handleMessage(event, await transportFor(event.message), deps, {
          lastTry,
          job: { key: job.key },
        });
        log.debug({ job: info.id, attempt: info.attempt, outcome: outcome.outcome }, 'chat job done');
        if (outcome.outcome === 'alert' || outcome.outcome === 'note') {
          opts.onReplied?.(now().getTime() - Date.parse(job.receivedAt));
        }
        // Not the last try: fail the job, so the queue runs it again after its backoff.
        if (outcome.outcome === 'failed' && !lastTry) throw outcome.error;
      });
    },
    counts: () => queue.counts(),
    stop(deadlineMs) {
      stopped ??= queue.stop(deadlineMs);
      return stopped;
    },
  };
}

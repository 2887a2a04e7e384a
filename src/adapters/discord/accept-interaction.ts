/**
 * A deferred command or click: stored as a durable job under its interaction id (a worker on any
 * replica edits the deferred answer), or — without a job queue (adapter tests), or while the queue
 * cannot store it — answered by this process at once, not durably (Discord never delivers an
 * interaction again, so refusing it would lose it): a warning and claimdesk_queue_fallback_total.
 */
import type { ChatJobs } from '../../conversation/chat-jobs.js';
import {
  type InteractionDeps,
  type InteractionEvent,
  type InteractionTransport,
  runInteraction,
} from '../../conversation/interaction-jobs.js';
import type { Logger } from '../../model/ports.js';
import { errorInfo } from './error-info.js';

export interface DiscordInteractions {
  accept(event: InteractionEvent, log: Logger): Promise<void>;
}

export function discordInteractions(o: {
  jobs: ChatJobs | null;
  deps: InteractionDeps;
  transportFor: (event: InteractionEvent, log: Logger) => InteractionTransport;
  onFallback?: () => void;
}): DiscordInteractions {
  return {
    async accept(event, log) {
      if (o.jobs) {
        try {
          const r = await o.jobs.enqueueInteraction(event);
          log.info({ kind: event.ask.kind, queued: r }, 'interaction stored as a job');
          return;
        } catch (err) {
          log.warn({ ...errorInfo(err) }, 'queue unavailable: answering in this process, not durably');
          o.onFallback?.();
        }
      }
      await runInteraction(event, o.transportFor(event, log), { ...o.deps, logger: log });
    },
  };
}

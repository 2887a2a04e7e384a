/**
 * A command or a click, before Slack is acknowledged: stored as a durable job (a worker on any
 * replica answers it), or — without a job queue (adapter tests), or while the queue cannot store it
 * — answered by this process in the background, not durably. Slack never re-delivers a command or a
 * click, so refusing it would only show the user an error: the fallback answers instead, with a
 * warning and claimdesk_queue_fallback_total.
 */
import type { ChatJobs } from '../../conversation/chat-jobs.js';
import {
  type InteractionDeps,
  type InteractionEvent,
  type InteractionTransport,
  runInteraction,
} from '../../conversation/interaction-jobs.js';
import type { Logger } from '../../model/ports.js';
import { type Background, describeError } from './background.js';

export interface SlackInteractions {
  /** Stores the event; resolves to what to do once Slack is acknowledged (nothing, or answer here). */
  accept(event: InteractionEvent): Promise<() => void>;
}

export function slackInteractions(o: {
  jobs: ChatJobs | null;
  background: Background;
  logger: Logger;
  deps: InteractionDeps;
  transportFor: (event: InteractionEvent) => InteractionTransport;
  onFallback?: () => void;
}): SlackInteractions {
  const here = (event: InteractionEvent) => () =>
    o.background.run({ kind: event.ask.kind, eventId: event.id }, async () => {
      await runInteraction(event, o.transportFor(event), o.deps);
    });
  return {
    async accept(event) {
      if (!o.jobs) return here(event);
      try {
        const r = await o.jobs.enqueueInteraction(event);
        o.logger.info({ eventId: event.id, kind: event.ask.kind, queued: r }, 'slack: interaction stored');
        return () => {};
      } catch (err) {
        o.logger.warn(
          { eventId: event.id, kind: event.ask.kind, ...describeError(err) },
          'slack: could not store the interaction; answering it in this process, not durably',
        );
        o.onFallback?.();
        return here(event);
      }
    },
  };
}

/** What every Discord event handler gets: the dependencies of startDiscord, with a child logger. */
import type { Config } from '../../model/config.js';
import type { CommandDeps } from '../../conversation/answer-command.js';
import type { ChatJobs } from '../../conversation/chat-jobs.js';
import type { Metrics } from '../../metrics.js';
import type { ConversationDeps } from '../../conversation/handle-message.js';
import type { SettingsStore } from '../../conversation/settings.js';
import type { CheckService } from '../../model/check-service.js';
import type { KeyValueStore, Logger } from '../../model/ports.js';
import type { FeedbackStore } from '../../store/feedback.js';
import type { DiscordInteractions } from './accept-interaction.js';
import type { HistoryStore } from '../../model/history.js';
import type { DigestSource } from '../../pipeline/digest-service.js';
import type { DigestSchedule } from '../../conversation/digest-schedule.js';

export interface DiscordDeps {
  config: Readonly<Config>;
  service: CheckService;
  store: KeyValueStore;
  feedback: FeedbackStore;
  settings: SettingsStore;
  logger: Logger;
  /** Durable jobs: messages, commands and clicks are stored as jobs first. Without, they are answered here. */
  jobs?: ChatJobs | null;
  metrics?: Metrics;
  /** Check history (each link checked is recorded), the digest, and the weekly digest posts. */
  history?: HistoryStore | undefined;
  digest?: DigestSource | undefined;
  digests?: DigestSchedule | null;
}

export interface DiscordContext extends DiscordDeps {
  /** The bot's own user id, once the gateway said READY. */
  botUserId(): string | null;
  /** The conversation core's dependencies (messages and commands). */
  conversation: ConversationDeps & CommandDeps;
  /** Commands and clicks, once deferred: stored as durable jobs (or answered here without a queue). */
  interactions: DiscordInteractions;
  /** Counts messages answered without the queue because it was unavailable. */
  onQueueFallback?: () => void;
}

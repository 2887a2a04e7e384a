/** What the Slack handlers share: the app's dependencies plus the adapter's own helpers. */
import type { Config } from '../../model/config.js';
import type { CommandDeps } from '../../conversation/answer-command.js';
import type { ConversationDeps } from '../../conversation/handle-message.js';
import type { SettingsStore } from '../../conversation/settings.js';
import type { CheckService } from '../../model/check-service.js';
import type { Clock, KeyValueStore, Logger } from '../../model/ports.js';
import type { FeedbackStore } from '../../store/feedback.js';
import type { SlackInteractions } from './accept-interaction.js';
import type { Background } from './background.js';

export interface SlackContext {
  config: Readonly<Config>;
  service: CheckService;
  store: KeyValueStore;
  feedback: FeedbackStore;
  logger: Logger;
  background: Background;
  settings: SettingsStore;
  /** The conversation core's dependencies (messages and commands). */
  conversation: ConversationDeps & CommandDeps;
  /** Commands and clicks: stored as durable jobs before the ack (or answered here without a queue). */
  interactions: SlackInteractions;
  clock: Clock;
}

/** What the Slack handlers share: the app's dependencies plus the adapter's own helpers. */
import type { Config } from '../../config.js';
import type { CheckService } from '../../core/check-service.types.js';
import type { Clock, KeyValueStore, Logger } from '../../core/ports.js';
import type { FeedbackStore } from '../../store/feedback.js';
import type { Background } from './background.js';
import type { WorkspaceSettings } from './settings.js';

export interface SlackContext {
  config: Readonly<Config>;
  service: CheckService;
  store: KeyValueStore;
  feedback: FeedbackStore;
  logger: Logger;
  background: Background;
  /** Workspace settings when a workspace has not changed them (from NON_ALERT_REPLY, REPLY_ON_UNREADABLE). */
  defaults: WorkspaceSettings;
  clock: Clock;
}

/**
 * The Slack adapter: Bolt in Socket Mode when SLACK_APP_TOKEN is set, otherwise the HTTP Events API
 * on POST /slack/events of the given express app (signed requests only; a bad signature gets 401).
 * SLACK_API_URL points the Web API client elsewhere (GovSlack, a proxy, a test server).
 * Transport only: events become ChatMessages, Replies become Block Kit.
 */
import { App, ExpressReceiver, type Receiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Express } from 'express';
import { z } from 'zod';
import type { Config } from '../../model/config.js';
import type { CheckService } from '../../model/check-service.js';
import { type Clock, type KeyValueStore, type Logger, systemClock } from '../../model/ports.js';
import { ConfigError, DependencyError } from '../../model/errors.js';
import type { ChatJobs } from '../../conversation/chat-jobs.js';
import type { SettingsStore } from '../../conversation/settings.js';
import type { Metrics } from '../../metrics.js';
import type { FeedbackStore } from '../../store/feedback.js';
import { slackInteractions } from './accept-interaction.js';
import { Background, describeError } from './background.js';
import { limitSlackBody } from './body-limit.js';
import { boltLogger } from './bolt-logger.js';
import type { SlackContext } from './context.js';
import { slackInteractionTransport } from './interaction-transport.js';
import { onActions } from './on-action.js';
import { onCommand } from './on-command.js';
import { onMissed } from './on-missed.js';
import { slackDigestPoster } from './post-digest.js';
import type { HistoryStore } from '../../model/history.js';
import type { DigestSource } from '../../pipeline/digest-service.js';
import type { DigestSchedule } from '../../conversation/digest-schedule.js';
import { durableMessages, onMessage } from './on-message.js';

/** Web API retry policy (p-retry options). A 429 waits for Retry-After, then counts as one retry. */
export interface SlackRetryConfig {
  retries: number;
  factor?: number;
  minTimeout?: number;
  maxTimeout?: number;
  randomize?: boolean;
}

/** Knobs with production defaults; tests make them fast. */
export interface SlackTuning {
  retryConfig?: SlackRetryConfig;
  /** Answer Slack's HTTP request only after the listener ran (tests); production answers at once. */
  processBeforeResponse?: boolean;
  /** Web API request timeout. */
  timeoutMs?: number;
  /** How long stop() waits for replies in flight. */
  drainMs?: number;
  clock?: Clock;
}

export interface SlackDeps {
  config: Readonly<Config>;
  service: CheckService;
  store: KeyValueStore;
  feedback: FeedbackStore;
  settings: SettingsStore;
  logger: Logger;
  http: Express;
  /**
   * Durable jobs: message events, commands and clicks are stored before Slack is acknowledged.
   * Without, they are answered here.
   */
  jobs?: ChatJobs | null;
  metrics?: Metrics;
  /** Check history (each link checked is recorded), the digest, and the weekly digest posts. */
  history?: HistoryStore | undefined;
  digest?: DigestSource | undefined;
  digests?: DigestSchedule | null;
  tuning?: SlackTuning;
}

export interface SlackHandle {
  stop(): Promise<void>;
  /** Resolves when no reply is being prepared or posted (tests, shutdown). */
  idle(): Promise<void>;
  /** The bot's own ids, from auth.test. */
  bot: { userId: string; botId: string | null; teamId: string | null };
}

/** A reply that is not posted within these retries is too late to be useful in a conversation. */
const PRODUCTION_RETRY: SlackRetryConfig = {
  retries: 5,
  factor: 2,
  minTimeout: 1_000,
  maxTimeout: 30_000,
  randomize: true,
};

const authTest = z.object({
  ok: z.literal(true),
  user_id: z.string(),
  bot_id: z.string().optional(),
  team_id: z.string().optional(),
});

function apiUrl(url: string | null): { slackApiUrl?: string } {
  if (!url) return {};
  return { slackApiUrl: url.endsWith('/') ? url : `${url}/` };
}

export async function startSlack(deps: SlackDeps): Promise<SlackHandle> {
  const slack = deps.config.slack;
  if (!slack) throw new ConfigError('Slack is not configured: set SLACK_BOT_TOKEN');
  const tuning = deps.tuning ?? {};
  const logger = deps.logger.child({ adapter: 'slack' });
  const slackLogger = boltLogger(logger);
  const clientOptions = {
    ...apiUrl(slack.apiUrl),
    retryConfig: tuning.retryConfig ?? PRODUCTION_RETRY,
    timeout: tuning.timeoutMs ?? 15_000,
    logger: slackLogger,
  };

  // Check the token before anything is mounted: a bad token fails here, with nothing half-started.
  let bot: SlackHandle['bot'];
  try {
    const auth = authTest.parse(await new webApi.WebClient(slack.botToken, clientOptions).auth.test());
    bot = { userId: auth.user_id, botId: auth.bot_id ?? null, teamId: auth.team_id ?? null };
  } catch (err) {
    throw new DependencyError('slack', `Slack auth.test failed: ${describeError(err).err}`, { cause: err });
  }

  let receiver: Receiver;
  if (slack.appToken) {
    receiver = new SocketModeReceiver({
      appToken: slack.appToken,
      logger: slackLogger,
      installerOptions: { clientOptions },
    });
  } else {
    if (!slack.signingSecret)
      throw new ConfigError('SLACK_SIGNING_SECRET is required for HTTP events (or set SLACK_APP_TOKEN)');
    // Mounted before Bolt's route, so an oversized body is refused before anything buffers it.
    deps.http.post('/slack/events', limitSlackBody());
    receiver = new ExpressReceiver({
      signingSecret: slack.signingSecret,
      app: deps.http,
      endpoints: '/slack/events',
      logger: slackLogger,
      processBeforeResponse: tuning.processBeforeResponse ?? false,
    });
  }

  const app = new App({
    token: slack.botToken,
    botUserId: bot.userId,
    ...(bot.botId ? { botId: bot.botId } : {}),
    receiver,
    clientOptions,
    logger: slackLogger,
    convoStore: false,
  });
  if (deps.jobs) durableMessages(app, deps.jobs, bot, logger);
  app.error(async (err) => {
    logger.error(describeError(err), 'slack: unhandled error in Bolt');
  });

  const background = new Background(logger);
  const clock = tuning.clock ?? systemClock;
  const conversation = {
    service: deps.service,
    store: deps.store,
    settings: deps.settings,
    logger,
    clock,
    adminUsers: deps.config.adminUsers,
    noteThreshold: deps.config.noteThreshold,
    history: deps.history,
    digest: deps.digest,
  };
  const answerDeps = { client: app.client, store: deps.store, logger, apiUrl: slack.apiUrl };
  deps.jobs?.registerInteractions('slack', async (event, job) =>
    slackInteractionTransport(answerDeps, event, job.key),
  );
  const ctx: SlackContext = {
    config: deps.config,
    service: deps.service,
    store: deps.store,
    feedback: deps.feedback,
    logger,
    background,
    settings: deps.settings,
    conversation,
    interactions: slackInteractions({
      jobs: deps.jobs ?? null,
      background,
      logger,
      deps: { ...conversation, feedback: deps.feedback },
      transportFor: (event) => slackInteractionTransport(answerDeps, event, null),
      onFallback: () => deps.metrics?.queueFallback.inc(),
    }),
    clock,
  };
  deps.digests?.register('slack', slackDigestPoster(app.client, bot.teamId));
  if (!deps.jobs) onMessage(app, ctx);
  onCommand(app, ctx);
  onActions(app, ctx);
  onMissed(app, ctx);

  if (slack.appToken) await app.start();
  logger.info(
    { mode: slack.appToken ? 'socket' : 'http', botUserId: bot.userId, teamId: bot.teamId },
    'slack: ready',
  );

  return {
    bot,
    idle: () => background.idle(),
    stop: async () => {
      await background.stop(tuning.drainMs ?? 10_000);
      // In HTTP mode the routes stay on the shared express app; the background no longer takes work.
      if (slack.appToken) await app.stop();
    },
  };
}

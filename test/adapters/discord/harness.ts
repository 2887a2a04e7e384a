/** Starts the real adapter (discord.js) against the fake Discord, with a recording logger. */
import { afterEach } from 'vitest';
import { type ChatJobs, createChatJobs, type TransportFor } from '../../../src/conversation/chat-jobs.js';
import { defaultSettings, SettingsStore } from '../../../src/conversation/settings.js';
import { readConfig } from '../../../src/model/config.js';
import type { CheckService } from '../../../src/model/check-service.js';
import { type Logger, systemClock } from '../../../src/model/ports.js';
import type { JobQueue } from '../../../src/queue/types.js';
import { startDiscord } from '../../../src/adapters/discord/index.js';
import { FeedbackStore } from '../../../src/store/feedback.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { MemoryHistory } from '../../../src/model/history.js';
import { createDigestSchedule, type DigestSchedule } from '../../../src/conversation/digest-schedule.js';
import { type DigestSource, digestFor } from '../../../src/pipeline/digest-service.js';
import { type FakeDiscord, startFakeDiscord, waitFor } from '../../helpers/fake-discord.js';
import { type FakeService, fakeService } from './fake-service.js';
import { commandPayload, guildPayload, IDS, readyPayload } from './payloads.js';

/** The link the scripted FakeService answers with an alert (a promoting NATO-centre match). */
export const NATO = 'https://news.example/nato-centre';
export const POST_MESSAGE = /^\/channels\/\d+\/messages$/;
export const START_THREAD = /^\/channels\/\d+\/messages\/\d+\/threads$/;

export type Json = Record<string, unknown>;
/** A recorded request body as a JSON object (throws on anything else). */
export function json(v: unknown): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('expected a JSON object');
  return v as Json;
}

export interface LogRecord {
  level: 'debug' | 'info' | 'warn' | 'error';
  msg?: string;
  [k: string]: unknown;
}

export class RecordingLogger implements Logger {
  constructor(
    readonly records: LogRecord[] = [],
    private readonly bindings: object = {},
  ) {}
  private push(level: LogRecord['level'], obj: object, msg?: string) {
    this.records.push({ ...this.bindings, ...obj, level, ...(msg === undefined ? {} : { msg }) });
  }
  debug(obj: object, msg?: string) {
    this.push('debug', obj, msg);
  }
  info(obj: object, msg?: string) {
    this.push('info', obj, msg);
  }
  warn(obj: object, msg?: string) {
    this.push('warn', obj, msg);
  }
  error(obj: object, msg?: string) {
    this.push('error', obj, msg);
  }
  child(bindings: object): Logger {
    return new RecordingLogger(this.records, { ...this.bindings, ...bindings });
  }
}

export interface Harness {
  fake: FakeDiscord;
  /** A second adapter on the same Discord and the same store: another replica. */
  startReplica(): Promise<{ stop(): Promise<void> }>;
  service: FakeService;
  store: MemoryStore;
  feedback: FeedbackStore;
  /** The check history the adapter records to, and the weekly digest it posts (ticked by tests). */
  history: MemoryHistory;
  digests: DigestSchedule;
  logger: RecordingLogger;
  /** With durable jobs: how this bot's workers post a message job (the adapter registered it). */
  messageTransport: TransportFor | null;
  stop(): Promise<void>;
  /** Waits for the adapter's log line that closes the handling of this message id. */
  outcome(messageId: string): Promise<LogRecord>;
  outcomes(messageId: string): LogRecord[];
}

/** Durable jobs for the bot (and, for a replica, its own queue on the same engine). */
export interface HarnessJobs {
  queue: JobQueue;
  replicaQueue?: () => Promise<JobQueue>;
  attempts?: number;
}

/**
 * `pipeline` replaces the scripted service (e.g. with the real createCheckService); `prepare` runs
 * on the fake before the bot connects (to make Discord fail the login, for instance); `durable`
 * gives the bot a job queue (messages, commands and clicks become jobs).
 */
export async function startHarness(
  env: Record<string, string> = {},
  pipeline?: CheckService,
  prepare?: (fake: FakeDiscord) => void,
  durable?: HarnessJobs,
): Promise<Harness> {
  const service = fakeService();
  const used: CheckService = pipeline ?? service;
  const fake = await startFakeDiscord({ ready: readyPayload(), guilds: [guildPayload()] });
  prepare?.(fake);
  const config = readConfig({
    DISCORD_TOKEN: 'test-token-abcdef',
    DISCORD_APPLICATION_ID: IDS.app,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_CHANNELS: IDS.newsroom,
    STORE_URL: 'memory://',
    ...env,
  });
  const store = new MemoryStore();
  const feedback = new FeedbackStore(store);
  const settings = new SettingsStore(store, defaultSettings(config));
  const logger = new RecordingLogger();
  const history = new MemoryHistory();
  const digest: DigestSource = (r) =>
    digestFor({ history, feedback, catalogue: used.catalogue(), config }, r);
  const digests = createDigestSchedule({ store, settings, digest, logger, clock: systemClock });
  const allJobs: ChatJobs[] = [];
  let messageTransport: TransportFor | null = null;
  const jobsOn = (queue: JobQueue, log: Logger): ChatJobs => {
    const jobs = createChatJobs(
      queue,
      {
        service: used,
        store,
        settings,
        logger: log,
        clock: systemClock,
        feedback,
        adminUsers: config.adminUsers,
        history,
        digest,
      },
      { attempts: durable?.attempts ?? 3 },
    );
    allJobs.push(jobs);
    return jobs;
  };
  let bot: { stop(): Promise<void> };
  try {
    const jobs = durable ? jobsOn(durable.queue, logger) : null;
    const seen: ChatJobs | null = jobs && {
      ...jobs,
      register(platform, transportFor) {
        messageTransport = transportFor;
        jobs.register(platform, transportFor);
      },
    };
    bot = await startDiscord({
      config,
      service: used,
      store,
      feedback,
      settings,
      logger,
      jobs: seen,
      history,
      digest,
      digests,
    });
    jobs?.start();
  } catch (err) {
    await fake.close();
    throw err;
  }
  const replicas: Array<{ stop(): Promise<void> }> = [];
  return {
    fake,
    async startReplica() {
      const log = logger.child({ replica: 2 });
      const jobs = durable?.replicaQueue ? jobsOn(await durable.replicaQueue(), log) : null;
      const replica = await startDiscord({
        config,
        service: used,
        store,
        feedback,
        settings,
        logger: log,
        jobs,
      });
      jobs?.start();
      replicas.push(replica);
      return replica;
    },
    service,
    store,
    feedback,
    history,
    digests,
    logger,
    get messageTransport() {
      return messageTransport;
    },
    async stop() {
      for (const j of allJobs) await j.stop(2_000);
      for (const r of replicas) await r.stop();
      await bot.stop();
      await fake.close();
    },
    outcomes: (messageId) =>
      logger.records.filter((r) => r.messageId === messageId && typeof r.outcome === 'string'),
    outcome: (messageId) =>
      waitFor(
        () => logger.records.find((r) => r.messageId === messageId && typeof r.outcome === 'string'),
        `the outcome of message ${messageId}`,
      ),
  };
}

/**
 * For files that start a fresh bot in each test: returns startHarness, and stops the harness the
 * current test started after it (afterEach, registered here).
 */
export function harnessPerTest(): typeof startHarness {
  let current: Harness | null = null;
  afterEach(async () => {
    await current?.stop();
    current = null;
  });
  return async (...args) => {
    current = await startHarness(...args);
    return current;
  };
}

/**
 * Sends `/claimcheck settings:<args>` as a member with these permissions (a bit field: "0" for
 * none, "32" for Manage Server) and returns what the deferred answer was edited to.
 */
export async function settingsAnswer(x: Harness, args: string, permissions: string): Promise<string> {
  const p = commandPayload([{ name: 'settings', value: args }]);
  const payload: Json = {
    ...p,
    token: `token-settings-${permissions}-${String(p.id)}`,
    member: { ...(p.member as Json), permissions },
  };
  x.fake.dispatch('INTERACTION_CREATE', payload);
  const r = await waitFor(
    () =>
      x.fake
        .requestsTo('PATCH', /\/messages\/@original$/)
        .find((q) => q.path.includes(String(payload.token))),
    'the settings answer',
  );
  return String(json(r.body).content);
}

/**
 * Starts the real Slack adapter (Bolt) on an express app listening on 127.0.0.1:0, pointed at a
 * fake Slack, with an in-memory store; sends signed requests shaped like Slack's own.
 */
import { readFileSync } from 'node:fs';
import { defaultSettings, SettingsStore } from '../../../src/conversation/settings.js';
import type { Server } from 'node:http';
import express from 'express';
import { type SlackHandle, startSlack } from '../../../src/adapters/slack/index.js';
import { readConfig } from '../../../src/model/config.js';
import type { CheckService } from '../../../src/model/check-service.js';
import { type Logger, systemClock } from '../../../src/model/ports.js';
import { createChatJobs } from '../../../src/conversation/chat-jobs.js';
import type { JobQueue } from '../../../src/queue/types.js';
import { FeedbackStore } from '../../../src/store/feedback.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { MemoryHistory } from '../../../src/model/history.js';
import { createDigestSchedule, type DigestSchedule } from '../../../src/conversation/digest-schedule.js';
import { type DigestSource, digestFor } from '../../../src/pipeline/digest-service.js';
import { FakeSlack, postSigned } from '../../helpers/fake-slack.js';
import { type FakeCheckService, fakeCheckService } from './fake-service.js';

export const SECRET = 'test-signing-secret-0123456789';
export const BOT_TOKEN = 'xoxb-test-bot-token-0000';
export const APP_TOKEN = 'xapp-test-app-token-0000';

export type Json = Record<string, unknown>;

export function isRecord(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function fixture(name: string): Json {
  const data: unknown = JSON.parse(
    readFileSync(new URL(`../../fixtures/slack/${name}`, import.meta.url), 'utf8'),
  );
  if (!isRecord(data)) throw new Error(`fixture ${name} is not an object`);
  return data;
}

/** An event_callback fixture with its event (and event id) changed. */
export function eventFixture(name: string, patch: { event?: Json; event_id?: string } = {}): Json {
  const f = fixture(name);
  const event = isRecord(f.event) ? f.event : {};
  return {
    ...f,
    ...(patch.event_id ? { event_id: patch.event_id } : {}),
    event: { ...event, ...(patch.event ?? {}) },
  };
}

export interface LogRecord {
  level: string;
  obj: Json;
  msg: string;
}

export function captureLogger(records: LogRecord[], bindings: Json = {}): Logger {
  const write = (level: string) => (obj: object, msg?: string) => {
    records.push({ level, obj: { ...bindings, ...obj }, msg: msg ?? '' });
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (b: object) => captureLogger(records, { ...bindings, ...b }),
  };
}

export interface Harness<S extends CheckService = FakeCheckService> {
  fake: FakeSlack;
  slack: SlackHandle;
  service: S;
  store: MemoryStore;
  feedback: FeedbackStore;
  /** The check history the adapter records to, and the weekly digest it posts (ticked by tests). */
  history: MemoryHistory;
  digests: DigestSchedule;
  settings: SettingsStore;
  logs: LogRecord[];
  eventsUrl: string;
  /** The HTTP server Bolt's routes are mounted on. */
  server: Server;
  sendEvent(
    body: Json,
    opts?: { retryNum?: number; signWith?: string; timestamp?: number },
  ): Promise<Response>;
  sendCommand(fields: Json): Promise<Response>;
  sendAction(payload: Json): Promise<Response>;
  close(): Promise<void>;
}

export function startHarness(opts: { env?: Record<string, string> } = {}): Promise<Harness> {
  return startHarnessWith(fakeCheckService(), opts.env ?? {});
}

/** The same with any CheckService (e.g. the real one). */
export async function startHarnessWith<S extends CheckService>(
  service: S,
  env: Record<string, string>,
  opts: { queue?: JobQueue; attempts?: number } = {},
): Promise<Harness<S>> {
  const fake = await FakeSlack.start();
  const config = readConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    STORE_URL: 'memory://',
    ...env,
  });
  const store = new MemoryStore();
  const feedback = new FeedbackStore(store);
  const settings = new SettingsStore(store, defaultSettings(config));
  const logs: LogRecord[] = [];
  const http = express();
  const history = new MemoryHistory();
  const digest: DigestSource = (r) =>
    digestFor({ history, feedback, catalogue: service.catalogue(), config }, r);
  const digests = createDigestSchedule({
    store,
    settings,
    digest,
    logger: captureLogger(logs),
    clock: systemClock,
  });
  const jobs = opts.queue
    ? createChatJobs(
        opts.queue,
        {
          service,
          store,
          settings,
          logger: captureLogger(logs),
          clock: systemClock,
          noteThreshold: config.noteThreshold,
          feedback,
          adminUsers: config.adminUsers,
          history,
        },
        { attempts: opts.attempts ?? 3 },
      )
    : null;
  const slack = await startSlack({
    config,
    service,
    store,
    feedback,
    settings,
    logger: captureLogger(logs),
    http,
    jobs,
    history,
    digest,
    digests,
    tuning: {
      // A 429 still waits for Retry-After; only the extra back-off between attempts is short.
      retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 },
      processBeforeResponse: true,
      timeoutMs: 5_000,
      drainMs: 2_000,
    },
  });
  jobs?.start();
  const server: Server = await new Promise((resolve) => {
    const s = http.listen(0, '127.0.0.1', () => resolve(s));
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const eventsUrl = `http://127.0.0.1:${port}/slack/events`;

  const form = (fields: Json) =>
    new URLSearchParams(
      Object.entries(fields).map(([k, v]): [string, string] => [
        k,
        typeof v === 'string' ? v : JSON.stringify(v),
      ]),
    ).toString();

  return {
    fake,
    slack,
    service,
    store,
    feedback,
    history,
    digests,
    settings,
    logs,
    eventsUrl,
    server,
    sendEvent: (body, o = {}) =>
      postSigned(eventsUrl, JSON.stringify(body), {
        secret: SECRET,
        ...(o.retryNum !== undefined ? { retryNum: o.retryNum } : {}),
        ...(o.signWith ? { signWith: o.signWith } : {}),
        ...(o.timestamp ? { timestamp: o.timestamp } : {}),
      }),
    sendCommand: (fields) =>
      postSigned(eventsUrl, form({ ...fields, response_url: fake.responseUrl('command') }), {
        secret: SECRET,
        contentType: 'application/x-www-form-urlencoded',
      }),
    sendAction: (payload) =>
      postSigned(eventsUrl, form({ payload: { ...payload, response_url: fake.responseUrl('action') } }), {
        secret: SECRET,
        contentType: 'application/x-www-form-urlencoded',
      }),
    close: async () => {
      await jobs?.stop(2_000);
      await slack.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await fake.close();
    },
  };
}

/** Parses a JSON-encoded Web API parameter (blocks are sent as a JSON string). */
export function jsonParam(params: Record<string, string>, name: string): unknown {
  const raw = params[name];
  return raw === undefined ? undefined : JSON.parse(raw);
}

/** Socket Mode (SLACK_APP_TOKEN set): the connection URL comes from the fake's apps.connections.open. */
import express from 'express';
import { defaultSettings, SettingsStore } from '../../../src/conversation/settings.js';
import { afterEach, describe, expect, it } from 'vitest';
import { type SlackHandle, startSlack } from '../../../src/adapters/slack/index.js';
import { readConfig } from '../../../src/model/config.js';
import { FeedbackStore } from '../../../src/store/feedback.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { fakeCheckService } from './fake-service.js';
import {
  APP_TOKEN,
  BOT_TOKEN,
  captureLogger,
  fixture,
  isRecord,
  jsonParam,
  type LogRecord,
} from './harness.js';

let fake: FakeSlack | null = null;
let slack: SlackHandle | null = null;

afterEach(async () => {
  await slack?.stop();
  await fake?.close();
  slack = null;
  fake = null;
});

describe('Slack in Socket Mode', () => {
  it('connects with the app token, acks envelopes, and replies in the thread', async () => {
    const f = await FakeSlack.start();
    fake = f;
    const config = readConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: f.apiUrl.replace(/\/$/, ''),
    });
    const service = fakeCheckService();
    const store = new MemoryStore();
    const logs: LogRecord[] = [];
    slack = await startSlack({
      config,
      service,
      store,
      feedback: new FeedbackStore(store),
      settings: new SettingsStore(store, defaultSettings(config)),
      logger: captureLogger(logs),
      http: express(),
      tuning: { retryConfig: { retries: 0 }, drainMs: 1_000 },
    });
    const open = f.callsTo('apps.connections.open')[0];
    expect(open?.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    await f.waitFor(() => f.socketClients > 0, 5_000, 'socket client');

    const payload = fixture('message-with-link.json');
    f.pushSocket({
      envelope_id: 'env-0001',
      payload,
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
    });
    const ack = await f.waitFor(
      () => f.socketAcks.find((a) => isRecord(a) && a.envelope_id === 'env-0001'),
      5_000,
      'ack',
    );
    expect(ack).toBeTruthy();
    const post = await f.waitFor(() => f.callsTo('chat.postMessage')[0], 5_000, 'chat.postMessage');
    expect(post.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(post.params.thread_ts).toBe('1732190000.000100');
    expect(JSON.stringify(jsonParam(post.params, 'blocks'))).toContain('NATO opened a centre in Kazakhstan');

    // A re-delivery over the socket (retry_attempt 1) is acked but not answered again.
    f.pushSocket({
      envelope_id: 'env-0002',
      payload,
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 1,
      retry_reason: 'timeout',
    });
    await f.waitFor(
      () => f.socketAcks.find((a) => isRecord(a) && a.envelope_id === 'env-0002'),
      5_000,
      'second ack',
    );
    await slack.idle();
    expect(f.callsTo('chat.postMessage')).toHaveLength(1);

    await slack.stop();
    await f.waitFor(() => f.socketClients === 0, 5_000, 'socket closed');
  });

  it('fails to start, with nothing left running, when auth.test rejects the token', async () => {
    const f = await FakeSlack.start();
    fake = f;
    f.script('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    const config = readConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: f.apiUrl,
    });
    const store = new MemoryStore();
    await expect(
      startSlack({
        config,
        service: fakeCheckService(),
        store,
        feedback: new FeedbackStore(store),
        settings: new SettingsStore(store, defaultSettings(config)),
        logger: captureLogger([]),
        http: express(),
        tuning: { retryConfig: { retries: 0 } },
      }),
    ).rejects.toThrow(/auth\.test failed: .*invalid_auth/);
    expect(f.callsTo('apps.connections.open')).toHaveLength(0);
  });
});

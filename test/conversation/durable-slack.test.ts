/**
 * Slack message events as durable jobs: stored before Slack gets its 200, answered by the queue's
 * worker, once however often Slack re-delivers; when the queue cannot store an event, Slack gets
 * no 200 and re-delivers it, and the re-delivery is answered. A job run again after its reply was
 * posted (a crash between posting and recording) finds the reply in the thread and posts nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { handleMessage, postedKey } from '../../src/conversation/handle-message.js';
import { onceKey } from '../../src/conversation/once-markers.js';
import type { ChatMessage } from '../../src/model/types.js';
import { DependencyError } from '../../src/model/errors.js';
import { openQueue } from '../../src/queue/open-queue.js';
import type { JobQueue } from '../../src/queue/types.js';
import { webApi } from '@slack/bolt';
import { slackTransport } from '../../src/adapters/slack/transport.js';
import { fakeCheckService, URLS } from '../adapters/slack/fake-service.js';
import { eventFixture, type Harness, startHarnessWith } from '../adapters/slack/harness.js';
import type { ScriptedService } from '../helpers/scripted-service.js';

const FAST = { pollMs: 20, backoffMs: 50, lockMs: 2_000, enqueueTimeoutMs: 500 };
let h: Harness<ScriptedService> | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

function linkEvent(eventId: string, ts: string) {
  return eventFixture('message-with-link.json', {
    event_id: eventId,
    event: { text: `See <${URLS.alert}>`, blocks: [], ts },
  });
}

/** A queue whose database is down for the first `downFor` enqueues. */
function flaky(queue: JobQueue, downFor: number): JobQueue {
  let n = 0;
  return new Proxy(queue, {
    get(target, prop, receiver) {
      if (prop === 'enqueue')
        return async (...args: Parameters<JobQueue['enqueue']>) => {
          if (n++ < downFor) throw new DependencyError('queue', 'the job queue is unavailable (test)');
          return target.enqueue(...args);
        };
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

describe('durable Slack messages', () => {
  it('stores the event before the 200, answers it from the queue, once across re-deliveries', async () => {
    const queue = await openQueue('memory://', { options: FAST });
    const slack = await startHarnessWith(fakeCheckService(), {}, { queue });
    h = slack;
    const res = await slack.sendEvent(linkEvent('Ev0DURABLE1', '1732195000.000100'));
    expect(res.status).toBe(200);
    expect((await queue.counts()).queued + (await queue.counts()).active).toBeGreaterThanOrEqual(0);
    await slack.sendEvent(linkEvent('Ev0DURABLE1', '1732195000.000100'), { retryNum: 1 });
    await slack.sendEvent(linkEvent('Ev0DURABLE1', '1732195000.000100'), { retryNum: 2 });
    const post = await slack.fake.waitFor(
      () => slack.fake.callsTo('chat.postMessage')[0],
      5_000,
      'the reply',
    );
    expect(post.params.thread_ts).toBe('1732195000.000100');
    // The reply carries its job key, for the idempotent post.
    expect(JSON.parse(post.params.metadata ?? '{}')).toMatchObject({ event_type: 'claimdesk_reply' });
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(
      slack.logs.filter((l) => l.msg === 'slack: message event stored').map((l) => l.obj.queued),
    ).toEqual(['queued', 'duplicate', 'duplicate']);
  });

  it('gives Slack no 200 while the queue cannot store the event; the re-delivery is answered', async () => {
    const queue = flaky(await openQueue('memory://', { options: FAST }), 1);
    const slack = await startHarnessWith(fakeCheckService(), {}, { queue });
    h = slack;
    const refused = await slack.sendEvent(linkEvent('Ev0OUTAGE1', '1732195100.000100'));
    expect(refused.status).toBeGreaterThanOrEqual(500);
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(0);
    const again = await slack.sendEvent(linkEvent('Ev0OUTAGE1', '1732195100.000100'), { retryNum: 1 });
    expect(again.status).toBe(200);
    const post = await slack.fake.waitFor(
      () => slack.fake.callsTo('chat.postMessage')[0],
      5_000,
      'the reply',
    );
    expect(post.params.thread_ts).toBe('1732195100.000100');
  });

  it('a job run again after its reply was posted, but not recorded, finds the reply and posts nothing', async () => {
    const queue = await openQueue('memory://', { options: FAST });
    const slack = await startHarnessWith(fakeCheckService(), {}, { queue });
    h = slack;
    const msg: ChatMessage = {
      platform: 'slack',
      text: `See <${URLS.alert}>`,
      extraLinks: [],
      channelId: 'C0NEWSDESK',
      messageId: '1732195200.000100',
      threadId: null,
      authorId: 'U0JOURNO1',
      teamId: 'T0NEWSROOM',
    };
    const key = `slack:${onceKey(msg, [URLS.alert])}`;
    const client = new webApi.WebClient('xoxb-test-bot-token-0000', {
      slackApiUrl: slack.fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    const deps = {
      service: slack.service,
      store: slack.store,
      settings: (await import('../../src/conversation/settings.js')).SettingsStore.prototype,
    };
    void deps;
    const { SettingsStore, defaultSettings } = await import('../../src/conversation/settings.js');
    const conversation = {
      service: slack.service,
      store: slack.store,
      settings: new SettingsStore(
        slack.store,
        defaultSettings({ nonAlertReply: 'silent', replyOnUnreadable: false }),
      ),
      logger: (await import('../../src/logger.js')).silentLogger,
      clock: { now: () => new Date() },
    };
    const first = await handleMessage({ message: msg }, slackTransport(client), conversation, {
      job: { key },
    });
    expect(first.outcome).toBe('alert');
    // The process "died" after posting, before recording: the record is gone.
    await slack.store.delete(postedKey(key));
    const again = await handleMessage({ message: msg }, slackTransport(client), conversation, {
      job: { key },
    });
    console.log(
      JSON.stringify(slack.fake.posted),
      JSON.stringify(slack.fake.callsTo('conversations.replies')[0]?.params),
    );
    expect(again.outcome).toBe('duplicate');
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(1);
    // Each try looked in the thread before posting; the second found the first's reply.
    expect(slack.fake.callsTo('conversations.replies')).toHaveLength(2);
  });
});

/**
 * /claimcheck and buttons as durable jobs, against real Bolt and the fake Slack: stored under their
 * platform identity before the ack and answered by the queue's worker through response_url, once
 * however often the same delivery arrives; two different commands are two answers; while the queue
 * cannot store them they are answered in the process, not durably; a share re-run after a crash
 * between posting and recording finds its post in the channel and posts nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../../src/adapters/slack/actions.js';
import { slackInteractionTransport } from '../../../src/adapters/slack/interaction-transport.js';
import { responseUrlAllowed } from '../../../src/adapters/slack/response-url.js';
import {
  answeredKey,
  type InteractionEvent,
  interactionKey,
  runInteraction,
} from '../../../src/conversation/interaction-jobs.js';
import { defaultSettings, SettingsStore } from '../../../src/conversation/settings.js';
import { silentLogger } from '../../../src/logger.js';
import { DependencyError } from '../../../src/model/errors.js';
import { openQueue } from '../../../src/queue/open-queue.js';
import type { JobQueue } from '../../../src/queue/types.js';
import { webApi } from '@slack/bolt';
import { postSigned } from '../../helpers/fake-slack.js';
import { URLS } from './fake-service.js';
import { fixture, type Harness, type Json, SECRET, startHarnessWith } from './harness.js';
import { fakeCheckService } from './fake-service.js';

const FAST = { pollMs: 20, backoffMs: 50, lockMs: 2_000, enqueueTimeoutMs: 500 };
let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function withQueue(queue?: JobQueue): Promise<Harness> {
  h = await startHarnessWith(
    fakeCheckService(),
    {},
    { queue: queue ?? (await openQueue('memory://', { options: FAST })) },
  );
  return h;
}

function form(fields: Json): string {
  return new URLSearchParams(
    Object.entries(fields).map(([k, v]): [string, string] => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  ).toString();
}

/** A signed /claimcheck whose response_url is the fake's `/response/<answerId>`. */
function command(x: Harness, answerId: string, over: Json = {}): Promise<Response> {
  const body = form({
    ...fixture('slash-command-url.json'),
    response_url: x.fake.responseUrl(answerId),
    ...over,
  });
  return postSigned(x.eventsUrl, body, { secret: SECRET, contentType: 'application/x-www-form-urlencoded' });
}

function click(x: Harness, answerId: string, name: string, action: Json = {}): Promise<Response> {
  const f = fixture(name);
  const first = Array.isArray(f.actions) ? (f.actions[0] as Json) : {};
  const payload = { ...f, actions: [{ ...first, ...action }], response_url: x.fake.responseUrl(answerId) };
  return postSigned(x.eventsUrl, form({ payload }), {
    secret: SECRET,
    contentType: 'application/x-www-form-urlencoded',
  });
}

const answers = (x: Harness, id: string) => x.fake.responses.filter((r) => r.id === id);
const settle = () => new Promise((r) => setTimeout(r, 400));

/** A queue whose database is down for every enqueue. */
function down(queue: JobQueue): JobQueue {
  return new Proxy(queue, {
    get(target, prop, receiver) {
      if (prop === 'enqueue')
        return async () => {
          throw new DependencyError('queue', 'the job queue is unavailable (test)');
        };
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

describe('Slack commands as durable jobs', () => {
  it('answers a command delivered twice once, from the queue, after acknowledging both', async () => {
    const x = await withQueue();
    const [a, b] = await Promise.all([command(x, 'twice'), command(x, 'twice')]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await a.json()).toEqual({ response_type: 'ephemeral', text: 'Checking… (only you can see this)' });
    const answer = await x.fake.waitFor(() => answers(x, 'twice')[0], 5_000, 'the answer');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.body.blocks)).toContain('NATO opened a centre in Kazakhstan');
    await settle();
    expect(answers(x, 'twice')).toHaveLength(1);
    expect(x.service.checks).toEqual([[URLS.alert]]);
    const stored = x.logs.filter((l) => l.msg === 'slack: interaction stored').map((l) => l.obj.queued);
    expect(stored.sort()).toEqual(['duplicate', 'queued']);
  });

  it('answers two commands with the same text (two trigger ids) twice', async () => {
    const x = await withQueue();
    await command(x, 'first', { trigger_id: '1111111111.2222222222.aaaa' });
    await command(x, 'second', { trigger_id: '1111111111.2222222222.bbbb' });
    await x.fake.waitFor(() => answers(x, 'first')[0] && answers(x, 'second')[0], 5_000, 'both answers');
    expect(x.service.checks).toHaveLength(2);
  });

  it('keys a command without a trigger_id by its response_url', async () => {
    const x = await withQueue();
    await command(x, 'no-trigger', { trigger_id: '' });
    await command(x, 'no-trigger', { trigger_id: '' });
    await command(x, 'other-url', { trigger_id: '' });
    await x.fake.waitFor(() => answers(x, 'no-trigger')[0] && answers(x, 'other-url')[0], 5_000, 'answers');
    await settle();
    expect(answers(x, 'no-trigger')).toHaveLength(1);
  });

  it('answers in this process, not durably, while the queue cannot store the command', async () => {
    const x = await withQueue(down(await openQueue('memory://', { options: FAST })));
    const res = await command(x, 'outage', { text: 'help' });
    expect(res.status).toBe(200);
    const answer = await x.fake.waitFor(() => answers(x, 'outage')[0], 5_000, 'the answer');
    expect(String(answer.body.text)).toContain('*How to use /claimcheck*');
    expect(x.logs.some((l) => l.level === 'warn' && /not durably/.test(l.msg))).toBe(true);
  });

  it('answers a check that fails on every try with the neutral line once, on the last try', async () => {
    const x = await withQueue();
    let tries = 0;
    x.service.checkLinks = async () => {
      tries += 1;
      throw new Error('boom: the check fails every time');
    };
    await command(x, 'failing');
    const answer = await x.fake.waitFor(() => answers(x, 'failing')[0], 10_000, 'the neutral line');
    expect(String(answer.body.text)).toContain('Sorry, something went wrong');
    await settle();
    expect(answers(x, 'failing')).toHaveLength(1);
    // Three tries (the harness's attempts), each a check.
    expect(tries).toBe(3);
  });
});

describe('Slack buttons as durable jobs', () => {
  it('records a vote clicked once but delivered twice, and thanks the user once', async () => {
    const x = await withQueue();
    const statuses = await Promise.all([
      click(x, 'vote', 'block-actions-wrong-match.json'),
      click(x, 'vote', 'block-actions-wrong-match.json'),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200]);
    const eph = await x.fake.waitFor(() => x.fake.callsTo('chat.postEphemeral')[0], 5_000, 'the thanks');
    expect(eph.params).toMatchObject({
      channel: 'C0NEWSDESK',
      user: 'U0JOURNO2',
      thread_ts: '1732190000.000100',
    });
    await settle();
    expect(x.fake.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect((await x.feedback.summary()).total).toEqual({ helpful: 0, wrong: 1 });
  });

  it('takes a second click of the same user (another action_ts) as a new vote', async () => {
    const x = await withQueue();
    await click(x, 'v1', 'block-actions-wrong-match.json');
    await click(x, 'v2', 'block-actions-wrong-match.json', {
      action_id: ACTION.helpful,
      action_ts: '1732190799.000001',
    });
    await x.fake.waitFor(() => x.fake.callsTo('chat.postEphemeral')[1], 5_000, 'two thanks');
    expect((await x.feedback.summary()).total).toEqual({ helpful: 1, wrong: 0 });
  });

  it('shares once: a try run again after posting, but before recording, finds the post in the channel', async () => {
    const x = await withQueue();
    await command(x, 'to-share');
    const answer = await x.fake.waitFor(() => answers(x, 'to-share')[0], 5_000, 'the answer');
    const value = JSON.stringify(answer.body.blocks).match(/"value":"([0-9a-f-]{36})"/)?.[1];
    expect(value).toBeDefined();
    await click(x, 'share', 'block-actions-share.json', { value });
    await x.fake.waitFor(
      () => answers(x, 'share').find((r) => r.body.text === 'Shared in the channel.'),
      5_000,
      'the confirmation',
    );
    const post = x.fake.callsTo('chat.postMessage')[0];
    expect(post?.params.thread_ts).toBeUndefined();
    expect(JSON.parse(post?.params.metadata ?? '{}')).toMatchObject({ event_type: 'claimdesk_reply' });

    // The same job once more, as after a crash between posting and recording.
    const event: InteractionEvent = {
      platform: 'slack',
      id: 'T0NEWSROOM:U0JOURNO2:claimdesk_share:1732190710.123456',
      teamId: 'T0NEWSROOM',
      channelId: 'C0NEWSDESK',
      userId: 'U0JOURNO2',
      ask: { kind: 'own', action: 'share', data: { shareKey: value } },
      reply: { responseUrl: x.fake.responseUrl('share'), threadTs: null },
      answerBy: new Date(Date.now() + 60_000).toISOString(),
    };
    const key = interactionKey(event);
    expect(await x.store.get(answeredKey(key))).toBeDefined();
    await x.store.delete(answeredKey(key));
    const client = new webApi.WebClient('xoxb-test-bot-token-0000', {
      slackApiUrl: x.fake.apiUrl,
      retryConfig: { retries: 0 },
    });
    const deps = {
      service: x.service,
      store: x.store,
      feedback: x.feedback,
      settings: new SettingsStore(
        x.store,
        defaultSettings({ nonAlertReply: 'silent', replyOnUnreadable: false }),
      ),
      logger: silentLogger,
      clock: { now: () => new Date() },
      adminUsers: [],
    };
    const transport = slackInteractionTransport(
      { client, store: x.store, logger: silentLogger, apiUrl: x.fake.apiUrl },
      event,
      key,
    );
    expect(await runInteraction(event, transport, deps, { job: { key } })).toMatchObject({
      outcome: 'answered',
    });
    expect(x.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(x.fake.callsTo('conversations.history').length).toBeGreaterThanOrEqual(2);
  });
});

describe('response_url', () => {
  it('is answered only on Slack’s hosts or at the origin of SLACK_API_URL', () => {
    const api = 'http://127.0.0.1:4000/api/';
    expect(responseUrlAllowed('https://hooks.slack.com/commands/T0/1/abc', null)).toBe(true);
    expect(responseUrlAllowed('https://hooks.slack-gov.com/actions/T0/1/abc', null)).toBe(true);
    expect(responseUrlAllowed('http://127.0.0.1:4000/response/x', api)).toBe(true);
    expect(responseUrlAllowed('http://hooks.slack.com/commands/T0/1/abc', null)).toBe(false);
    expect(responseUrlAllowed('https://hooks.slack.com.evil.example/x', null)).toBe(false);
    expect(responseUrlAllowed('https://evilslack.com/x', null)).toBe(false);
    expect(responseUrlAllowed('http://127.0.0.1:4001/response/x', api)).toBe(false);
    expect(responseUrlAllowed('not a url', api)).toBe(false);
  });
});

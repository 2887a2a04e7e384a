/**
 * Discord with durable jobs (real discord.js against the fake Discord): a message job's reply carries
 * the job's reference and is posted once; a job run again after posting but before recording (a
 * crash), or a reply an earlier process left in the thread, is found and not posted again, while a
 * reply of another job is not taken for it; /claimcheck and a button, deferred at once and stored
 * under the interaction id, are answered once when the interaction arrives twice, and while the
 * queue is down they are answered in the process; two replicas on one Redis that both receive an
 * interaction answer it once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thanks } from '../../../src/conversation/answer-button.js';
import { handleMessage, postedKey } from '../../../src/conversation/handle-message.js';
import { onceKey } from '../../../src/conversation/once-markers.js';
import { defaultSettings, SettingsStore } from '../../../src/conversation/settings.js';
import { replyRef } from '../../../src/adapters/discord/reply-ref.js';
import { DependencyError } from '../../../src/model/errors.js';
import type { ChatMessage } from '../../../src/model/types.js';
import { openQueue } from '../../../src/queue/open-queue.js';
import type { JobQueue } from '../../../src/queue/types.js';
import { nextSnowflake, waitFor } from '../../helpers/fake-discord.js';
import { type RedisHandle, redisAvailable, startRedis } from '../../helpers/redis.js';
import { type Harness, harnessPerTest, type Json, json, NATO, POST_MESSAGE } from './harness.js';
import { buttonPayload, commandPayload, IDS, messagePayload, selfUser } from './payloads.js';

const FAST = { pollMs: 20, backoffMs: 50, lockMs: 2_000, enqueueTimeoutMs: 500 };
const harness = harnessPerTest();

async function durable(queue?: JobQueue): Promise<Harness> {
  return harness({}, undefined, undefined, {
    queue: queue ?? (await openQueue('memory://', { options: FAST })),
  });
}

function chatMessage(id: string, over: Partial<ChatMessage> = {}): ChatMessage {
  return {
    platform: 'discord',
    text: `look ${NATO}`,
    extraLinks: [],
    channelId: IDS.newsroom,
    messageId: id,
    threadId: null,
    authorId: IDS.human,
    teamId: IDS.guild,
    ...over,
  };
}

const jobKey = (m: ChatMessage) => `discord:${onceKey(m, [NATO])}`;

/** The job's decision about a message (handleMessage's log line). */
function decided(x: Harness, messageId: string) {
  return waitFor(
    () => x.logger.records.find((r) => r.message === messageId && typeof r.outcome === 'string'),
    `the job's decision on ${messageId}`,
  );
}

function replies(x: Harness, channelId: string) {
  return x.fake.requestsTo('POST', POST_MESSAGE).filter((r) => r.path === `/channels/${channelId}/messages`);
}

/** A reply the bot left in a channel earlier (another process), carrying `text`. */
function earlierReply(x: Harness, channelId: string, replyTo: string, text: string): string {
  const id = nextSnowflake();
  x.fake.keep({
    ...messagePayload({ id, channelId, channelType: 11, content: text, author: selfUser }),
    type: 19,
    message_reference: { message_id: replyTo, channel_id: channelId },
  });
  return id;
}

describe('Discord message jobs: one reply, across crashes too', () => {
  it('posts the reply once, with its reference; a try run again after posting but before recording finds it in the thread', async () => {
    const x = await durable();
    const msg = messagePayload({ content: `look ${NATO}` });
    const id = String(msg.id);
    x.fake.dispatch('MESSAGE_CREATE', msg);
    expect(await decided(x, id)).toMatchObject({ outcome: 'alert', where: 'thread' });
    const [post] = replies(x, id);
    const embeds = json(post?.body).embeds as Json[];
    const ref = replyRef(jobKey(chatMessage(id)));
    expect(String(json(embeds.at(-1)?.footer).text)).toMatch(new RegExp(`^claimdesk · .+ · ${ref}$`));

    // The process "died" after posting, before recording: the record is gone; the job runs again.
    const key = jobKey(chatMessage(id));
    expect(await x.store.get(postedKey(key))).toBeDefined();
    await x.store.delete(postedKey(key));
    const transportFor = x.messageTransport;
    if (!transportFor) throw new Error('no message transport registered');
    const deps = {
      service: x.service,
      store: x.store,
      settings: new SettingsStore(
        x.store,
        defaultSettings({ nonAlertReply: 'silent', replyOnUnreadable: false }),
      ),
      logger: x.logger,
      clock: { now: () => new Date() },
    };
    const again = await handleMessage(
      { message: chatMessage(id) },
      await transportFor(chatMessage(id)),
      deps,
      {
        job: { key },
      },
    );
    expect(again.outcome).toBe('duplicate');
    expect(replies(x, id)).toHaveLength(1);
    expect(x.logger.records.some((r) => r.msg === 'found the reply of an earlier try' && r.ref === ref)).toBe(
      true,
    );
  });

  it('finds a reply an earlier process left in the thread, and posts nothing', async () => {
    const x = await durable();
    const msg = messagePayload({ channelId: IDS.thread, channelType: 11, content: `see ${NATO}` });
    const id = String(msg.id);
    const m = chatMessage(id, { threadId: IDS.thread, text: `see ${NATO}` });
    earlierReply(x, IDS.thread, id, `This article repeats a known false claim.\n-# ${replyRef(jobKey(m))}`);
    x.fake.dispatch('MESSAGE_CREATE', msg);
    expect(await decided(x, id)).toMatchObject({ outcome: 'duplicate' });
    await new Promise((r) => setTimeout(r, 200));
    expect(replies(x, IDS.thread)).toHaveLength(0);
  });

  it('does not take another job’s reply (another link set, or a reply without a reference) for its own', async () => {
    const x = await durable();
    const msg = messagePayload({ channelId: IDS.thread, channelType: 11, content: `see ${NATO}` });
    const id = String(msg.id);
    const other = chatMessage(id, { threadId: IDS.thread });
    earlierReply(
      x,
      IDS.thread,
      id,
      `An earlier answer.\n-# ${replyRef(`discord:${onceKey(other, ['https://news.example/other'])}`)}`,
    );
    earlierReply(x, IDS.thread, id, 'A reply posted without a job.');
    x.fake.dispatch('MESSAGE_CREATE', msg);
    expect(await decided(x, id)).toMatchObject({ outcome: 'alert', where: 'in-place' });
    expect(replies(x, IDS.thread)).toHaveLength(1);
  });

  it('posts when the lookup itself fails (it cannot tell), and says so in the log', async () => {
    const x = await durable();
    const msg = messagePayload({ channelId: IDS.thread, channelType: 11, content: `see ${NATO}` });
    const id = String(msg.id);
    // The thread's message list answers 403 (no Read Message History); everything else works.
    x.fake.override({
      method: 'GET',
      path: new RegExp(`^/channels/${IDS.thread}/messages$`),
      status: 403,
      body: { message: 'Missing Access', code: 50001 },
    });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    expect(await decided(x, id)).toMatchObject({ outcome: 'alert' });
    expect(x.logger.records.some((r) => r.msg === 'could not look for an earlier reply; posting')).toBe(true);
  });
});

/** Requests of one interaction (by its token). */
function ofInteraction(x: Harness, p: Json, method: string, path: RegExp) {
  return x.fake.requestsTo(method, path).filter((r) => r.path.includes(String(p.token)));
}

const CALLBACK = /\/callback$/;
const ORIGINAL = /\/messages\/@original$/;

describe('Discord commands and buttons as durable jobs', () => {
  it('answers /claimcheck delivered twice once: the second deferral is refused, the second job is a duplicate', async () => {
    const x = await durable();
    const p = { ...commandPayload([{ name: 'url', value: NATO }]), token: 'token-durable-cmd' };
    x.fake.dispatch('INTERACTION_CREATE', p);
    x.fake.dispatch('INTERACTION_CREATE', p);
    const edit = await waitFor(() => ofInteraction(x, p, 'PATCH', ORIGINAL)[0], 'the answer');
    expect(edit.path).toBe(`/webhooks/${IDS.app}/${String(p.token)}/messages/@original`);
    expect(String(json(edit.body).content)).toContain('repeats a known false claim');
    await waitFor(
      () => x.logger.records.filter((r) => r.msg === 'interaction stored as a job').length === 2,
      'both',
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(ofInteraction(x, p, 'PATCH', ORIGINAL)).toHaveLength(1);
    expect(ofInteraction(x, p, 'POST', CALLBACK).map((r) => r.status)).toEqual([204, 400]);
    expect(
      x.logger.records
        .filter((r) => r.msg === 'interaction stored as a job')
        .map((r) => r.queued)
        .sort(),
    ).toEqual(['duplicate', 'queued']);
    expect(x.service.checks).toEqual([[NATO]]);
  });

  it('records a feedback click delivered twice once and thanks once', async () => {
    const x = await durable();
    const p = { ...buttonPayload('cd:fb:wrong:nato-centre'), token: 'token-durable-btn' };
    x.fake.dispatch('INTERACTION_CREATE', p);
    x.fake.dispatch('INTERACTION_CREATE', p);
    const edit = await waitFor(() => ofInteraction(x, p, 'PATCH', ORIGINAL)[0], 'the thanks');
    expect(json(edit.body).content).toBe(thanks('wrong'));
    await new Promise((r) => setTimeout(r, 300));
    expect(ofInteraction(x, p, 'PATCH', ORIGINAL)).toHaveLength(1);
    expect((await x.feedback.summary()).total).toEqual({ helpful: 0, wrong: 1 });
  });

  it('answers in this process, not durably, while the queue cannot store the interaction', async () => {
    const base = await openQueue('memory://', { options: FAST });
    const refusing: JobQueue = Object.assign(Object.create(base) as JobQueue, {
      enqueue: async () => {
        throw new DependencyError('queue', 'the job queue is unavailable (test)');
      },
      start: base.start.bind(base),
      stop: base.stop.bind(base),
    });
    const x = await durable(refusing);
    const p = { ...commandPayload([{ name: 'id', value: 'nato-centre' }]), token: 'token-durable-down' };
    x.fake.dispatch('INTERACTION_CREATE', p);
    const edit = await waitFor(() => ofInteraction(x, p, 'PATCH', ORIGINAL)[0], 'the answer');
    expect(JSON.stringify(json(edit.body).embeds)).toContain(
      'NATO opened a peacekeeping centre in Kazakhstan',
    );
    expect(
      x.logger.records.some(
        (r) => r.level === 'warn' && r.msg === 'queue unavailable: answering in this process, not durably',
      ),
    ).toBe(true);
  });
});

describe.skipIf(!redisAvailable())('two replicas on one Redis (BullMQ)', () => {
  let redis: RedisHandle;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('answers a command and a click that both replicas receive once each', async () => {
    const url = `${redis.url}/1`;
    const x = await harness({}, undefined, undefined, {
      queue: await openQueue(url, { options: FAST }),
      replicaQueue: () => openQueue(url, { options: FAST }),
    });
    await x.startReplica();
    await waitFor(() => x.fake.openConnections === 2, 'two gateway connections');
    const cmd = { ...commandPayload([{ name: 'url', value: NATO }]), token: 'token-replicas-cmd' };
    const btn = { ...buttonPayload('cd:fb:helpful:nato-centre'), token: 'token-replicas-btn' };
    x.fake.dispatch('INTERACTION_CREATE', cmd);
    x.fake.dispatch('INTERACTION_CREATE', btn);
    await waitFor(
      () => ofInteraction(x, cmd, 'PATCH', ORIGINAL)[0] && ofInteraction(x, btn, 'PATCH', ORIGINAL)[0],
      'both answers',
      10_000,
    );
    await new Promise((r) => setTimeout(r, 500));
    for (const p of [cmd, btn]) {
      expect(ofInteraction(x, p, 'PATCH', ORIGINAL)).toHaveLength(1);
      expect(
        ofInteraction(x, p, 'POST', CALLBACK)
          .map((r) => r.status)
          .sort(),
      ).toEqual([204, 400]);
    }
    const stored = x.logger.records.filter((r) => r.msg === 'interaction stored as a job');
    expect(stored.map((r) => r.queued).sort()).toEqual(['duplicate', 'duplicate', 'queued', 'queued']);
    // Both replicas took part: each stored one of the two deliveries of each interaction.
    expect(stored.filter((r) => r.replica === 2)).toHaveLength(2);
    expect(x.service.checks).toEqual([[NATO]]);
    expect((await x.feedback.summary()).total).toEqual({ helpful: 1, wrong: 0 });
  }, 30_000);
});

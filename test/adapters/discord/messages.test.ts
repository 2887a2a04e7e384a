/** The Discord bot on channel messages: real discord.js against the fake gateway and REST server. */
import { describe, expect, it } from 'vitest';
import { type FakeDiscord, waitFor } from '../../helpers/fake-discord.js';
import {
  type Harness,
  harnessPerTest,
  type Json,
  json,
  NATO,
  POST_MESSAGE,
  START_THREAD,
  startHarness,
} from './harness.js';
import { IDS, messagePayload, otherBot, selfUser } from './payloads.js';

const harness = harnessPerTest();

function posts(x: Harness) {
  return x.fake.requestsTo('POST', POST_MESSAGE);
}

describe('Discord bot: connecting', () => {
  it('discovers the gateway through REST, identifies with exactly its three intents, and gets ready', async () => {
    const x = await harness();
    const gw = x.fake.requestsTo('GET', /^\/gateway\/bot$/)[0];
    expect(gw?.headers.authorization).toBe('Bot test-token-abcdef');
    const identify = x.fake.gatewayReceived.find((p) => p.op === 2);
    // Guilds (1) | GuildMessages (512) | MessageContent (32768)
    expect(json(identify?.d).intents).toBe(1 + 512 + 32768);
    expect(x.logger.records.some((r) => r.msg === 'Discord ready' && r.guilds === 1)).toBe(true);
    // The token never reaches a log line.
    expect(JSON.stringify(x.logger.records)).not.toContain('test-token-abcdef');
  });

  it('fails to start with a plain error, without opening the gateway, when Discord rejects the token', async () => {
    let seen: FakeDiscord | undefined;
    const start = startHarness({}, undefined, (fake) => {
      seen = fake;
      fake.override({
        method: 'GET',
        path: /^\/gateway\/bot$/,
        status: 401,
        body: { message: '401: Unauthorized', code: 0 },
      });
    });
    await expect(start).rejects.toMatchObject({
      name: 'DependencyError',
      message: 'Discord could not connect: An invalid token was provided.',
    });
    expect(seen?.requestsTo('GET', /^\/gateway\/bot$/)).toHaveLength(1);
    expect(seen?.connections).toBe(0);
  });
});

describe('Discord bot: messages with links', () => {
  it('answers in a new thread with an embed, feedback buttons, no mentions and no link previews', async () => {
    const x = await harness();
    const msg = messagePayload({ content: `Have you seen this? ${NATO} @everyone` });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    const reply = await waitFor(() => posts(x)[0], 'the reply');

    const thread = x.fake.requestsTo('POST', START_THREAD);
    expect(thread).toHaveLength(1);
    expect(thread[0]?.path).toBe(`/channels/${IDS.newsroom}/messages/${msg.id}/threads`);
    const name = String(json(thread[0]?.body).name);
    expect(name).toBe('⚠️ Known claim: NATO opened a peacekeeping centre in Kazakhstan');
    expect(name.length).toBeLessThanOrEqual(100);

    // The thread started on a message has that message's id.
    expect(reply.path).toBe(`/channels/${msg.id}/messages`);
    const body = json(reply.body);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.message_reference).toBeUndefined();
    expect(Number(body.flags ?? 0) & 4).toBe(0); // SuppressEmbeds would hide our own embed
    expect(body.content).toBe(
      'This article repeats a known false claim: NATO opened a peacekeeping centre in Kazakhstan.',
    );
    const embeds = body.embeds as Json[];
    expect(embeds).toHaveLength(1);
    const embed = json(embeds[0]);
    expect(embed.title).toBe('NATO centre opens in Almaty');
    expect(embed.url).toBe(NATO);
    expect(json(embed.footer).text).toBe('claimdesk · catalogue version test-version');
    const fields = embed.fields as Array<{ name: string; value: string }>;
    expect(fields.map((f) => f.name)).toEqual([
      '⚠️ NATO opened a peacekeeping centre in Kazakhstan',
      'Evidence from the article',
      'What is true',
      'Denials',
    ]);
    expect(fields[0]?.value).toContain(
      '**rated false** · claim · Part of the narrative “Kazakhstan is turning West”',
    );
    expect(fields[0]?.value).toContain(
      'The article promotes it · confidence 87% · lexical · id `nato-centre`',
    );
    // Article text cannot smuggle a link or a mention into our message.
    expect(fields[1]?.value).toBe(
      '> NATO has opened its \\[centre\\]\\(https://evil.example\\) in Almaty, \\@everyone.',
    );
    expect(fields[3]?.value).toBe(
      '- [Test Ministry \\(Test Spokesperson\\) (official, 2023-10-25)](<https://example.org/denial>) — “This is not true.”',
    );
    const buttons = json((body.components as Json[])[0]).components as Json[];
    expect(buttons.map((b) => [b.label, b.custom_id])).toEqual([
      ['Helpful', 'cd:fb:helpful:nato-centre'],
      ['Wrong match', 'cd:fb:wrong:nato-centre'],
    ]);

    // What the core checked: the one link, normalized.
    expect(x.service.checks).toEqual([[NATO]]);
    expect(await x.outcome(String(msg.id))).toMatchObject({ outcome: 'alert', where: 'thread' });
  });

  it('ignores a channel outside DISCORD_CHANNELS', async () => {
    const x = await harness();
    const msg = messagePayload({ channelId: IDS.offTopic, content: NATO });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    expect(await x.outcome(String(msg.id))).toMatchObject({
      outcome: 'ignored',
      reason: 'channel not allowed',
    });
    expect(x.service.checks).toHaveLength(0);
    expect(x.fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('reads every channel when the allowlist is empty', async () => {
    const x = await harness({ DISCORD_CHANNELS: '' });
    const msg = messagePayload({ channelId: IDS.offTopic, content: NATO });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    expect(await x.outcome(String(msg.id))).toMatchObject({ outcome: 'alert' });
  });

  it('ignores other bots, itself, webhooks and system messages', async () => {
    const x = await harness();
    const cases: Array<[Json, string]> = [
      [messagePayload({ content: NATO, author: otherBot }), 'bot message'],
      [messagePayload({ content: NATO, author: selfUser }), 'own message'],
      [
        messagePayload({ content: NATO, webhookId: '1800000000000000001', author: otherBot }),
        'webhook message',
      ],
      [messagePayload({ content: NATO, type: 7 }), 'system message'],
    ];
    for (const [payload] of cases) x.fake.dispatch('MESSAGE_CREATE', payload);
    for (const [payload, reason] of cases) {
      expect(await x.outcome(String(payload.id))).toMatchObject({ outcome: 'ignored', reason });
    }
    expect(x.service.checks).toHaveLength(0);
    expect(x.fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('replies in place, without a new thread, to a message already in a thread', async () => {
    const x = await harness();
    const msg = messagePayload({ channelId: IDS.thread, channelType: 11, content: `see ${NATO}` });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    const reply = await waitFor(() => posts(x)[0], 'the reply');
    expect(reply.path).toBe(`/channels/${IDS.thread}/messages`);
    const body = json(reply.body);
    expect(json(body.message_reference).message_id).toBe(msg.id);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(x.fake.requestsTo('POST', START_THREAD)).toHaveLength(0);
    expect(await x.outcome(String(msg.id))).toMatchObject({ outcome: 'alert', where: 'in-place' });
  });

  it('replies in place when Discord refuses the thread (Missing Permissions)', async () => {
    const x = await harness();
    x.fake.override({
      method: 'POST',
      path: START_THREAD,
      status: 403,
      body: { message: 'Missing Permissions', code: 50013 },
    });
    const msg = messagePayload({ content: NATO });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    const reply = await waitFor(() => posts(x)[0], 'the reply');
    expect(reply.path).toBe(`/channels/${IDS.newsroom}/messages`);
    expect(json(json(reply.body).message_reference).message_id).toBe(msg.id);
    expect(await x.outcome(String(msg.id))).toMatchObject({ outcome: 'alert', where: 'in-place' });
    expect(
      x.logger.records.some(
        (r) => r.msg === 'could not start a thread; replying in place' && r.code === 50013,
      ),
    ).toBe(true);
  });
});

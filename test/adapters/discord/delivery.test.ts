/**
 * One reply per message however events arrive; what is posted for non-alerts; failures; REST 429;
 * and a gateway disconnect followed by a resume. Real discord.js against the fakes.
 */
import { describe, expect, it } from 'vitest';
import { onceKey } from '../../../src/conversation/once-markers.js';
import { neutralError } from '../../../src/lang/phrases/index.js';
import { waitFor } from '../../helpers/fake-discord.js';
import { type Harness, harnessPerTest, json, NATO, POST_MESSAGE, START_THREAD } from './harness.js';
import { IDS, messagePayload, SESSION_ID } from './payloads.js';

const harness = harnessPerTest();

function threadsFor(x: Harness, messageId: unknown) {
  return x.fake
    .requestsTo('POST', START_THREAD)
    .filter((r) => r.path.endsWith(`/messages/${String(messageId)}/threads`));
}

describe('Discord bot: one reply per message', () => {
  it('does not answer again for a link preview update; an edit that adds a link is checked for that link', async () => {
    const x = await harness();
    const msg = messagePayload({ content: `look ${NATO}` });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    await x.outcome(String(msg.id));
    // Discord sends MESSAGE_UPDATE when it unfurls the link: same text, new embeds.
    x.fake.dispatch('MESSAGE_UPDATE', {
      ...msg,
      embeds: [{ type: 'article', url: NATO, title: 'NATO centre' }],
    });
    // Then the author edits the message and adds a second link.
    const edited = {
      ...msg,
      content: `look ${NATO} and https://news.example/plain`,
      edited_timestamp: new Date().toISOString(),
    };
    x.fake.dispatch('MESSAGE_UPDATE', edited);
    await waitFor(() => x.outcomes(String(msg.id)).length === 3, 'three decisions');
    expect(x.outcomes(String(msg.id)).map((r) => [r.event, r.outcome, r.reason])).toEqual([
      ['create', 'alert', undefined],
      ['update', 'ignored', 'no new links'],
      ['update', 'silent', 'nothing found'],
    ]);
    expect(threadsFor(x, msg.id)).toHaveLength(1);
    expect(x.service.checks).toEqual([[NATO], ['https://news.example/plain']]);
  });

  it('answers a message whose link arrives in an edit', async () => {
    const x = await harness();
    const msg = messagePayload({ content: 'a link is coming' });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    expect(await x.outcome(String(msg.id))).toMatchObject({ outcome: 'ignored', reason: 'no links' });
    x.fake.dispatch('MESSAGE_UPDATE', {
      ...msg,
      content: `here: ${NATO}`,
      edited_timestamp: new Date().toISOString(),
    });
    await waitFor(
      () => x.outcomes(String(msg.id)).find((r) => r.outcome === 'alert'),
      'the answer to the edit',
    );
    expect(x.outcomes(String(msg.id))[1]).toMatchObject({
      event: 'update',
      outcome: 'alert',
      where: 'thread',
    });
    expect(threadsFor(x, msg.id)).toHaveLength(1);
  });

  it('answers an edit of a message it never saw (posted before a restart)', async () => {
    const x = await harness();
    const msg = messagePayload({ content: `earlier: ${NATO}` });
    x.fake.dispatch('MESSAGE_UPDATE', { ...msg, edited_timestamp: new Date().toISOString() });
    expect(await x.outcome(String(msg.id))).toMatchObject({ event: 'update', outcome: 'alert' });
  });

  it('two replicas sharing the store answer a message once', async () => {
    const x = await harness();
    await x.startReplica();
    const msg = messagePayload({ content: NATO });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    await waitFor(() => x.outcomes(String(msg.id)).length === 2, 'both replicas to decide');
    expect(
      x
        .outcomes(String(msg.id))
        .map((r) => r.outcome)
        .sort(),
    ).toEqual(['alert', 'duplicate']);
    expect(threadsFor(x, msg.id)).toHaveLength(1);
    expect(x.fake.requestsTo('POST', POST_MESSAGE)).toHaveLength(1);
  });
});

describe('Discord bot: no alert', () => {
  it('stays silent on a debunk, an unreadable page and a page with nothing in the catalogue', async () => {
    const x = await harness();
    const cases: Array<[string, string]> = [
      ['https://news.example/debunk', 'reports or debunks'],
      ['https://news.example/paywall', 'unreadable'],
      ['https://news.example/plain', 'nothing found'],
    ];
    const sent = cases.map(([url]) => messagePayload({ content: url }));
    for (const m of sent) x.fake.dispatch('MESSAGE_CREATE', m);
    for (const [i, [, reason]] of cases.entries()) {
      expect(await x.outcome(String(sent[i]?.id))).toMatchObject({ outcome: 'silent', reason });
    }
    expect(x.fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('posts one quiet line (no embed, no buttons, no previews) with NON_ALERT_REPLY=note and REPLY_ON_UNREADABLE', async () => {
    const x = await harness({ NON_ALERT_REPLY: 'note', REPLY_ON_UNREADABLE: 'true' });
    const msg = messagePayload({ content: 'https://news.example/debunk https://news.example/paywall' });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    const reply = await waitFor(() => x.fake.requestsTo('POST', POST_MESSAGE)[0], 'the note');
    const body = json(reply.body);
    expect(body.content).toBe(
      'No, NATO did not open a centre: This article debunks a known claim: NATO opened a peacekeeping centre in Kazakhstan. No alert.\n' +
        '<https://news.example/paywall>: The page is behind a login wall, so I could not read it.',
    );
    expect(body.flags).toBe(4);
    expect(body.embeds).toEqual([]);
    expect(body.components).toEqual([]);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(json(threadsFor(x, msg.id)[0]?.body).name).toBe('Link check: No, NATO did not open a centre');
  });
});

describe('Discord bot: failures', () => {
  it('answers a failed check with a short neutral line, never a stack trace', async () => {
    const x = await harness();
    x.service.failNext = true;
    const msg = messagePayload({ content: NATO });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    const reply = await waitFor(() => x.fake.requestsTo('POST', POST_MESSAGE)[0], 'the neutral line');
    expect(json(reply.body).content).toBe(neutralError());
    expect(await x.outcome(String(msg.id))).toMatchObject({
      outcome: 'failed',
      stage: 'check',
      error: 'boom: internal failure with a stack',
    });
    expect(json(reply.body).content).not.toMatch(/stack|boom/);
  });

  it('survives a REST failure: logs it, forgets the message for a retry, and answers the next one', async () => {
    const x = await harness();
    // discord.js retries a 5xx three times; all four attempts fail.
    x.fake.override({
      method: 'POST',
      path: POST_MESSAGE,
      status: 500,
      body: { message: 'Internal Server Error', code: 0 },
      times: 4,
    });
    const first = messagePayload({ content: NATO });
    x.fake.dispatch('MESSAGE_CREATE', first);
    expect(await x.outcome(String(first.id))).toMatchObject({
      outcome: 'failed',
      stage: 'post',
      status: 500,
    });
    const key = onceKey(
      { platform: 'discord', teamId: IDS.guild, channelId: IDS.newsroom, messageId: String(first.id) },
      [NATO],
    );
    expect(await x.store.setIfAbsent(key, 1, 1000)).toBe(true);

    const second = messagePayload({ content: NATO });
    x.fake.dispatch('MESSAGE_CREATE', second);
    expect(await x.outcome(String(second.id))).toMatchObject({ outcome: 'alert', where: 'thread' });
  });

  it('honours a REST 429: waits retry_after, retries, and the reply lands', async () => {
    const x = await harness();
    x.fake.override({
      method: 'POST',
      path: START_THREAD,
      status: 429,
      headers: { 'retry-after': '0.3', 'x-ratelimit-scope': 'user' },
      body: { message: 'You are being rate limited.', retry_after: 0.3, global: false },
    });
    const msg = messagePayload({ content: NATO });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    expect(await x.outcome(String(msg.id))).toMatchObject({ outcome: 'alert', where: 'thread' });
    const attempts = threadsFor(x, msg.id);
    expect(attempts.map((r) => r.status)).toEqual([429, 201]);
    // Not a speed check: the retry must not come before Discord's retry_after.
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(290);
    expect(x.fake.requestsTo('POST', POST_MESSAGE)).toHaveLength(1);
    expect(
      x.logger.records.some(
        (r) =>
          r.msg === 'Discord rate limit (429): waiting retry_after before retrying' &&
          r.retryAfterS === '0.3',
      ),
    ).toBe(true);
  });
});

describe('Discord bot: gateway', () => {
  it('resumes after a disconnect, with the session id, and goes on answering', async () => {
    const x = await harness();
    const before = messagePayload({ content: NATO });
    x.fake.dispatch('MESSAGE_CREATE', before);
    await x.outcome(String(before.id));
    const seq = x.fake.lastSeq;

    // While the connection is down: one new message, and a replay of one already answered.
    const missed = messagePayload({ content: NATO });
    x.fake.missWhileDisconnected('MESSAGE_CREATE', before);
    x.fake.missWhileDisconnected('MESSAGE_CREATE', missed);
    x.fake.closeGateway(4000); // Unknown error: resumable

    const resume = await waitFor(() => x.fake.gatewayReceived.find((p) => p.op === 6), 'RESUME (op 6)');
    expect(resume.connection).toBe(2);
    expect(resume.d).toEqual({ token: 'test-token-abcdef', session_id: SESSION_ID, seq });
    expect(x.fake.gatewayReceived.filter((p) => p.op === 2)).toHaveLength(1); // no second IDENTIFY
    expect(await x.outcome(String(missed.id))).toMatchObject({ outcome: 'alert' });
    await waitFor(() => x.logger.records.find((r) => r.msg === 'Discord gateway resumed'), 'the resumed log');

    const after = messagePayload({ content: NATO });
    x.fake.dispatch('MESSAGE_CREATE', after);
    expect(await x.outcome(String(after.id))).toMatchObject({ outcome: 'alert' });
    expect(threadsFor(x, before.id)).toHaveLength(1);
  });
});

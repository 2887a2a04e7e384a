/** What the bot says (or not) for non-alerts and unreadable pages, and how failures are contained. */
import { afterEach, describe, expect, it } from 'vitest';
import { neutralError } from '../../../src/lang/phrases/index.js';
import { URLS } from './fake-service.js';
import { eventFixture, fixture, type Harness, jsonParam, startHarness } from './harness.js';

let h: Harness;

afterEach(async () => {
  await h.close();
});

function linkEvent(url: string, eventId: string, ts: string) {
  return eventFixture('message-with-link.json', {
    event_id: eventId,
    event: { text: `See <${url}>`, blocks: [], ts },
  });
}

describe('Slack reply policy per workspace', () => {
  it('posts a quiet note for a debunking article once an admin turns notes on', async () => {
    h = await startHarness({ env: { ADMIN_USERS: 'U0JOURNO1' } });
    await h.sendEvent(linkEvent(URLS.debunk, 'Ev0DEBUNK1', '1732191000.000100'));
    await h.slack.idle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);

    await h.sendCommand({ ...fixture('slash-command-url.json'), text: 'settings notes on' });
    await h.fake.waitFor(
      () => h.fake.responses.find((r) => String(r.body.text).includes('Settings saved')),
      5_000,
      'settings reply',
    );

    await h.sendEvent(linkEvent(URLS.debunk, 'Ev0DEBUNK2', '1732191001.000100'));
    const post = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage')[0], 5_000, 'quiet note');
    expect(post.params.thread_ts).toBe('1732191001.000100');
    const blocks = JSON.stringify(jsonParam(post.params, 'blocks'));
    expect(blocks).toContain(
      'This article debunks a known claim: NATO opened a centre in Kazakhstan. No alert.',
    );
    // Quiet: small context lines, no feedback buttons, no entry details.
    expect(blocks).not.toContain('"type":"actions"');
    expect(blocks).not.toContain('Denials');
    expect(post.params.unfurl_links).toBe('false');
  });

  it('posts one short line for an unreadable page when REPLY_ON_UNREADABLE is on', async () => {
    h = await startHarness({ env: { REPLY_ON_UNREADABLE: 'true' } });
    await h.sendEvent(linkEvent(URLS.unreadable, 'Ev0UNREADABLE', '1732191002.000100'));
    const post = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage')[0], 5_000, 'unreadable line');
    expect(post.params.text).toContain(
      'I could not read this page: The page is behind a login wall, so I could not read it.',
    );
    expect(JSON.stringify(jsonParam(post.params, 'blocks'))).not.toContain('"type":"actions"');
  });

  it('still posts nothing for an article with no finding, whatever the settings', async () => {
    h = await startHarness({ env: { REPLY_ON_UNREADABLE: 'true', NON_ALERT_REPLY: 'note' } });
    await h.sendEvent(linkEvent(URLS.neutral, 'Ev0NEUTRAL', '1732191003.000100'));
    await h.slack.idle();
    expect(h.service.checks).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('Slack error boundary', () => {
  it('logs a failed check with the event id and answers with a short neutral line, no stack trace', async () => {
    h = await startHarness();
    h.service.failNext = true;
    await h.sendEvent(fixture('message-with-link.json'));
    const post = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage')[0], 5_000, 'neutral line');
    expect(post.params.thread_ts).toBe('1732190000.000100');
    expect(post.params.text).toBe(neutralError());
    expect(JSON.stringify(post.params)).not.toMatch(/boom|at .*\.ts:\d+/);
    const err = h.logs.find((l) => l.level === 'error' && l.msg === 'could not answer a message');
    expect(err?.obj).toMatchObject({
      eventId: 'Ev0PLAINLINK',
      outcome: 'failed',
      stage: 'check',
      error: 'boom: internal failure with a stack',
    });

    // The next event is handled normally.
    await h.sendEvent(fixture('thread-reply.json'));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage')[1], 5_000, 'second reply');

    // The failed delivery claimed nothing for good: Slack's re-delivery of it gets the real answer.
    await h.slack.idle();
    const answers = () => h.fake.callsTo('chat.postMessage').filter((c) => c.params.blocks);
    const before = answers().length;
    await h.sendEvent(fixture('message-with-link.json'));
    await h.slack.idle();
    expect(answers()).toHaveLength(before + 1);
    expect(JSON.stringify(jsonParam(answers()[before]?.params ?? {}, 'blocks'))).toContain(
      'NATO opened a centre in Kazakhstan',
    );
  });

  it('survives Web API failures (ok: false) and goes on with the next event', async () => {
    h = await startHarness();
    const fail = { body: { ok: false, error: 'channel_not_found' } };
    h.fake.script('chat.postMessage', fail, fail);
    await h.sendEvent(fixture('message-with-link.json'));
    await h.slack.idle();
    const errors = h.logs.filter((l) => l.level === 'error' && l.obj.eventId === 'Ev0PLAINLINK');
    // The post failed: logged once, the marker released, and no apology tried (posting is what failed).
    expect(errors.map((e) => e.msg)).toEqual(['could not answer a message']);
    expect(errors[0]?.obj).toMatchObject({ outcome: 'failed', stage: 'post' });
    expect(String(errors[0]?.obj.error)).toContain('channel_not_found');
    // Secrets never reach the logs.
    expect(JSON.stringify(h.logs)).not.toContain('xoxb-test-bot-token');

    await h.sendEvent(fixture('thread-reply.json'));
    const ok = await h.fake.waitFor(() =>
      h.fake
        .callsTo('chat.postMessage')
        .find((c) => c.params.thread_ts === '1732190000.000100' && c.params.blocks),
    );
    expect(JSON.stringify(jsonParam(ok.params, 'blocks'))).toContain('NATO opened a centre in Kazakhstan');
  });
});

/**
 * Slack and the editors' view, through real Bolt and the fake Slack: each link checked in a channel
 * is recorded (directly and as a durable job), `/claimcheck digest` answers with this workspace's
 * numbers, admins choose the digest's channel with `settings digest <#C…|name> weekly`, and the
 * weekly tick posts it there, once, with no link previews and nothing that pings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ResponseUrlCall } from '../../helpers/fake-slack.js';
import { openQueue } from '../../../src/queue/open-queue.js';
import { fakeCheckService, URLS } from './fake-service.js';
import { eventFixture, fixture, type Harness, jsonParam, startHarness, startHarnessWith } from './harness.js';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const MONDAY_MORNING = new Date('2026-11-16T05:00:00Z');

function linkEvent(eventId: string, ts: string, text: string) {
  return eventFixture('message-with-link.json', { event_id: eventId, event: { text, blocks: [], ts } });
}

async function answer(x: Harness, n: number): Promise<ResponseUrlCall> {
  return x.fake.waitFor(() => x.fake.responses.filter((r) => r.id === 'command')[n], 5_000, 'answer');
}

function command(x: Harness, text: string, over: Record<string, string> = {}) {
  return x.sendCommand({ ...fixture('slash-command-url.json'), text, ...over });
}

async function until(what: string, ok: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const ever = { from: new Date(0), to: new Date(Date.now() + 86_400_000) };

describe('Slack check history', () => {
  it('records each link of a message with the workspace and channel, and the outcome', async () => {
    const x = await startHarness();
    h = x;
    await x.sendEvent(
      linkEvent('Ev0HIST1', '1732190000.000100', `two: <${URLS.alert}> <${URLS.unreadable}>`),
    );
    await x.slack.idle();
    const records = await x.history.list(ever);
    expect(records.map((r) => [r.url, r.outcome, r.surface, r.teamId, r.channelId]).sort()).toEqual(
      [
        [URLS.unreadable, 'unreadable', 'slack', 'T0NEWSROOM', 'C0NEWSDESK'],
        [URLS.alert, 'alert', 'slack', 'T0NEWSROOM', 'C0NEWSDESK'],
      ].sort(),
    );
    // A re-delivery of the same event is not a new check.
    await x.sendEvent(
      linkEvent('Ev0HIST1', '1732190000.000100', `two: <${URLS.alert}> <${URLS.unreadable}>`),
      {
        retryNum: 1,
      },
    );
    await x.slack.idle();
    expect(await x.history.list(ever)).toHaveLength(2);
  });

  it('records once per link when the message runs as a durable job delivered three times', async () => {
    const queue = await openQueue('memory://', { options: { pollMs: 20, backoffMs: 50 } });
    const x = await startHarnessWith(fakeCheckService(), {}, { queue });
    h = x as unknown as Harness;
    for (const retryNum of [undefined, 1, 2])
      await x.sendEvent(linkEvent('Ev0HIST2', '1732191000.000100', `see <${URLS.debunk}>`), {
        ...(retryNum ? { retryNum } : {}),
      });
    await until('the job', async () => (await x.history.list(ever)).length > 0);
    await new Promise((r) => setTimeout(r, 200));
    const records = await x.history.list(ever);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ url: URLS.debunk, outcome: 'silent', teamId: 'T0NEWSROOM' });
    expect(records[0]?.id).toMatch(/^slack:reply:slack:T0NEWSROOM:C0NEWSDESK:1732191000\.000100:/);
  });
});

describe('/claimcheck digest and the weekly post', () => {
  it('answers with this workspace’s digest only, privately, in the workspace’s language', async () => {
    const x = await startHarness();
    h = x;
    await x.sendEvent(linkEvent('Ev0HIST3', '1732192000.000100', `<${URLS.alert}>`));
    await x.slack.idle();
    await x.history.record({
      id: 'other-team',
      at: new Date().toISOString(),
      surface: 'slack',
      teamId: 'T0ELSEWHERE',
      channelId: 'C0X',
      url: 'https://news.example/elsewhere',
      title: null,
      outcome: 'alert',
      errorCode: null,
      entries: [{ id: 'nato-centre', stance: 'promotes', confidence: 0.9 }],
      catalogueVersion: 'v',
    });
    await command(x, 'digest');
    const a = await answer(x, 0);
    expect(a.body.response_type).toBe('ephemeral');
    const blocks = JSON.stringify(a.body.blocks);
    expect(blocks).toContain('Checks: 1 · alerts: 1 · unreadable: 0');
    expect(blocks).not.toContain('elsewhere');
    // The page's title came from the web: it cannot ping the channel.
    expect(blocks).toContain('NATO &lt;!here&gt; centre');
    expect(blocks).not.toContain('<!here>');
    await command(x, 'digest 400');
    expect(String((await answer(x, 1)).body.text)).toContain('/claimcheck digest [days]');
  });

  it('lets only admins choose the channel, shows it in the settings, and posts there once a week', async () => {
    const x = await startHarness();
    h = x;
    await command(x, 'settings digest <#C0DIGEST|editors> weekly');
    expect(String((await answer(x, 0)).body.text)).toContain('Only workspace admins');
    expect(await x.settings.digestTargets()).toEqual([]);
    x.fake.script('users.info', { body: { ok: true, user: { id: 'U0JOURNO1', is_admin: true } } });
    await command(x, 'settings digest <#C0DIGEST|editors> weekly');
    const saved = String((await answer(x, 1)).body.text);
    expect(saved).toContain('Weekly digest: posted in <#C0DIGEST> every Monday');

    await x.sendEvent(linkEvent('Ev0HIST4', '1732193000.000100', `<${URLS.alert}>`));
    await x.slack.idle();
    const before = x.fake.callsTo('chat.postMessage').length;
    expect(await x.digests.tick(MONDAY_MORNING)).toEqual({ posted: 1, already: 0, failed: 0 });
    expect(await x.digests.tick(MONDAY_MORNING)).toEqual({ posted: 0, already: 1, failed: 0 });
    const posts = x.fake.callsTo('chat.postMessage').slice(before);
    expect(posts).toHaveLength(1);
    const post = posts[0];
    expect(post?.params.channel).toBe('C0DIGEST');
    expect(post?.params.thread_ts).toBeUndefined();
    expect(post?.params.unfurl_links).toBe('false');
    const blocks = JSON.stringify(jsonParam(post?.params ?? {}, 'blocks'));
    expect(blocks).toContain('Digest of the last 7 days');
    expect(blocks).not.toContain('<!here>');
  });

  it('tries the weekly post again on the next tick when Slack refuses it', async () => {
    const x = await startHarness();
    h = x;
    await x.settings.write(
      'slack',
      'T0NEWSROOM',
      { digest: { channelId: 'C0DIGEST', every: 'weekly' } },
      { userId: 'U0ADMIN', at: new Date() },
    );
    x.fake.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    expect(await x.digests.tick(MONDAY_MORNING)).toEqual({ posted: 0, already: 0, failed: 1 });
    expect(await x.digests.tick(new Date(MONDAY_MORNING.getTime() + 3_600_000))).toEqual({
      posted: 1,
      already: 0,
      failed: 0,
    });
  });
});

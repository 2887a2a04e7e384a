/**
 * Discord and the editors' view, through real discord.js and the fake Discord: each link checked
 * in a channel is recorded with the guild and channel, `/claimcheck digest:` answers privately with
 * this guild's numbers, members with Manage Server choose the channel with `settings:digest <#id>
 * weekly`, and the weekly tick posts one embed there, mentioning nobody, and never into a channel
 * of another guild.
 */
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../helpers/fake-discord.js';
import { type Harness, harnessPerTest, json, NATO, POST_MESSAGE, settingsAnswer } from './harness.js';
import { commandPayload, IDS, messagePayload } from './payloads.js';

const harness = harnessPerTest();
const MONDAY_MORNING = new Date('2026-11-16T05:00:00Z');
const ever = { from: new Date(0), to: new Date(Date.now() + 86_400_000) };

async function digestAnswer(x: Harness, days: number) {
  const p = commandPayload([{ name: 'digest', value: days, type: 4 }]);
  const payload = { ...p, token: `token-digest-${String(p.id)}` };
  x.fake.dispatch('INTERACTION_CREATE', payload);
  const r = await waitFor(
    () => x.fake.requestsTo('PATCH', /\/messages\/@original$/).find((q) => q.path.includes(payload.token)),
    'the digest answer',
  );
  return json(r.body);
}

describe('Discord check history and digest', () => {
  it('records the links of a channel message with the guild and channel ids', async () => {
    const x = await harness();
    const msg = messagePayload({ content: `look ${NATO}` });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    await x.outcome(String(msg.id));
    const records = await x.history.list(ever);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      surface: 'discord',
      teamId: IDS.guild,
      channelId: IDS.newsroom,
      url: NATO,
      outcome: 'alert',
    });
  });

  it('answers /claimcheck digest: privately with this guild’s numbers', async () => {
    const x = await harness();
    const msg = messagePayload({ content: `look ${NATO}` });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    await x.outcome(String(msg.id));
    await x.history.record({
      id: 'elsewhere',
      at: new Date().toISOString(),
      surface: 'discord',
      teamId: '1999999999999999999',
      channelId: '1999999999999999998',
      url: 'https://news.example/elsewhere',
      title: null,
      outcome: 'unreadable',
      errorCode: 'timeout',
      entries: [],
      catalogueVersion: 'v',
    });
    const body = await digestAnswer(x, 7);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const embed = json((body.embeds as unknown[])[0]);
    expect(embed.title).toBe(
      `Digest of the last 7 days (${new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10)} – ${new Date().toISOString().slice(0, 10)})`,
    );
    expect(String(embed.description)).toContain('Checks: 1 · alerts: 1 · unreadable: 0');
    expect(String(embed.description)).not.toContain('elsewhere');
  });

  it('lets only Manage Server choose the channel, then posts there once a week', async () => {
    const x = await harness();
    const channel = `<#${IDS.newsroom}>`;
    expect(await settingsAnswer(x, `digest ${channel} weekly`, '0')).toContain('Only workspace admins');
    const saved = await settingsAnswer(x, `digest ${channel} weekly`, '32');
    expect(saved).toContain(`Weekly digest: posted in <#${IDS.newsroom}> every Monday`);
    const before = x.fake.requestsTo('POST', POST_MESSAGE).length;
    expect(await x.digests.tick(MONDAY_MORNING)).toEqual({ posted: 1, already: 0, failed: 0 });
    expect(await x.digests.tick(MONDAY_MORNING)).toEqual({ posted: 0, already: 1, failed: 0 });
    const posts = x.fake.requestsTo('POST', POST_MESSAGE).slice(before);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.path).toBe(`/channels/${IDS.newsroom}/messages`);
    const body = json(posts[0]?.body);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(String(json((body.embeds as unknown[])[0]).title)).toContain('Digest of the last 7 days');
    expect(await settingsAnswer(x, 'digest off', '32')).toContain('Weekly digest: **off**');
    expect(await x.digests.tick(new Date(MONDAY_MORNING.getTime() + 7 * 86_400_000))).toEqual({
      posted: 0,
      already: 0,
      failed: 0,
    });
  });

  it('refuses to post a guild’s digest into a channel it cannot see in that guild', async () => {
    const x = await harness();
    await settingsAnswer(x, 'digest <#1999999999999999998> weekly', '32');
    const before = x.fake.requestsTo('POST', POST_MESSAGE).length;
    expect(await x.digests.tick(MONDAY_MORNING)).toEqual({ posted: 0, already: 0, failed: 1 });
    expect(x.fake.requestsTo('POST', POST_MESSAGE).length).toBe(before);
  });
});

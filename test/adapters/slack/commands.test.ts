/** /claimcheck against real Bolt: acknowledged at once, answered ephemerally through response_url. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../../src/adapters/slack/actions.js';
import type { ResponseUrlCall } from '../../helpers/fake-slack.js';
import { URLS } from './fake-service.js';
import { fixture, type Harness, jsonParam, startHarness } from './harness.js';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function answer(n = 0): Promise<ResponseUrlCall> {
  return h.fake.waitFor(
    () => h.fake.responses.filter((r) => r.id === 'command')[n],
    5_000,
    'response_url answer',
  );
}

function command(text: string) {
  return h.sendCommand({ ...fixture('slash-command-url.json'), text });
}

/** The value of the button with this action id in a list of blocks. */
function buttonValue(blocks: unknown, actionId: string): string | undefined {
  const m = JSON.stringify(blocks).match(
    new RegExp(`"action_id":"${actionId}","text":\\{[^}]*\\},"value":"([^"]+)"`),
  );
  return m?.[1];
}

describe('/claimcheck', () => {
  it('acks a link at once, then answers ephemerally with the full reply and a share button', async () => {
    const res = await h.sendCommand(fixture('slash-command-url.json'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      response_type: 'ephemeral',
      text: 'Checking… (only you can see this)',
    });
    const a = await answer();
    expect(a.body.response_type).toBe('ephemeral');
    expect(a.body.unfurl_links).toBe(false);
    const blocks = JSON.stringify(a.body.blocks);
    expect(blocks).toContain('This article repeats a known false claim: NATO opened a centre in Kazakhstan.');
    expect(blocks).toContain('Ministry of Defence (test)');
    expect(blocks).not.toMatch(/<!channel>|<@U0BOSS>/);
    expect(buttonValue(a.body.blocks, ACTION.share)).toMatch(/^[0-9a-f-]{36}$/);
    // No feedback buttons on the private answer, and nothing posted in the channel yet.
    expect(blocks).not.toContain(ACTION.helpful);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(h.service.checks).toEqual([[URLS.alert]]);
  });

  it('reads an escaped command text (should_escape): a <link|label> is checked as its URL, entities undone', async () => {
    const escaped = `<${URLS.alert.replace(/&/g, '&amp;')}|the article>`;
    await command(escaped);
    await answer();
    expect(h.service.checks).toEqual([[URLS.alert]]);
  });

  it('shares the answer in the channel when the button is clicked', async () => {
    await h.sendCommand(fixture('slash-command-url.json'));
    const key = buttonValue((await answer()).body.blocks, ACTION.share);
    const click = fixture('block-actions-share.json');
    const actions = [{ ...(Array.isArray(click.actions) ? click.actions[0] : {}), value: key }];
    expect((await h.sendAction({ ...click, actions })).status).toBe(200);
    const post = await h.fake.waitFor(() => h.fake.callsTo('chat.postMessage')[0], 5_000, 'shared post');
    expect(post.params.channel).toBe('C0NEWSDESK');
    expect(post.params.thread_ts).toBeUndefined();
    expect(post.params.unfurl_links).toBe('false');
    const blocks = jsonParam(post.params, 'blocks');
    expect(JSON.stringify(blocks)).toContain('NATO opened a centre in Kazakhstan');
    expect(buttonValue(blocks, ACTION.wrong)).toBe('nato-centre');
    const done = await h.fake.waitFor(
      () => h.fake.responses.find((r) => r.id === 'action'),
      5_000,
      'share confirmation',
    );
    expect(done.body).toMatchObject({
      response_type: 'ephemeral',
      replace_original: true,
      text: 'Shared in the channel.',
    });
  });

  it('shares through response_url when the bot is not in that channel', async () => {
    await h.sendCommand(fixture('slash-command-url.json'));
    const key = buttonValue((await answer()).body.blocks, ACTION.share);
    h.fake.script('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const click = fixture('block-actions-share.json');
    await h.sendAction({
      ...click,
      actions: [{ ...(Array.isArray(click.actions) ? click.actions[0] : {}), value: key }],
    });
    const inChannel = await h.fake.waitFor(() =>
      h.fake.responses.find((r) => r.body.response_type === 'in_channel'),
    );
    expect(JSON.stringify(inChannel.body.blocks)).toContain('NATO opened a centre in Kazakhstan');
    expect(inChannel.body.unfurl_links).toBe(false);
  });

  it('says so when a shared answer has expired', async () => {
    const click = fixture('block-actions-share.json');
    await h.sendAction({
      ...click,
      actions: [
        {
          ...(Array.isArray(click.actions) ? click.actions[0] : {}),
          value: '00000000-0000-4000-8000-000000000000',
        },
      ],
    });
    const r = await h.fake.waitFor(() => h.fake.responses.find((x) => x.id === 'action'));
    expect(r.body.text).toContain('expired');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('tells the user when a link could not be read (always, for a command)', async () => {
    await command(URLS.unreadable);
    const a = await answer();
    expect(String(a.body.text)).toContain('I could not read this page: The page is behind a login wall');
  });

  it('looks up Russian words and answers with cards in Russian', async () => {
    const res = await h.sendCommand(fixture('slash-command-words-ru.json'));
    expect(res.status).toBe(200);
    const a = await answer();
    const blocks = JSON.stringify(a.body.blocks);
    expect(blocks).toContain('Биолаборатории США в Казахстане');
    expect(blocks).toContain('id `us-biolabs`');
    expect(a.body.response_type).toBe('ephemeral');
    expect(h.service.checks).toHaveLength(0);
  });

  it('shows one entry by its id, and says when words find nothing', async () => {
    await command('nato-centre');
    const card = JSON.stringify((await answer(0)).body.blocks);
    expect(card).toContain('NATO opened a centre in Kazakhstan');
    expect(card).toContain('_Part of the narrative “Kazakhstan is turning West”_');
    await command('<b>nothing here</b>');
    const none = await answer(1);
    expect(none.body.text).toBe(
      'No catalogue entry matches “&lt;b&gt;nothing here&lt;/b&gt;”. Try other words, in English, Russian or Kazakh.',
    );
  });

  it.each(['help', ''])('answers %j with the usage', async (text) => {
    await command(text);
    expect(String((await answer()).body.text)).toContain('*How to use /claimcheck*');
  });

  it('shows the settings to anyone, refuses a change by a non-admin, and saves an admin’s with who', async () => {
    await command('settings');
    expect(String((await answer(0)).body.text)).toContain('silence* (`notes off`)');
    await command('settings unreadable on');
    expect(String((await answer(1)).body.text)).toContain('Only workspace admins');
    expect(h.fake.callsTo('users.info')[0]?.params.user).toBe('U0JOURNO1');
    expect(await h.store.get('settings:slack:T0NEWSROOM')).toBeUndefined();
    h.fake.script('users.info', { body: { ok: true, user: { id: 'U0JOURNO1', is_admin: true } } });
    await command('settings unreadable on');
    const saved = String((await answer(2)).body.text);
    expect(saved).toContain('Settings saved');
    expect(saved).toContain('a short line with the reason* (`unreadable on`)');
    expect(saved).toContain('by user U0JOURNO1');
    expect(await h.store.get('settings:slack:T0NEWSROOM')).toMatchObject({
      replyOnUnreadable: true,
      updatedBy: 'U0JOURNO1',
    });
    expect(h.logs.some((l) => l.msg === 'settings changed' && l.obj.userId === 'U0JOURNO1')).toBe(true);
    await command('settings volume 11');
    expect(String((await answer(3)).body.text)).toContain('settings notes on|off');
  });

  it('answers with a neutral line when the check fails', async () => {
    h.service.failNext = true;
    await command(URLS.alert);
    const a = await answer();
    expect(a.body).toMatchObject({
      response_type: 'ephemeral',
      text: expect.stringContaining('Sorry, something went wrong'),
    });
    expect(h.logs.some((l) => l.level === 'error' && l.obj.kind === 'command')).toBe(true);
  });
});

/**
 * The private note and "Missed a narrative?" on Slack, real Bolt against the fake Slack: an unsure
 * match goes to the poster only (chat.postEphemeral, never chat.postMessage), its button opens the
 * form (views.open), and the form's submission or `/claimcheck missed` stores the report.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTION } from '../../../src/adapters/slack/actions.js';
import { FIELD, MISSED_VIEW } from '../../../src/adapters/slack/missed-view.js';
import type { Match } from '../../../src/model/types.js';
import { openQueue } from '../../../src/queue/open-queue.js';
import { MissedStore } from '../../../src/store/missed.js';
import { ReplyFactsStore } from '../../../src/store/reply-facts.js';
import type { ApiCall } from '../../helpers/fake-slack.js';
import { scriptedService } from '../../helpers/scripted-service.js';
import { catalogue, SCRIPTS } from './fake-service.js';
import { eventFixture, fixture, type Harness, type Json, jsonParam, startHarnessWith } from './harness.js';

const UNSURE = 'https://news.example/maybe-nato';
const WEAK = 'https://news.example/barely-nato';
const EDGE = 'https://news.example/edge-nato';
const QUOTE = 'Word is that a NATO centre may be opening near Almaty, <!channel>.';

const promotes = (confidence: number): Match => ({
  id: 'nato-centre',
  kind: 'claim',
  stance: 'promotes',
  confidence,
  method: 'lexical',
  evidence: [{ quote: QUOTE }],
});

let h: Harness<ReturnType<typeof scriptedService>>;

beforeEach(async () => {
  const service = scriptedService(catalogue, {
    ...SCRIPTS,
    [UNSURE]: { title: 'Rumours from Almaty', matches: [promotes(0.42)] },
    [WEAK]: { title: 'Barely', matches: [promotes(0.2)] },
    [EDGE]: { title: 'Edge', matches: [promotes(0.5)] },
  });
  h = await startHarnessWith(service, {});
});
afterEach(async () => {
  await h.close();
});

function message(url: string, eventId: string): Json {
  return eventFixture('message-with-link.json', {
    event_id: eventId,
    event: { text: `Is this true? <${url}>`, blocks: [], ts: '1732190000.000100' },
  });
}

async function sent(url: string, eventId: string): Promise<void> {
  expect((await h.sendEvent(message(url, eventId))).status).toBe(200);
  await h.slack.idle();
}

function blocksOf(call: ApiCall): string {
  return JSON.stringify(jsonParam(call.params, 'blocks'));
}

/** The value of the first button with this action id. */
function buttonValue(blocks: unknown, actionId: string): string | undefined {
  const m = JSON.stringify(blocks).match(
    new RegExp(`"action_id":"${actionId}","text":\\{[^}]*\\},"value":"([^"]+)"`),
  );
  return m?.[1];
}

describe('the private note on Slack', () => {
  it('an unsure match goes to the poster only, in the thread, naming the entry, the quote and the confidence', async () => {
    await sent(UNSURE, 'Ev0UNSURE1');
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
    const notes = h.fake.callsTo('chat.postEphemeral');
    expect(notes).toHaveLength(1);
    const note = notes[0] as ApiCall;
    expect(note.params).toMatchObject({
      channel: 'C0NEWSDESK',
      user: 'U0JOURNO1',
      thread_ts: '1732190000.000100',
    });
    const blocks = blocksOf(note);
    expect(blocks).toContain('Only you can see this.');
    expect(blocks).toContain(
      'Possibly the known claim “NATO opened a centre in Kazakhstan” (confidence 42%)',
    );
    expect(blocks).toContain('id `nato-centre`');
    expect(blocks).toContain('Word is that a NATO centre may be opening near Almaty');
    // Article text cannot ping the channel from a private note either.
    expect(blocks).not.toContain('<!channel>');
    expect(blocks).not.toContain(ACTION.helpful);
    expect(buttonValue(jsonParam(note.params, 'blocks'), ACTION.missed)).toMatch(/^[0-9a-f-]{36}$/);
    expect(String(note.params.text)).toContain('Only you can see this.');
    expect(
      h.logs.some(
        (l) => l.msg === 'replied in thread' && l.obj.outcome === 'note' && l.obj.note === 'private',
      ),
    ).toBe(true);
  });

  it('below NOTE_THRESHOLD: nothing at all', async () => {
    await sent(WEAK, 'Ev0WEAK1');
    expect(h.service.checks).toEqual([[WEAK]]);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
    expect(h.fake.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it('at the alert threshold: the public alert as today, and no private note', async () => {
    await sent(EDGE, 'Ev0EDGE1');
    expect(h.fake.callsTo('chat.postEphemeral')).toEqual([]);
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(blocksOf(posts[0] as ApiCall)).toContain(ACTION.wrong);
  });

  it('the note is posted once however often Slack delivers the event', async () => {
    await sent(UNSURE, 'Ev0UNSURE2');
    await sent(UNSURE, 'Ev0UNSURE2');
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(1);
  });
});

describe('"Wrong match" votes and what the alert said', () => {
  it('the alert’s link and quote are kept under the id a vote names, for claims suggest', async () => {
    await sent(EDGE, 'Ev0EDGE2');
    const posted = h.fake.posted[0];
    expect(posted).toBeDefined();
    const f = fixture('block-actions-wrong-match.json');
    const container = { ...(f.container as Json), message_ts: posted?.ts };
    const message = { ...(f.message as Json), ts: posted?.ts };
    await h.sendAction({ ...f, container, message });
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral')[0], 5_000, 'the thanks');
    const vote = (await h.feedback.votes())[0];
    expect(vote).toMatchObject({ verdict: 'wrong', entryIds: ['nato-centre'], messageId: posted?.ts });
    const facts = await new ReplyFactsStore(h.store).read({
      platform: 'slack',
      channelId: vote?.channelId ?? '',
      replyId: vote?.messageId ?? '',
    });
    expect(facts).toEqual({
      links: [{ url: EDGE, language: 'en', entries: [{ id: 'nato-centre', quote: QUOTE }] }],
    });
  });
});

describe('the private note as a durable job', () => {
  it('is sent once to the poster, however often Slack re-delivers the event', async () => {
    await h.close();
    const queue = await openQueue('memory://', {
      options: { pollMs: 20, backoffMs: 50, lockMs: 2_000, enqueueTimeoutMs: 500 },
    });
    h = await startHarnessWith(
      scriptedService(catalogue, { [UNSURE]: { title: 'Rumours', matches: [promotes(0.42)] } }),
      {},
      { queue },
    );
    await h.sendEvent(message(UNSURE, 'Ev0DURABLENOTE'));
    await h.sendEvent(message(UNSURE, 'Ev0DURABLENOTE'), { retryNum: 1 });
    const note = await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral')[0], 5_000, 'the note');
    expect(note.params.user).toBe('U0JOURNO1');
    await h.fake.waitFor(() => h.logs.some((l) => l.msg === 'chat job done'), 5_000, 'the job to finish');
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });
});

describe('"Missed a narrative?" on Slack', () => {
  function click(value: string | undefined): Json {
    const f = fixture('block-actions-wrong-match.json');
    const first = Array.isArray(f.actions) ? (f.actions[0] as Json) : {};
    return {
      ...f,
      container: {
        type: 'message',
        message_ts: '1732190501.000200',
        channel_id: 'C0NEWSDESK',
        is_ephemeral: true,
      },
      message: undefined,
      actions: [{ ...first, action_id: ACTION.missed, block_id: 'claimdesk_unsure', value }],
    };
  }

  function submission(
    metadata: string,
    values: { link: string; entry: string; sentence: string | null },
  ): Json {
    const field = (v: string | null) => ({ value: { type: 'plain_text_input', value: v } });
    return {
      type: 'view_submission',
      team: { id: 'T0NEWSROOM', domain: 'newsroom-example' },
      user: { id: 'U0JOURNO1', username: 'aigerim', name: 'aigerim', team_id: 'T0NEWSROOM' },
      api_app_id: 'A0CLAIMDESK',
      token: 'verification-token-unused',
      trigger_id: '5555555555.2222222222.aaaa',
      view: {
        id: 'V0MISSEDFORM',
        team_id: 'T0NEWSROOM',
        type: 'modal',
        callback_id: MISSED_VIEW,
        private_metadata: metadata,
        state: {
          values: {
            [FIELD.link]: field(values.link),
            [FIELD.entry]: field(values.entry),
            [FIELD.sentence]: field(values.sentence),
          },
        },
      },
    };
  }

  /** Clicks the note's button and returns the modal views.open was given. */
  async function openForm(): Promise<Json> {
    await sent(UNSURE, 'Ev0UNSURE3');
    const note = h.fake.callsTo('chat.postEphemeral')[0] as ApiCall;
    const key = buttonValue(jsonParam(note.params, 'blocks'), ACTION.missed);
    expect((await h.sendAction(click(key))).status).toBe(200);
    const open = await h.fake.waitFor(() => h.fake.callsTo('views.open')[0], 5_000, 'views.open');
    expect(open.params.trigger_id).toBe('3333333333.2222222222.fedcba9876543210fedcba9876543210');
    return jsonParam(open.params, 'view') as Json;
  }

  it('the note’s button opens the form filled in with the link, the entry and the quote', async () => {
    const view = await openForm();
    expect(view.callback_id).toBe(MISSED_VIEW);
    const values = JSON.stringify(view.blocks);
    expect(values).toContain(`"initial_value":"${UNSURE}"`);
    expect(values).toContain('"initial_value":"nato-centre"');
    expect(values).toContain('Word is that a NATO centre may be opening near Almaty');
    expect(JSON.parse(String(view.private_metadata))).toEqual({
      teamId: 'T0NEWSROOM',
      channelId: 'C0NEWSDESK',
      lang: 'en',
    });
  });

  it('a submitted form is stored and the modal says thank you', async () => {
    const view = await openForm();
    const res = await h.sendAction(
      submission(String(view.private_metadata), {
        link: UNSURE,
        entry: 'nato-centre',
        sentence: 'A NATO centre is opening near Almaty.',
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body.response_action).toBe('update');
    expect(JSON.stringify(body.view)).toContain(
      'Thank you: noted that this link should have matched nato-centre',
    );
    expect(await new MissedStore(h.store).list()).toMatchObject([
      {
        platform: 'slack',
        teamId: 'T0NEWSROOM',
        channelId: 'C0NEWSDESK',
        userId: 'U0JOURNO1',
        link: UNSURE,
        entryId: 'nato-centre',
        sentence: 'A NATO centre is opening near Almaty.',
      },
    ]);
  });

  it('an unknown id or a missing link is shown beside its field, and nothing is stored', async () => {
    const meta = JSON.stringify({ teamId: 'T0NEWSROOM', channelId: 'C0NEWSDESK', lang: 'en' });
    const bad = await h.sendAction(submission(meta, { link: UNSURE, entry: 'nato-centr', sentence: null }));
    expect(await bad.json()).toEqual({
      response_action: 'errors',
      errors: { [FIELD.entry]: 'There is no catalogue entry "nato-centr". Did you mean nato-centre?' },
    });
    const noLink = await h.sendAction(
      submission(meta, { link: 'not a link', entry: 'nato-centre', sentence: null }),
    );
    expect(((await noLink.json()) as Json).errors).toEqual({
      [FIELD.link]: 'Give the link of the article: `/claimcheck missed <link> <entry-id> [sentence]`.',
    });
    expect(await new MissedStore(h.store).list()).toEqual([]);
  });

  it('an expired or forged button value still opens an empty form', async () => {
    await h.sendAction(click('not-a-key'));
    const open = await h.fake.waitFor(() => h.fake.callsTo('views.open')[0], 5_000, 'views.open');
    expect(JSON.stringify(jsonParam(open.params, 'view'))).not.toContain('initial_value');
  });

  it('the /claimcheck answer carries the button next to "Share in channel"', async () => {
    await h.sendCommand(fixture('slash-command-url.json'));
    const a = await h.fake.waitFor(() => h.fake.responses.find((r) => r.id === 'command'), 5_000, 'answer');
    expect(buttonValue(a.body.blocks, ACTION.missed)).toMatch(/^[0-9a-f-]{36}$/);
    expect(buttonValue(a.body.blocks, ACTION.share)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('`/claimcheck missed <link> <entry-id> [sentence]` stores the report and never fetches the link', async () => {
    const command = (text: string) => h.sendCommand({ ...fixture('slash-command-url.json'), text });
    const answers = () => h.fake.responses.filter((r) => r.id === 'command').map((r) => String(r.body.text));
    await command('missed <http://10.0.0.5/internal> us-biolabs Labs are being built, they say.');
    await command('missed https://news.example/a nato-centr');
    await command('missed us-biolabs');
    await h.fake.waitFor(() => answers().length === 3, 5_000, 'three answers');
    expect(answers()).toEqual([
      'Thank you: noted that this link should have matched us-biolabs, with your sentence. The catalogue editors review every report.',
      'There is no catalogue entry "nato-centr". Did you mean nato-centre?',
      'Give the link of the article: `/claimcheck missed &lt;link&gt; &lt;entry-id&gt; [sentence]`.',
    ]);
    expect(await new MissedStore(h.store).list()).toMatchObject([
      {
        link: 'http://10.0.0.5/internal',
        entryId: 'us-biolabs',
        sentence: 'Labs are being built, they say.',
      },
    ]);
    expect(h.service.urls).toEqual([]);
  });
});

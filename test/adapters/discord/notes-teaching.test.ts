/**
 * The unsure note and "Missed a narrative?" on Discord, real discord.js against the fake Discord:
 * a channel message cannot be shown to one user, so the note goes in the thread only when the
 * server says `discord-notes thread` (default: nothing); its button opens a modal whose submission,
 * like the `missed:` option, stores the report.
 */
import { describe, expect, it } from 'vitest';
import { MISSED_FORM_ID } from '../../../src/adapters/discord/missed.js';
import type { Match } from '../../../src/model/types.js';
import { MissedStore } from '../../../src/store/missed.js';
import { ReplyFactsStore } from '../../../src/store/reply-facts.js';
import type { RecordedRequest } from '../../helpers/fake-discord.js';
import { waitFor } from '../../helpers/fake-discord.js';
import { fakeService, promotesNato, SCRIPTS } from './fake-service.js';
import {
  type Harness,
  harnessPerTest,
  type Json,
  json,
  NATO,
  POST_MESSAGE,
  START_THREAD,
  settingsAnswer,
} from './harness.js';
import { buttonPayload, commandPayload, IDS, messagePayload } from './payloads.js';

const UNSURE = 'https://news.example/maybe-nato';
const unsure: Match = {
  id: 'nato-centre',
  kind: 'claim',
  stance: 'unclear',
  confidence: 0.41,
  method: 'lexical',
  evidence: [{ quote: 'Some say NATO has a [centre](https://evil.example) in Almaty now, @everyone.' }],
};

const harness = harnessPerTest();
const start = () =>
  harness({}, fakeService({ ...SCRIPTS, [UNSURE]: { title: 'Rumours from Almaty', matches: [unsure] } }));

function forInteraction(x: Harness, payload: Json, method: string, path: RegExp): RecordedRequest[] {
  return x.fake.requestsTo(method, path).filter((r) => r.path.includes(String(payload.token)));
}

async function callback(x: Harness, payload: Json): Promise<Json> {
  const r = await waitFor(
    () => forInteraction(x, payload, 'POST', /^\/interactions\/\d+\/[^/]+\/callback$/)[0],
    'the callback',
  );
  return json(r.body);
}

function buttonsOf(body: Json): Array<[unknown, unknown]> {
  const rows = (body.components as Json[] | undefined) ?? [];
  return rows.flatMap((r) =>
    (json(r).components as Json[]).map((b) => [b.label, b.custom_id] as [unknown, unknown]),
  );
}

async function postUnsure(x: Harness): Promise<string> {
  const msg = messagePayload({ content: `What about this? ${UNSURE}` });
  x.fake.dispatch('MESSAGE_CREATE', msg);
  return String(msg.id);
}

/** A modal submission (type 5) of the missed-narrative form, Label components as Discord sends them. */
function submission(values: { link: string; entry: string; sentence: string }): Json {
  const base = buttonPayload('unused');
  const field = (id: number, customId: string, value: string) => ({
    type: 18,
    id,
    component: { type: 4, id: id + 10, custom_id: customId, value },
  });
  const { message: _message, ...rest } = base;
  const id = String(base.id);
  return {
    ...rest,
    type: 5,
    token: `token-modal-${id}`,
    data: {
      custom_id: MISSED_FORM_ID,
      components: [
        field(1, 'link', values.link),
        field(2, 'entry', values.entry),
        field(3, 'sentence', values.sentence),
      ],
    },
  };
}

describe('the unsure note on Discord', () => {
  it('by default: nothing is posted for an unsure match', async () => {
    const x = await start();
    const id = await postUnsure(x);
    expect(await x.outcome(id)).toMatchObject({ outcome: 'silent', reason: 'unsure, no private note here' });
    expect(x.fake.requestsTo('POST', POST_MESSAGE)).toEqual([]);
    expect(x.fake.requestsTo('POST', START_THREAD)).toEqual([]);
  });

  it('with `discord-notes thread` (admins only): a quiet note in a thread, with the button and no mentions', async () => {
    const x = await start();
    expect(await settingsAnswer(x, 'discord-notes thread', '0')).toContain('Only workspace admins');
    const refused = await postUnsure(x);
    expect(await x.outcome(refused)).toMatchObject({ outcome: 'silent' });
    const saved = await settingsAnswer(x, 'discord-notes thread', '32');
    expect(saved).toContain('Links the bot is unsure of (below the alert): **a quiet note in the thread**');

    const id = await postUnsure(x);
    const post = await waitFor(() => x.fake.requestsTo('POST', POST_MESSAGE)[0], 'the note');
    expect(post.path).toBe(`/channels/${id}/messages`);
    const body = json(post.body);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds).toEqual([]);
    expect(Number(body.flags ?? 0) & 4).toBe(4); // no link previews under the note
    const content = String(body.content);
    expect(content).toContain('**I am not sure about this link, so there is no alert:**');
    expect(content).toContain(
      '- Possibly the known claim “NATO opened a peacekeeping centre in Kazakhstan” \\(confidence 41%\\) · `nato-centre`',
    );
    // The quote is escaped: no link, no mention.
    expect(content).toContain(
      '> Some say NATO has a \\[centre\\]\\(https://evil.example\\) in Almaty now, \\@everyone.',
    );
    expect(content).not.toContain('Only you can see this');
    expect(buttonsOf(body)).toEqual([
      ['Missed a narrative?', expect.stringMatching(/^cd:missed:[0-9a-f-]{36}$/)],
    ]);
    expect(await x.outcome(id)).toMatchObject({ outcome: 'note', note: 'thread', where: 'thread' });

    // And back to nothing.
    await settingsAnswer(x, 'discord-notes off', '32');
    const after = await postUnsure(x);
    expect(await x.outcome(after)).toMatchObject({ outcome: 'silent' });
    expect(x.fake.requestsTo('POST', POST_MESSAGE)).toHaveLength(1);
  });
});

describe('"Wrong match" votes and what the alert said', () => {
  it('the alert’s link and quote are kept under the thread and message a vote names', async () => {
    const x = await start();
    const msg = messagePayload({ content: `See ${NATO}` });
    x.fake.dispatch('MESSAGE_CREATE', msg);
    const post = await waitFor(() => x.fake.requestsTo('POST', POST_MESSAGE)[0], 'the alert');
    const thread = String(msg.id); // the fake's thread has the id of the message it was started on
    expect(post.path).toBe(`/channels/${thread}/messages`);
    await x.outcome(String(msg.id));
    const replyId = String(x.logger.records.find((r) => r.msg === 'replied in thread')?.replyId);
    const base = buttonPayload('cd:fb:wrong:nato-centre', { id: replyId, channel_id: thread });
    const click = {
      ...base,
      channel_id: thread,
      channel: { ...json(base.channel), id: thread },
      token: 'token-w',
    };
    x.fake.dispatch('INTERACTION_CREATE', click);
    await callback(x, click);
    const vote = (await x.feedback.votes())[0];
    expect(vote).toMatchObject({
      platform: 'discord',
      channelId: thread,
      messageId: replyId,
      verdict: 'wrong',
    });
    const facts = await new ReplyFactsStore(x.store).read({
      platform: 'discord',
      channelId: thread,
      replyId,
    });
    expect(facts?.links).toEqual([
      { url: NATO, language: 'en', entries: [{ id: 'nato-centre', quote: promotesNato.evidence[0]?.quote }] },
    ]);
  });
});

describe('"Missed a narrative?" on Discord', () => {
  it('the note’s button opens the form filled in; its submission is stored and thanked privately', async () => {
    const x = await start();
    await settingsAnswer(x, 'discord-notes thread', '32');
    await postUnsure(x);
    const post = await waitFor(() => x.fake.requestsTo('POST', POST_MESSAGE)[0], 'the note');
    const customId = String(buttonsOf(json(post.body))[0]?.[1]);

    const click = { ...buttonPayload(customId), token: 'token-missed-click' };
    x.fake.dispatch('INTERACTION_CREATE', click);
    const modal = await callback(x, click);
    expect(modal.type).toBe(9);
    const data = json(modal.data);
    expect(data.custom_id).toBe(MISSED_FORM_ID);
    expect(data.title).toBe('Missed a narrative?');
    const inputs = (data.components as Json[]).map((l) => json(json(l).component));
    expect(inputs.map((c) => [c.custom_id, c.value ?? null, c.required])).toEqual([
      ['link', UNSURE, true],
      ['entry', 'nato-centre', true],
      ['sentence', unsure.evidence[0]?.quote, false],
    ]);

    const submit = submission({
      link: UNSURE,
      entry: 'nato-centre',
      sentence: 'NATO has a centre in Almaty now.',
    });
    x.fake.dispatch('INTERACTION_CREATE', submit);
    expect(await callback(x, submit)).toMatchObject({
      type: 4,
      data: {
        content:
          'Thank you: noted that this link should have matched nato-centre, with your sentence. The catalogue editors review every report.',
        flags: 64,
      },
    });
    expect(await new MissedStore(x.store).list()).toMatchObject([
      {
        platform: 'discord',
        teamId: IDS.guild,
        channelId: IDS.thread,
        userId: IDS.human,
        link: UNSURE,
        entryId: 'nato-centre',
        sentence: 'NATO has a centre in Almaty now.',
      },
    ]);
  });

  it('a form with an unknown id is answered with the close ids, and nothing is stored', async () => {
    const x = await start();
    const submit = submission({ link: UNSURE, entry: 'us-biolab', sentence: '' });
    x.fake.dispatch('INTERACTION_CREATE', submit);
    expect(await callback(x, submit)).toMatchObject({
      type: 4,
      data: { content: 'There is no catalogue entry "us-biolab". Did you mean us-biolabs?', flags: 64 },
    });
    expect(await new MissedStore(x.store).list()).toEqual([]);
  });

  it('the /claimcheck `missed:` option stores a report; the link is never fetched', async () => {
    const x = await start();
    const p = commandPayload([{ name: 'missed', value: 'http://192.168.1.10/leak turning-west' }]);
    const payload = { ...p, token: `token-missed-${String(p.id)}` };
    x.fake.dispatch('INTERACTION_CREATE', payload);
    const edit = await waitFor(
      () => forInteraction(x, payload, 'PATCH', /\/messages\/@original$/)[0],
      'the answer',
    );
    expect(json(edit.body).content).toBe(
      'Thank you: noted that this link should have matched turning-west. The catalogue editors review every report.',
    );
    expect(await new MissedStore(x.store).list()).toMatchObject([
      { link: 'http://192.168.1.10/leak', entryId: 'turning-west', sentence: null },
    ]);
    expect(x.service.urls).toEqual([]);

    const noLink = commandPayload([{ name: 'missed', value: 'turning-west' }]);
    const p2 = { ...noLink, token: `token-missed-${String(noLink.id)}` };
    x.fake.dispatch('INTERACTION_CREATE', p2);
    const edit2 = await waitFor(() => forInteraction(x, p2, 'PATCH', /\/messages\/@original$/)[0], 'answer');
    expect(json(edit2.body).content).toBe(
      'Give the link of the article: `/claimcheck missed <link> <entry-id> [sentence]`.',
    );
  });
});

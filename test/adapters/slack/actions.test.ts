/** "Helpful" / "Wrong match" buttons against real Bolt: stored with who and when, answered ephemerally. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, type Harness, type Json, startHarness } from './harness.js';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function click(patch: Json = {}, action: Json = {}): Json {
  const f = fixture('block-actions-wrong-match.json');
  const first = Array.isArray(f.actions) ? f.actions[0] : {};
  return { ...f, ...patch, actions: [{ ...first, ...action }] };
}

describe('Slack feedback buttons', () => {
  it('stores a "Wrong match" click with who, when and which entries, and thanks the user in the thread', async () => {
    const before = Date.now();
    const res = await h.sendAction(click());
    expect(res.status).toBe(200);
    const eph = await h.fake.waitFor(
      () => h.fake.callsTo('chat.postEphemeral')[0],
      5_000,
      'chat.postEphemeral',
    );
    expect(eph.params).toMatchObject({
      channel: 'C0NEWSDESK',
      user: 'U0JOURNO2',
      thread_ts: '1732190000.000100',
    });
    expect(eph.params.text).toContain('noted as a wrong match');
    const summary = await h.feedback.summary();
    expect(summary.total).toEqual({ helpful: 0, wrong: 1 });
    expect(summary.byEntry).toEqual({ 'nato-centre': { helpful: 0, wrong: 1 } });
    const vote = summary.recent[0];
    expect(vote).toMatchObject({
      platform: 'slack',
      teamId: 'T0NEWSROOM',
      channelId: 'C0NEWSDESK',
      messageId: '1732190501.000100',
      userId: 'U0JOURNO2',
      verdict: 'wrong',
      entryIds: ['nato-centre'],
    });
    expect(Date.parse(vote?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);
  });

  it('records "Helpful" and keeps one vote per user per alert (the later one wins)', async () => {
    await h.sendAction(
      click({}, { action_id: 'claimdesk_feedback_helpful', value: 'nato-centre,turning-west' }),
    );
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral')[0]);
    expect((await h.feedback.summary()).byEntry).toEqual({
      'nato-centre': { helpful: 1, wrong: 0 },
      'turning-west': { helpful: 1, wrong: 0 },
    });
    await h.sendAction(click());
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral')[1]);
    expect((await h.feedback.summary()).total).toEqual({ helpful: 0, wrong: 1 });
  });

  it('drops button values that are not catalogue ids', async () => {
    await h.sendAction(click({}, { value: 'nato-centre,<!channel>,../../etc' }));
    await h.fake.waitFor(() => h.fake.callsTo('chat.postEphemeral')[0]);
    expect((await h.feedback.summary()).recent[0]?.entryIds).toEqual(['nato-centre']);
  });

  it('answers through response_url when chat.postEphemeral fails', async () => {
    h.fake.script('chat.postEphemeral', { body: { ok: false, error: 'user_not_in_channel' } });
    await h.sendAction(click());
    const r = await h.fake.waitFor(
      () => h.fake.responses.find((x) => x.id === 'action'),
      5_000,
      'response_url',
    );
    expect(r.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(r.body.text)).toContain('noted as a wrong match');
    expect((await h.feedback.summary()).total.wrong).toBe(1);
  });

  it('answers a click it cannot place with a neutral line and logs it', async () => {
    await h.sendAction(click({ channel: undefined, container: { type: 'message' }, message: undefined }));
    const r = await h.fake.waitFor(
      () => h.fake.responses.find((x) => x.id === 'action'),
      5_000,
      'response_url',
    );
    expect(String(r.body.text)).toContain('Sorry, something went wrong');
    expect(
      h.logs.some(
        (l) => l.level === 'error' && l.obj.kind === 'action' && l.obj.eventId === '1732190710.123456',
      ),
    ).toBe(true);
    expect((await h.feedback.summary()).total).toEqual({ helpful: 0, wrong: 0 });
  });
});

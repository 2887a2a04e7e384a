/** /claimcheck (url, query, id, help), autocomplete and buttons: real discord.js against the fakes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { thanks } from '../../../src/conversation/answer-button.js';
import { HELP } from '../../../src/adapters/discord/claimcheck.js';
import { SORRY } from '../../../src/adapters/discord/interactions.js';
import type { RecordedRequest } from '../../helpers/fake-discord.js';
import { waitFor } from '../../helpers/fake-discord.js';
import { type Harness, type Json, json, startHarness } from './harness.js';
import { autocompletePayload, buttonPayload, commandPayload, IDS } from './payloads.js';

let x: Harness;
beforeAll(async () => {
  x = await startHarness();
});
afterAll(async () => {
  await x.stop();
});

function forInteraction(payload: Json, method: string, path: RegExp): RecordedRequest[] {
  return x.fake.requestsTo(method, path).filter((r) => r.path.includes(String(payload.token)));
}

async function callback(payload: Json): Promise<Json> {
  const r = await waitFor(
    () => forInteraction(payload, 'POST', /^\/interactions\/\d+\/[^/]+\/callback$/)[0],
    'the callback',
  );
  expect(r.path).toBe(`/interactions/${String(payload.id)}/${String(payload.token)}/callback`);
  return json(r.body);
}

/** The deferred answer's edit (PATCH …/messages/@original): the result the user sees. */
async function edited(payload: Json): Promise<Json> {
  const r = await waitFor(
    () => forInteraction(payload, 'PATCH', /\/messages\/@original$/)[0],
    'the edited answer',
  );
  expect(r.path).toBe(`/webhooks/${IDS.app}/${String(payload.token)}/messages/@original`);
  return json(r.body);
}

function buttons(body: Json): Array<[unknown, unknown]> {
  const rows = (body.components as Json[] | undefined) ?? [];
  return rows.flatMap((r) =>
    (json(r).components as Json[]).map((b) => [b.label, b.custom_id] as [unknown, unknown]),
  );
}

/** Several interactions share one bot, so each test checks requests by its own interaction token. */
function command(options: Parameters<typeof commandPayload>[0], locale?: string): Json {
  const p = commandPayload(options, locale);
  return { ...p, token: `token-${String(p.id)}` };
}

describe('/claimcheck', () => {
  it('url: defers ephemerally at once, then edits in the full reply with feedback and share buttons', async () => {
    const p = command([{ name: 'url', value: 'https://news.example/nato-centre' }]);
    x.fake.dispatch('INTERACTION_CREATE', p);
    expect(await callback(p)).toEqual({ type: 5, data: { flags: 64 } });
    const body = await edited(p);
    expect(body.content).toBe(
      'This article repeats a known false claim: NATO opened a peacekeeping centre in Kazakhstan.',
    );
    expect(body.allowed_mentions).toEqual({ parse: [] });
    const embed = json((body.embeds as Json[])[0]);
    expect(embed.title).toBe('NATO centre opens in Almaty');
    expect(buttons(body)).toEqual([
      ['Helpful', 'cd:fb:helpful:nato-centre'],
      ['Wrong match', 'cd:fb:wrong:nato-centre'],
      ['Share in channel', 'cd:share'],
      ['Missed a narrative?', expect.stringMatching(/^cd:missed:[0-9a-f-]{36}$/)],
    ]);
    expect(x.service.urls).toContain('https://news.example/nato-centre');
  });

  it('url: an unreadable page is explained to the user who asked', async () => {
    const p = command([{ name: 'url', value: 'https://news.example/paywall' }]);
    x.fake.dispatch('INTERACTION_CREATE', p);
    const body = await edited(p);
    expect(body.content).toBe(
      'I could not read this page: The page is behind a login wall, so I could not read it.',
    );
    expect(buttons(body)).toEqual([
      ['Share in channel', 'cd:share'],
      ['Missed a narrative?', expect.stringMatching(/^cd:missed:[0-9a-f-]{36}$/)],
    ]);
  });

  it('query: finds entries in Russian and shows them as cards in the user’s language', async () => {
    const p = command([{ name: 'query', value: 'биолаборатории' }], 'ru');
    x.fake.dispatch('INTERACTION_CREATE', p);
    const body = await edited(p);
    expect(body.content).toBe('The catalogue entry for “биолаборатории”:');
    const embed = json((body.embeds as Json[])[0]);
    expect(embed.title).toBe('Американские биолаборатории в Казахстане');
    expect(buttons(body)).toEqual([['Share in channel', 'cd:share']]);
  });

  it('query: says so when nothing matches', async () => {
    const p = command([{ name: 'query', value: 'weather **forecast**' }]);
    x.fake.dispatch('INTERACTION_CREATE', p);
    const body = await edited(p);
    expect(body.content).toBe('Nothing in the catalogue matches “weather \\*\\*forecast\\*\\*”.');
    expect(body.embeds).toEqual([]);
    expect(body.components).toEqual([]);
  });

  it('id: shows the entry card with its narrative, context and denials', async () => {
    const p = command([{ name: 'id', value: 'nato-centre' }]);
    x.fake.dispatch('INTERACTION_CREATE', p);
    const body = await edited(p);
    const embed = json((body.embeds as Json[])[0]);
    expect(embed.title).toBe('NATO opened a peacekeeping centre in Kazakhstan');
    expect(embed.description).toBe('**Claimed:** What is claimed.');
    const fields = embed.fields as Array<{ name: string; value: string }>;
    expect(fields.map((f) => f.name)).toEqual([
      'Rating',
      'Id',
      'First seen',
      'Narrative',
      'What is true',
      'Denials',
    ]);
    expect(fields[3]?.value).toBe('Kazakhstan is turning West (`turning-west`)');
    expect(json(embed.footer).text).toBe('claimdesk · catalogue test-version · updated 2026-11-01');
  });

  it('id: an unknown id falls back to a lookup, and no options gets the usage', async () => {
    const unknown = command([{ name: 'id', value: 'no-such-entry' }]);
    const help = command([]);
    x.fake.dispatch('INTERACTION_CREATE', unknown);
    x.fake.dispatch('INTERACTION_CREATE', help);
    expect((await edited(unknown)).content).toBe('Nothing in the catalogue matches “no-such-entry”.');
    expect((await edited(help)).content).toBe(HELP);
  });

  it('a failure inside the check edits in a short neutral line, never a stack trace', async () => {
    x.service.failNext = true;
    const p = command([{ name: 'url', value: 'https://news.example/nato-centre' }]);
    x.fake.dispatch('INTERACTION_CREATE', p);
    const body = await edited(p);
    expect(body).toMatchObject({ content: SORRY, embeds: [], components: [] });
    expect(
      x.logger.records.some(
        (r) => r.interactionId === p.id && r.msg === 'could not answer an interaction' && r.level === 'error',
      ),
    ).toBe(true);
  });
});

describe('/claimcheck when Discord fails', () => {
  it('survives a failing interaction callback and apologises once Discord answers again', async () => {
    const p = command([{ name: 'id', value: 'nato-centre' }]);
    // discord.js retries a 5xx three times: all four attempts of the deferral fail.
    x.fake.override({
      method: 'POST',
      path: new RegExp(`/${String(p.token)}/callback$`),
      status: 500,
      times: 4,
    });
    x.fake.dispatch('INTERACTION_CREATE', p);
    const apology = await waitFor(
      () => forInteraction(p, 'POST', /\/callback$/).find((r) => r.status === 204),
      'the apology',
    );
    expect(apology.body).toMatchObject({ type: 4, data: { content: SORRY, flags: 64 } });
    expect(
      x.logger.records.find((r) => r.interactionId === p.id && r.msg === 'interaction failed'),
    ).toMatchObject({
      status: 500,
    });
    // The bot goes on.
    const next = command([]);
    x.fake.dispatch('INTERACTION_CREATE', next);
    expect((await edited(next)).content).toBe(HELP);
  });
});

describe('/claimcheck autocomplete', () => {
  it('id: suggests entries with titles in the user’s language and ids as values', async () => {
    const p = { ...autocompletePayload('id', 'nato', 'ru'), token: 'token-ac-1' };
    x.fake.dispatch('INTERACTION_CREATE', p);
    expect(await callback(p)).toEqual({
      type: 8,
      data: { choices: [{ name: 'НАТО открыло миротворческий центр в Казахстане', value: 'nato-centre' }] },
    });
  });

  it('query: with nothing typed, lists the catalogue by title (English locale)', async () => {
    const p = { ...autocompletePayload('query', '', 'en-US'), token: 'token-ac-2' };
    x.fake.dispatch('INTERACTION_CREATE', p);
    const body = await callback(p);
    expect(json(body.data).choices).toEqual([
      { name: 'Kazakhstan is turning West', value: 'turning-west' },
      { name: 'NATO opened a peacekeeping centre in Kazakhstan', value: 'nato-centre' },
      { name: 'US biolabs in Kazakhstan', value: 'us-biolabs' },
    ]);
  });
});

describe('buttons', () => {
  it('"Helpful" is stored with who, where and which entries, and answered ephemerally', async () => {
    const p = { ...buttonPayload('cd:fb:helpful:nato-centre,ghost-entry'), token: 'token-btn-1' };
    x.fake.dispatch('INTERACTION_CREATE', p);
    // Deferred (ephemeral) at once, then the thanks edited in.
    expect(await callback(p)).toEqual({ type: 5, data: { flags: 64 } });
    expect(await edited(p)).toMatchObject({ content: thanks('helpful'), allowed_mentions: { parse: [] } });
    const summary = await x.feedback.summary();
    expect(summary.total).toEqual({ helpful: 1, wrong: 0 });
    expect(summary.recent[0]).toMatchObject({
      platform: 'discord',
      teamId: IDS.guild,
      channelId: IDS.thread,
      messageId: '1400000000000000101',
      entryIds: ['nato-centre'],
      verdict: 'helpful',
      userId: IDS.human,
    });
    expect(typeof summary.recent[0]?.at).toBe('string');
  });

  it('"Wrong match" from the same user on the same alert replaces their earlier vote', async () => {
    const p = { ...buttonPayload('cd:fb:wrong:nato-centre'), token: 'token-btn-3' };
    x.fake.dispatch('INTERACTION_CREATE', p);
    expect(await callback(p)).toEqual({ type: 5, data: { flags: 64 } });
    expect((await edited(p)).content).toBe(thanks('wrong'));
    const summary = await x.feedback.summary();
    expect(summary.total).toEqual({ helpful: 0, wrong: 1 });
    expect(summary.byEntry['nato-centre']).toEqual({ helpful: 0, wrong: 1 });
  });

  it('"Share in channel" removes the share button from the private answer and posts it publicly', async () => {
    const embed = {
      type: 'rich',
      title: 'NATO centre opens in Almaty',
      description: '**verdict**',
      color: 1,
    };
    const p = {
      ...buttonPayload('cd:share', {
        flags: 64,
        content: 'This article repeats a known false claim.',
        embeds: [embed],
        components: [
          {
            type: 1,
            components: [
              { type: 2, style: 3, label: 'Helpful', custom_id: 'cd:fb:helpful:nato-centre' },
              { type: 2, style: 4, label: 'Wrong match', custom_id: 'cd:fb:wrong:nato-centre' },
              { type: 2, style: 2, label: 'Share in channel', custom_id: 'cd:share' },
            ],
          },
        ],
      }),
      token: 'token-btn-2',
    };
    x.fake.dispatch('INTERACTION_CREATE', p);
    // Deferred as an update of the private answer, which is then edited: it loses the share button.
    expect(await callback(p)).toEqual({ type: 6 });
    expect(buttons(await edited(p))).toEqual([
      ['Helpful', 'cd:fb:helpful:nato-centre'],
      ['Wrong match', 'cd:fb:wrong:nato-centre'],
    ]);
    const post = await waitFor(
      () => forInteraction(p, 'POST', /^\/webhooks\/\d+\/[^/]+$/)[0],
      'the public follow-up',
    );
    const body = json(post.body);
    expect(body.flags ?? 0).toBe(0); // public
    expect(body.content).toBe('This article repeats a known false claim.');
    expect(body.embeds).toEqual([expect.objectContaining({ title: 'NATO centre opens in Almaty' })]);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(buttons(body)).toHaveLength(2);
  });
});

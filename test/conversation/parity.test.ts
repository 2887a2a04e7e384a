/**
 * The same conversations through Slack (real Bolt, fake Web API) and Discord (real discord.js,
 * fake gateway and REST), behind the same scripted pages: both platforms must make the same
 * decisions, because one conversation core makes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, SCRIPTS } from '../adapters/discord/fake-service.js';
import {
  type Harness as DiscordHarness,
  settingsAnswer,
  startHarness as startDiscord,
  POST_MESSAGE,
} from '../adapters/discord/harness.js';
import { messagePayload, otherBot } from '../adapters/discord/payloads.js';
import {
  eventFixture,
  fixture,
  type Harness as SlackHarness,
  startHarnessWith as startSlack,
} from '../adapters/slack/harness.js';
import { waitFor } from '../helpers/fake-discord.js';
import { type ScriptedService, scriptedService } from '../helpers/scripted-service.js';

const ALERT = 'https://news.example/nato-centre';
const DEBUNK = 'https://news.example/debunk';
const UNREADABLE = 'https://news.example/paywall';
const PLAIN = 'https://news.example/plain';

/** What one platform did with one step of a conversation. */
interface Decision {
  outcome: string;
  posts: number;
}

interface Driver {
  post(id: string, text: string): Promise<Decision>;
  redeliver(id: string, text: string): Promise<Decision>;
  edit(id: string, before: string, after: string): Promise<Decision>;
  fromBot(id: string, text: string): Promise<Decision>;
  /** The answer a non-admin gets to `/claimcheck settings …`. */
  settingsAsNonAdmin(args: string): Promise<string>;
  close(): Promise<void>;
}

let seq = 0;

async function slackDriver(service: ScriptedService): Promise<Driver> {
  const h: SlackHarness<ScriptedService> = await startSlack(service, {});
  const posts = () => h.fake.callsTo('chat.postMessage').length;
  const outcomeOf = (eventId: string): string | undefined =>
    [...h.logs].reverse().find((l) => l.obj.eventId === eventId && typeof l.obj.outcome === 'string')?.obj
      .outcome as string | undefined;
  async function deliver(
    body: Record<string, unknown>,
    eventId: string,
    retryNum?: number,
  ): Promise<Decision> {
    const before = posts();
    const seen = h.logs.length;
    await h.sendEvent(body, retryNum ? { retryNum } : {});
    await h.slack.idle();
    const outcome = h.logs.slice(seen).find((l) => typeof l.obj.outcome === 'string')?.obj.outcome;
    return { outcome: String(outcome ?? outcomeOf(eventId)), posts: posts() - before };
  }
  const message = (id: string, text: string) => ({ text, ts: id, blocks: [] });
  return {
    post: (id, text) =>
      deliver(
        eventFixture('message-with-link.json', { event_id: `Ev${id}`, event: message(id, text) }),
        `Ev${id}`,
      ),
    redeliver: (id, text) =>
      deliver(
        eventFixture('message-with-link.json', { event_id: `Ev${id}`, event: message(id, text) }),
        `Ev${id}`,
        1,
      ),
    edit: (id, before, after) => {
      const eventId = `EvEdit${++seq}`;
      const base = fixture('message-with-link.json').event as Record<string, unknown>;
      return deliver(
        eventFixture('message-changed-adds-link.json', {
          event_id: eventId,
          event: {
            message: { ...base, ...message(id, after) },
            previous_message: { ...base, ...message(id, before) },
          },
        }),
        eventId,
      );
    },
    fromBot: (id, text) =>
      deliver(eventFixture('bot-message.json', { event_id: `Ev${id}`, event: { text, ts: id } }), `Ev${id}`),
    async settingsAsNonAdmin(args) {
      const n = h.fake.responses.length;
      await h.sendCommand({ ...fixture('slash-command-url.json'), text: `settings ${args}` });
      const r = await h.fake.waitFor(() => h.fake.responses[n], 5_000, 'the settings answer');
      return String(r.body.text);
    },
    close: () => h.close(),
  };
}

async function discordDriver(service: ScriptedService): Promise<Driver> {
  const x: DiscordHarness = await startDiscord({}, service);
  const posts = () => x.fake.requestsTo('POST', POST_MESSAGE).length;
  const payloads = new Map<string, Record<string, unknown>>();
  async function step(id: string, dispatch: () => void): Promise<Decision> {
    const before = posts();
    const seen = x.outcomes(id).length;
    dispatch();
    const r = await waitFor(() => x.outcomes(id)[seen], `the decision on ${id}`);
    // A post, when there is one, follows the decision's log line closely.
    if (r.outcome === 'alert' || r.outcome === 'note') await waitFor(() => posts() > before, 'the post');
    return { outcome: String(r.outcome), posts: posts() - before };
  }
  return {
    post(id, text) {
      const p = messagePayload({ id, content: text });
      payloads.set(id, p);
      return step(id, () => x.fake.dispatch('MESSAGE_CREATE', p));
    },
    async redeliver(id) {
      // discord.js drops a MESSAGE_CREATE it already has in its cache; on Discord the same event
      // reaches the bot again through another replica, or a restarted process: a fresh client.
      const replica = await x.startReplica();
      const p = payloads.get(id) ?? {};
      const before = posts();
      const seen = x.outcomes(id).length;
      x.fake.dispatch('MESSAGE_CREATE', p);
      const r = await waitFor(
        () => x.outcomes(id).find((o, i) => i >= seen && o.replica === 2),
        `the replica on ${id}`,
      );
      await replica.stop();
      return { outcome: String(r.outcome), posts: posts() - before };
    },
    edit(id, _before, after) {
      const p = { ...(payloads.get(id) ?? {}), content: after, edited_timestamp: new Date().toISOString() };
      return step(id, () => x.fake.dispatch('MESSAGE_UPDATE', p));
    },
    fromBot(id, text) {
      return step(id, () =>
        x.fake.dispatch('MESSAGE_CREATE', messagePayload({ id, content: text, author: otherBot })),
      );
    },
    // A member without Manage Server.
    settingsAsNonAdmin: (args) => settingsAnswer(x, args, '0'),
    close: () => x.stop(),
  };
}

type Step = [name: string, run: (d: Driver) => Promise<Decision>];

/** Message ids: Slack ts and Discord snowflakes are both just strings to the core. */
const STEPS: Step[] = [
  ['a new message with a promoting link', (d) => d.post('1800000000000000101', `look ${ALERT}`)],
  ['Slack’s retry / a gateway replay of it', (d) => d.redeliver('1800000000000000101', `look ${ALERT}`)],
  ['a message with a plain link', (d) => d.post('1800000000000000102', `see ${PLAIN}`)],
  [
    'an edit that adds a promoting link',
    (d) => d.edit('1800000000000000102', `see ${PLAIN}`, `see ${PLAIN} and ${ALERT}`),
  ],
  [
    'an edit that adds nothing',
    (d) => d.edit('1800000000000000102', `see ${PLAIN} and ${ALERT}`, `see: ${PLAIN} and ${ALERT}!`),
  ],
  ['a bot’s message', (d) => d.fromBot('1800000000000000103', ALERT)],
  ['an unreadable link', (d) => d.post('1800000000000000104', UNREADABLE)],
  ['a debunking article', (d) => d.post('1800000000000000105', DEBUNK)],
  ['a message without links', (d) => d.post('1800000000000000106', 'no links here')],
];

const EXPECTED: Record<string, Decision> = {
  'a new message with a promoting link': { outcome: 'alert', posts: 1 },
  'Slack’s retry / a gateway replay of it': { outcome: 'duplicate', posts: 0 },
  'a message with a plain link': { outcome: 'silent', posts: 0 },
  'an edit that adds a promoting link': { outcome: 'alert', posts: 1 },
  'an edit that adds nothing': { outcome: 'ignored', posts: 0 },
  'a bot’s message': { outcome: 'ignored', posts: 0 },
  'an unreadable link': { outcome: 'silent', posts: 0 },
  'a debunking article': { outcome: 'silent', posts: 0 },
  'a message without links': { outcome: 'ignored', posts: 0 },
};

const results: Record<'slack' | 'discord', Record<string, Decision>> = { slack: {}, discord: {} };
const refusals: Record<'slack' | 'discord', string> = { slack: '', discord: '' };

beforeAll(async () => {
  for (const [platform, start] of [
    ['discord', discordDriver],
    ['slack', slackDriver],
  ] as const) {
    const d = await start(scriptedService(catalogue, SCRIPTS));
    try {
      for (const [name, run] of STEPS) results[platform][name] = await run(d);
      refusals[platform] = await d.settingsAsNonAdmin('language ru');
    } finally {
      await d.close();
    }
  }
}, 60_000);

afterAll(() => {});

describe('one conversation core: Slack and Discord decide alike', () => {
  it.each(STEPS.map(([name]) => name))('%s', (name) => {
    expect(results.slack[name]).toEqual(EXPECTED[name]);
    expect(results.discord[name]).toEqual(EXPECTED[name]);
  });

  it('refuses settings to a non-admin on both, with the same sentence', () => {
    expect(refusals.slack).toContain('Only workspace admins');
    expect(refusals.discord).toBe(refusals.slack);
  });
});

/** The pure decisions of the Discord adapter: which messages, what to post, buttons, locales, suggestions. */
import { PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { suggestEntries } from '../../../src/adapters/discord/autocomplete.js';
import { BOT_PERMISSIONS, inviteUrl } from '../../../src/adapters/discord/client.js';
import { claimcheckCommand } from '../../../src/adapters/discord/command-definition.js';
import { feedbackCustomId, parseFeedbackId } from '../../../src/adapters/discord/components.js';
import { replyLang } from '../../../src/adapters/discord/locale.js';
import { noteText, threadName } from '../../../src/adapters/discord/reply-policy.js';
import {
  channelAllowed,
  ignoreReason,
  type MessageFacts,
} from '../../../src/adapters/discord/to-chat-message.js';
import type { Reply, ReplyItem } from '../../../src/model/reply.js';
import { testCatalogue, testEntry } from '../../helpers/catalogue.js';
import { catalogue, fakeService } from './fake-service.js';

const person: MessageFacts = {
  id: '1',
  content: 'https://a.example',
  channelId: 'c1',
  parentId: null,
  inThread: false,
  guildId: 'g',
  authorId: 'u1',
  authorIsBot: false,
  webhookId: null,
  system: false,
  type: 0,
  partial: false,
};

describe('which messages are read', () => {
  it('reads a person’s message, and a reply (type 19)', () => {
    expect(ignoreReason(person, 'bot', [])).toBeNull();
    expect(ignoreReason({ ...person, type: 19 }, 'bot', [])).toBeNull();
  });

  it('ignores itself, bots, webhooks, system messages and partial messages', () => {
    expect(ignoreReason({ ...person, authorId: 'bot', authorIsBot: true }, 'bot', [])).toBe('own message');
    expect(ignoreReason({ ...person, authorIsBot: true }, 'bot', [])).toBe('bot message');
    expect(ignoreReason({ ...person, webhookId: 'w' }, 'bot', [])).toBe('webhook message');
    expect(ignoreReason({ ...person, system: true }, 'bot', [])).toBe('system message');
    expect(ignoreReason({ ...person, type: 18 }, 'bot', [])).toBe('system message'); // thread created
    expect(ignoreReason({ ...person, partial: true }, 'bot', [])).toBe('partial message');
  });

  it('applies the allowlist to channels and to threads by their parent', () => {
    expect(channelAllowed(person, ['c1'])).toBe(true);
    expect(channelAllowed(person, ['c2'])).toBe(false);
    expect(channelAllowed({ channelId: 't1', parentId: 'c2' }, ['c2'])).toBe(true);
    expect(channelAllowed({ channelId: 't1', parentId: 'c3' }, ['c2'])).toBe(false);
    expect(ignoreReason(person, 'bot', ['c2'])).toBe('channel not allowed');
  });
});

function replyOf(items: Array<Partial<ReplyItem>>, alert = false): Reply {
  return {
    lang: 'en',
    alert,
    headline: 'h',
    skippedLinks: 0,
    catalogueVersion: 'v',
    items: items.map((i) => ({
      input: 'https://a.example/x',
      url: 'https://a.example/x',
      title: 'Title',
      status: 'ok',
      errorMessage: null,
      alert,
      verdict: 'Verdict.',
      entries: [],
      notes: [],
      ...i,
    })),
  };
}

const debunkEntry = {
  id: 'nato-centre',
  kind: 'claim' as const,
  title: 'NATO opened a peacekeeping centre in Kazakhstan',
  rating: 'false',
  context: '',
  parent: null,
  denials: [],
  noOfficialDenial: null,
  stance: 'debunks' as const,
  confidence: 0.9,
  method: 'lexical' as const,
  evidence: null,
  alerting: false,
};

describe('how a quiet note looks (what to post is the core’s decision: test/conversation)', () => {
  it('is the verdict for a debunk', () => {
    const r = replyOf([{ entries: [debunkEntry], verdict: 'This article debunks it. No alert.' }]);
    expect(noteText(r)).toBe('This article debunks it. No alert.');
  });

  it('gives the reason for an unreadable page, without a link preview', () => {
    const r = replyOf([{ status: 'error', errorMessage: 'Behind a login wall.' }]);
    expect(noteText(r)).toBe('<https://a.example/x>: Behind a login wall.');
  });

  it('escapes article titles in notes, so a title cannot become a masked link', () => {
    const hostile = {
      entries: [debunkEntry],
      title: 'Read the [official denial](https://phish.example/login)',
    };
    const text = noteText(replyOf([hostile, hostile]));
    expect(text).not.toContain('[official denial](https://phish.example/login)');
    expect(text).toContain('\\[official denial\\]');
  });

  it('names threads after the alert’s entry or the article, within 100 characters', () => {
    const alert = replyOf([{ entries: [{ ...debunkEntry, alerting: true, title: 'x'.repeat(300) }] }], true);
    expect(threadName(alert)).toHaveLength(100);
    expect(threadName(alert).startsWith('⚠️ Known claim: xxx')).toBe(true);
    expect(threadName(replyOf([{ title: null }]))).toBe('Link check: a.example');
    expect(threadName(replyOf([{ title: 'Line\nbreak' }]))).toBe('Link check: Line break');
  });
});

describe('feedback button ids', () => {
  it('round-trips and stays within 100 characters, dropping ids that do not fit', () => {
    const ids = [
      'russians-persecuted-in-kazakhstan',
      'kazakhstan-artificial-state',
      'january-2022-foreign-plot',
    ];
    const helpful = feedbackCustomId('helpful', ids);
    expect(helpful.length).toBeLessThanOrEqual(100);
    expect(parseFeedbackId(helpful)).toEqual({ verdict: 'helpful', entryIds: ids.slice(0, 2) });
    expect(parseFeedbackId(feedbackCustomId('wrong', ['a-b']))).toEqual({
      verdict: 'wrong',
      entryIds: ['a-b'],
    });
  });

  it('rejects ids it did not make', () => {
    expect(parseFeedbackId('cd:fb:maybe:a')).toBeNull();
    expect(parseFeedbackId('cd:fb:helpful:A;B')).toBeNull();
    expect(parseFeedbackId('other')).toBeNull();
    expect(parseFeedbackId('cd:fb:helpful:a,,-b,c')).toEqual({ verdict: 'helpful', entryIds: ['a', 'c'] });
  });
});

describe('languages and suggestions', () => {
  it('maps Discord locales to the catalogue’s languages', () => {
    expect(replyLang('ru')).toBe('ru');
    expect(replyLang('kk')).toBe('kk');
    expect(replyLang('en-US')).toBe('en');
    expect(replyLang('uk')).toBe('en');
    expect(replyLang(null)).toBe('en');
  });

  it('suggests at most 25 entries, names within 100 characters, Kazakh titles when asked', () => {
    const big = testCatalogue(
      Array.from({ length: 30 }, (_, i) =>
        testEntry({ id: `entry-${i}`, title: { en: `Entry ${i} ${'long '.repeat(40)}` } }),
      ),
    );
    const service = { catalogue: () => big, lookup: () => [] };
    const all = suggestEntries(service, '', 'en');
    expect(all).toHaveLength(25);
    for (const c of all) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(suggestEntries(service, 'entry-29', 'en').map((c) => c.value)).toEqual(['entry-29']);
    // A word typed in the middle of a title still finds it.
    expect(suggestEntries(fakeService(), 'биоз', 'kk')).toEqual([
      { name: 'Қазақстандағы АҚШ биозертханалары', value: 'us-biolabs' },
    ]);
    expect(catalogue.entries).toHaveLength(3);
  });

  it('goes on without the lookup when it fails', () => {
    const service = {
      catalogue: () => catalogue,
      lookup: () => {
        throw new Error('index broken');
      },
    };
    expect(suggestEntries(service, 'nato', 'en').map((c) => c.value)).toEqual(['nato-centre']);
  });
});

describe('setup', () => {
  it('asks for exactly the six permissions the README lists (integer 309237730304)', () => {
    expect(BOT_PERMISSIONS).toBe(309237730304n);
    expect(new PermissionsBitField(BOT_PERMISSIONS).toArray().sort()).toEqual([
      'CreatePublicThreads',
      'EmbedLinks',
      'ReadMessageHistory',
      'SendMessages',
      'SendMessagesInThreads',
      'ViewChannel',
    ]);
    expect(inviteUrl('123')).toBe(
      'https://discord.com/oauth2/authorize?client_id=123&scope=bot+applications.commands&permissions=309237730304',
    );
  });
});

describe('the slash command', () => {
  it('has url, query, id, settings and missed string options (query and id autocomplete) and a digest integer', () => {
    const cmd = claimcheckCommand();
    expect(cmd.name).toBe('claimcheck');
    expect(cmd.description.length).toBeLessThanOrEqual(100);
    expect(
      cmd.options?.map((o) => [o.name, o.type, 'autocomplete' in o ? (o.autocomplete ?? false) : false]),
    ).toEqual([
      ['url', 3, false],
      ['query', 3, true],
      ['id', 3, true],
      ['settings', 3, false],
      ['missed', 3, false],
      ['digest', 4, false],
    ]);
    for (const o of cmd.options ?? []) expect(o.description.length).toBeLessThanOrEqual(100);
  });
});

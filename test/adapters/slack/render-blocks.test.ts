import { describe, expect, it } from 'vitest';
import { ACTION, decodeEntryIds, encodeEntryIds } from '../../../src/adapters/slack/actions.js';
import { esc, link, safeUrl, truncate } from '../../../src/adapters/slack/mrkdwn.js';
import { type Block, renderReplyBlocks } from '../../../src/adapters/slack/render-blocks.js';
import { renderCards, renderHelp } from '../../../src/adapters/slack/render-cards.js';
import { composeReply } from '../../../src/pipeline/compose-reply.js';
import { entryCard } from '../../../src/pipeline/entry-card.js';
import type { Reply } from '../../../src/model/reply.js';
import { catalogue, detailsFor, URLS } from './fake-service.js';

function reply(urls: string[], skipped = 0): Reply {
  return composeReply(urls.map(detailsFor), { catalogue, alertThreshold: 0.5, skipped });
}

/** Every mrkdwn text object in the blocks. */
function mrkdwnObjects(blocks: Block[]): Array<{ text: string; verbatim?: boolean }> {
  const out: Array<{ text: string; verbatim?: boolean }> = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) {
      for (const x of n) walk(x);
      return;
    }
    if (n === null || typeof n !== 'object') return;
    if ('type' in n && n.type === 'mrkdwn' && 'text' in n && typeof n.text === 'string') {
      out.push({
        text: n.text,
        ...('verbatim' in n && typeof n.verbatim === 'boolean' ? { verbatim: n.verbatim } : {}),
      });
    }
    for (const v of Object.values(n)) walk(v);
  };
  walk(blocks);
  return out;
}

describe('mrkdwn helpers', () => {
  it('escapes the three control characters, so no mention or link can be forged', () => {
    expect(esc('<!channel> <@U1> <https://evil.example|click> a&b')).toBe(
      '&lt;!channel&gt; &lt;@U1&gt; &lt;https://evil.example|click&gt; a&amp;b',
    );
  });

  it('only links http(s) URLs, with the characters that end link markup encoded', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl('https://a.example/x|y?q=1&r=<2>')).toBe('https://a.example/x%7Cy?q=1&amp;r=%3C2%3E');
    expect(link('javascript:alert(1)', 'label <b>')).toBe('label &lt;b&gt;');
    expect(link('https://a.example/', 'A | B')).toBe('<https://a.example/|A | B>');
  });

  it('truncates without cutting an escape sequence or a link in half', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab&amp;cdef', 5)).toBe('ab…');
    expect(truncate('see <https://a.example/long|label> end', 20)).toBe('see …');
  });

  it('carries catalogue ids in button values and reads back only ids', () => {
    expect(encodeEntryIds(['a-b', 'c', 'a-b'])).toBe('a-b,c');
    expect(
      encodeEntryIds(Array.from({ length: 500 }, (_, i) => `entry-number-${i}`)).length,
    ).toBeLessThanOrEqual(2000);
    expect(decodeEntryIds('a-b, <!here>,c,Bad_Id')).toEqual(['a-b', 'c']);
    expect(decodeEntryIds(undefined)).toEqual([]);
  });
});

describe('renderReplyBlocks', () => {
  it('renders an alert: verdict first, entry, evidence, denials, stance line, buttons, footer', () => {
    const { blocks, text } = renderReplyBlocks(reply([URLS.alert]), { mode: 'full', buttons: 'feedback' });
    const texts = mrkdwnObjects(blocks).map((m) => m.text);
    expect(texts[0]).toBe('*This article repeats a known false claim: NATO opened a centre in Kazakhstan.*');
    expect(texts.join('\n')).toContain('*NATO opened a centre in Kazakhstan* · claim, rated *false*');
    expect(texts.join('\n')).toContain('No such centre exists. The ministry said so. Journalists checked.');
    expect(texts.join('\n')).not.toContain('A fourth sentence');
    expect(texts.some((t) => t.startsWith('*Evidence from the article*\n> Everyone &lt;!channel&gt;'))).toBe(
      true,
    );
    expect(texts.some((t) => t.includes('“Test quote &lt;!channel&gt;”'))).toBe(true);
    expect(blocks.at(-1)).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'claimdesk · catalogue version test-2026.abc123', verbatim: true }],
    });
    const actions = blocks.find((b) => b.type === 'actions');
    expect(actions).toMatchObject({
      elements: [
        { action_id: ACTION.helpful, value: 'nato-centre', text: { type: 'plain_text', text: 'Helpful' } },
        { action_id: ACTION.wrong, value: 'nato-centre', text: { type: 'plain_text', text: 'Wrong match' } },
      ],
    });
    expect(text).not.toMatch(/<!channel>|<!here>|<@U0BOSS>/);
    expect(text.startsWith('This article repeats a known false claim')).toBe(true);
  });

  it('marks every mrkdwn object verbatim and keeps raw mentions out of all of them', () => {
    const { blocks } = renderReplyBlocks(reply([URLS.alert, URLS.debunk, URLS.unreadable], 2), {
      mode: 'full',
      buttons: 'feedback',
    });
    const objs = mrkdwnObjects(blocks);
    expect(objs.length).toBeGreaterThan(5);
    for (const o of objs) {
      expect(o.verbatim).toBe(true);
      expect(o.text).not.toMatch(/<[!@#]/);
      expect(o.text.length).toBeLessThanOrEqual(3000);
    }
    expect(JSON.stringify(blocks)).toContain('2 more links were not checked');
  });

  it('renders a quiet note as small lines, without buttons', () => {
    const { blocks } = renderReplyBlocks(reply([URLS.debunk]), { mode: 'quiet', buttons: 'feedback' });
    expect(blocks.map((b) => b.type)).toEqual(['context', 'context']);
    expect(JSON.stringify(blocks)).toContain('This article debunks a known claim');
  });

  it('adds a share button, not feedback, under an ephemeral answer', () => {
    const key = '123e4567-e89b-42d3-a456-426614174000';
    const { blocks } = renderReplyBlocks(reply([URLS.alert]), {
      mode: 'full',
      buttons: 'share',
      shareValue: key,
    });
    const actions = blocks.filter((b) => b.type === 'actions');
    expect(actions).toEqual([
      {
        type: 'actions',
        block_id: 'claimdesk_share',
        elements: [
          {
            type: 'button',
            action_id: ACTION.share,
            text: { type: 'plain_text', text: 'Share in channel', emoji: false },
            value: key,
          },
        ],
      },
    ]);
  });

  it('stays within 50 blocks and 3,000 characters per text however long the reply', () => {
    const big = reply([URLS.alert]);
    const item = big.items[0];
    if (!item) throw new Error('no item');
    const entry = item.entries[0];
    if (!entry) throw new Error('no entry');
    const long = { ...entry, context: 'x'.repeat(10_000), evidence: `${'<!channel> '.repeat(2_000)}end` };
    const many: Reply = {
      ...big,
      items: Array.from({ length: 20 }, () => ({ ...item, entries: [long, long, long] })),
    };
    const { blocks, text } = renderReplyBlocks(many, { mode: 'full', buttons: 'feedback' });
    expect(blocks.length).toBe(50);
    expect(blocks.at(-2)?.type).toBe('actions');
    expect(JSON.stringify(blocks.at(-3))).toContain('Some details were left out');
    for (const o of mrkdwnObjects(blocks)) expect(o.text.length).toBeLessThanOrEqual(3000);
    expect(text.length).toBeLessThanOrEqual(3000);
  });
});

describe('cards and usage', () => {
  it('renders lookup hits as cards in the asked language, and escapes the query', () => {
    const biolabs = catalogue.byId.get('us-biolabs');
    if (!biolabs) throw new Error('test catalogue lacks us-biolabs');
    const cards = [entryCard(biolabs, catalogue, 'ru')];
    const { blocks } = renderCards(cards, 'биолаборатории <!here>', catalogue.version);
    const all = JSON.stringify(blocks);
    expect(all).toContain('Биолаборатории США в Казахстане');
    expect(all).toContain('“биолаборатории &lt;!here&gt;”');
    expect(all).not.toContain('<!here>');
  });

  it('explains every form of the command, with its angle brackets escaped for mrkdwn', () => {
    const { text } = renderHelp();
    for (const form of ['link', 'words', 'id']) expect(text).toContain(`/claimcheck &lt;${form}&gt;`);
    for (const form of [
      '`settings notes on|off`',
      '`settings unreadable on|off`',
      '`settings language en|ru|kk`',
      '`settings channel-language en|ru|kk|off`',
      '/claimcheck help',
    ]) {
      expect(text).toContain(form);
    }
    expect(text).not.toMatch(/<[a-z]/);
  });
});

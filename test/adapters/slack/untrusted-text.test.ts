/** Hostile article text in Block Kit: no bidi or zero-width controls, no markup, no links, no pings. */
import { describe, expect, it } from 'vitest';
import { type Block, renderReplyBlocks } from '../../../src/adapters/slack/render-blocks.js';
import { renderCard, renderCards } from '../../../src/adapters/slack/render-cards.js';
import type { EntryCard } from '../../../src/pipeline/entry-card.js';
import { ANY_CONTROL, HOSTILE, hostileEntry, hostileItem, hostileReply } from '../../helpers/hostile-text.js';

/** Every string in the message: mrkdwn and plain_text objects, the fallback, everything. */
function strings(n: unknown, out: string[] = []): string[] {
  if (typeof n === 'string') out.push(n);
  else if (Array.isArray(n)) for (const x of n) strings(x, out);
  else if (n && typeof n === 'object') for (const v of Object.values(n)) strings(v, out);
  return out;
}

function expectSafe(message: { text: string; blocks: Block[] }): void {
  const all = strings(message);
  for (const s of all) {
    expect(s).not.toMatch(ANY_CONTROL);
    // The only angle-bracket markup is our own links to the article and the denial.
    for (const m of s.matchAll(/<[^>]*>/g))
      expect(m[0]).toMatch(/^<https:\/\/(news|gov)\.example\/[^|<>]*\|[^<>]*>$/);
    expect(s).not.toMatch(/@(channel|here|everyone)/i);
    expect(s).not.toContain('*URGENT*');
    expect(s).not.toContain('_now_');
    expect(s).not.toContain('~gone~');
    expect(s).not.toContain('`code`');
  }
  expect(all.join('\n')).toContain('∗URGENT∗');
}

describe('Slack: untrusted strings', () => {
  it('article titles, evidence quotes, site names, notes and the fallback are made safe', () => {
    for (const mode of ['full', 'quiet'] as const) {
      const msg = renderReplyBlocks(hostileReply(), { mode, buttons: 'feedback' });
      expectSafe(msg);
    }
    const one = renderReplyBlocks(hostileReply([hostileItem()]), { mode: 'full', buttons: 'none' });
    expectSafe(one);
    // Our own formatting survives around the neutralized text.
    expect(strings(one.blocks).some((s) => s.startsWith('*Evidence from the article*\n> Evidence '))).toBe(
      true,
    );
    expect(
      strings(one.blocks).some((s) => s.startsWith('*Entry ') && s.includes('* · claim, rated *false*')),
    ).toBe(true);
  });

  it('catalogue cards and the echoed query are made safe', () => {
    const e = hostileEntry();
    const card: EntryCard = {
      id: e.id,
      kind: e.kind,
      title: e.title,
      rating: e.rating,
      summary: `Summary ${HOSTILE}`,
      context: e.context,
      parent: e.parent,
      denials: e.denials,
      noOfficialDenial: `None ${HOSTILE}`,
      firstSeen: '2024-01-01',
      updated: '2024-02-01',
    };
    expectSafe(renderCards([card], HOSTILE, 'v1'));
    expectSafe(renderCard(card, 'v1'));
    const none = renderCards([], HOSTILE, 'v1');
    for (const s of strings(none)) expect(s).not.toMatch(ANY_CONTROL);
    expect(none.text).toContain('&lt;!channel&gt;');
  });
});

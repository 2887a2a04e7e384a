import { describe, expect, it } from 'vitest';
import { discordText, plainLine, slackEscape, slackText, stripControls } from '../../src/text/safe-text.js';
import { ANY_CONTROL, CONTROLS, HOSTILE } from '../helpers/hostile-text.js';

describe('stripControls', () => {
  it.each(
    CONTROLS.map((c) => [c.codePointAt(0)?.toString(16).padStart(4, '0'), c]),
  )('drops U+%s', (_code, c) => {
    expect(stripControls(`a${c}b${c}`)).toBe('ab');
  });
  it('keeps letters of every script, emoji, tabs and line breaks', () => {
    const s = 'Қазақстан — Казахстан, Kazakhstan 🇰🇿\tok\r\nnext';
    expect(stripControls(s)).toBe(s);
  });
});

describe('plainLine', () => {
  it('gives one line without controls', () => {
    expect(plainLine(` \u202Ea\n\n b\u200B\t`)).toBe('a b');
  });
});

describe('slackText', () => {
  const out = slackText(HOSTILE);
  it('leaves no control, no markup character and no mention', () => {
    expect(out).not.toMatch(ANY_CONTROL);
    expect(out).not.toMatch(/[<>*_~`]/);
    expect(out).not.toMatch(/@(channel|here|everyone)/i);
    expect(out).toContain('&lt;!channel&gt;');
    expect(out).toContain('∗URGENT∗ ˍnowˍ ∼gone∼ ˋcodeˋ');
    expect(out).toContain('＠here ＠everyone');
    expect(out).toContain('&lt;https://evil.example|bank&gt;');
  });
  it('escapes & < > without touching intended formatting in our own text', () => {
    expect(slackEscape('*bold* `/claimcheck <link>` a&b\u202E')).toBe(
      '*bold* `/claimcheck &lt;link&gt;` a&amp;b',
    );
  });
});

describe('discordText', () => {
  const out = discordText(HOSTILE);
  it('escapes every formatting character and every line-start mark', () => {
    expect(out).not.toMatch(ANY_CONTROL);
    // Each markup character is preceded by a backslash.
    expect(out.replace(/\\[\\`*_~|[\]()<>@#>+\-.]/g, '')).not.toMatch(/[`*_~|[\]()<>@]/);
    expect(out).toContain('\\@everyone');
    expect(out).toContain('\\[click\\]\\(https://evil.example\\)');
    expect(out).toContain('\\|\\|spoiler\\|\\|');
    expect(out).toContain('\n\\# Heading\n\\> quoted\n\\- item\n1\\. first');
  });
  it('leaves ordinary punctuation alone', () => {
    expect(discordText('Kazakhstan - a #1 state, 2024. (not) ok')).toBe(
      'Kazakhstan - a #1 state, 2024. \\(not\\) ok',
    );
  });
});

describe('renderText (terminals and Slack fallbacks)', () => {
  it('drops controls from article text, keeping its line structure', async () => {
    const { renderText, renderCardText } = await import('../../src/pipeline/render-text.js');
    const { hostileReply } = await import('../helpers/hostile-text.js');
    const out = renderText(hostileReply());
    expect(out).not.toMatch(ANY_CONTROL);
    expect(out).toContain('*URGENT*');
    expect(out.split('\n').length).toBeGreaterThan(10);
    const card = renderCardText({
      id: 'x',
      kind: 'claim',
      title: HOSTILE,
      rating: 'false',
      summary: HOSTILE,
      context: HOSTILE,
      parent: null,
      denials: [],
      noOfficialDenial: null,
      firstSeen: '2024-01-01',
      updated: '2024-01-01',
    });
    expect(card).not.toMatch(ANY_CONTROL);
  });
});

/**
 * Replies in the newsroom's language: a Slack workspace set to Russian (by an admin) gets the
 * alert's title, context and fixed phrases in Russian; an entry without a translation falls back
 * to English, entry by entry. And a Discord member with Manage Server may change the settings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Match } from '../../src/model/types.js';
import { settingsAnswer, startHarness as startDiscord } from '../adapters/discord/harness.js';
import { fixture, type Harness, jsonParam, startHarnessWith } from '../adapters/slack/harness.js';
import { testCatalogue, testEntry } from '../helpers/catalogue.js';
import { type ScriptedService, scriptedService } from '../helpers/scripted-service.js';

const catalogue = testCatalogue([
  testEntry({
    id: 'nato-centre',
    title: { en: 'NATO opened a centre in Kazakhstan', ru: 'НАТО открыло центр в Казахстане' },
    context: {
      en: 'No such centre exists. The ministry said so.',
      ru: 'Такого центра не существует. Министерство заявило об этом.',
    },
  }),
  testEntry({
    id: 'no-russian',
    title: { en: 'An entry only in English' },
    context: { en: 'English context only.' },
  }),
]);

const match = (id: string): Match => ({
  id,
  kind: 'claim',
  stance: 'promotes',
  confidence: 0.87,
  method: 'lexical',
  evidence: [{ quote: 'Центр НАТО открыт в Алматы.' }],
});

const PAGE = 'https://news.example/nato-centre';
const OTHER = 'https://news.example/english-only';
const SCRIPTS = {
  [PAGE]: { title: 'Центр НАТО', matches: [match('nato-centre')] },
  [OTHER]: { title: 'Other', matches: [match('no-russian')] },
};

let h: Harness<ScriptedService> | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('replies in the workspace’s language', () => {
  it('a Slack workspace set to ru gets the alert’s title, context and fixed phrases in Russian', async () => {
    h = await startHarnessWith(scriptedService(catalogue, SCRIPTS), { ADMIN_USERS: 'U0JOURNO1' });
    const slack = h;
    await slack.sendCommand({ ...fixture('slash-command-url.json'), text: 'settings language ru' });
    await slack.fake.waitFor(
      () => slack.fake.responses.find((r) => String(r.body.text).includes('Settings saved')),
      5_000,
      'the settings answer',
    );
    const event = fixture('message-with-link.json');
    const ev = event.event as Record<string, unknown>;
    await slack.sendEvent({ ...event, event: { ...ev, text: `<${PAGE}> <${OTHER}>`, blocks: [] } });
    const post = await slack.fake.waitFor(
      () => slack.fake.callsTo('chat.postMessage')[0],
      5_000,
      'the alert',
    );
    const blocks = JSON.stringify(jsonParam(post.params, 'blocks'));
    // The catalogue's translation…
    expect(blocks).toContain('НАТО открыло центр в Казахстане');
    expect(blocks).toContain('Такого центра не существует.');
    // …the fixed phrases…
    expect(blocks).toContain('Статья повторяет известное ложное утверждение');
    expect(blocks).toContain('уверенность 87%');
    expect(blocks).toContain('Статья продвигает его');
    expect(blocks).toContain('Полезно');
    expect(blocks).not.toContain('The article promotes it');
    // …and English, entry by entry, where the catalogue has no Russian.
    expect(blocks).toContain('An entry only in English');
    expect(blocks).toContain('English context only.');
  });
});

describe('Discord settings', () => {
  it('a member with Manage Server changes the guild’s language; without it, the change is refused', async () => {
    const x = await startDiscord({}, scriptedService(catalogue, SCRIPTS));
    try {
      const answer = (permissions: string) => settingsAnswer(x, 'language ru', permissions);
      expect(await answer('0')).toContain('Only workspace admins');
      expect(await x.store.get('settings:discord:1100000000000000001')).toBeUndefined();
      // 0x20 is MANAGE_GUILD.
      expect(await answer('32')).toContain('Settings saved for this server');
      expect(await x.store.get('settings:discord:1100000000000000001')).toMatchObject({ language: 'ru' });
    } finally {
      await x.stop();
    }
  });
});

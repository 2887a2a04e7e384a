/**
 * The Slack adapter over the real check service: real link extraction, the shipped catalogue and the
 * real lexical matcher; only the page fetcher is a fake (it serves the catalogue's own examples).
 */
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../src/claims/load.js';
import type { Catalogue } from '../../../src/model/catalogue.js';
import { type RealCheckService, realCheckService } from '../../helpers/real-check-service.js';
import { eventFixture, fixture, type Harness, jsonParam, startHarnessWith } from './harness.js';

let catalogue: Catalogue;
let h: Harness<RealCheckService['service']> | null = null;
let fetched: string[] = [];

beforeAll(async () => {
  catalogue = await loadCatalogue(fileURLToPath(new URL('../../../claims', import.meta.url)));
});

afterEach(async () => {
  await h?.close();
  h = null;
  fetched = [];
});

async function start(pages: Record<string, string>): Promise<Harness<RealCheckService['service']>> {
  const real = realCheckService(catalogue, pages, { cacheTtlMs: 0 });
  fetched = real.fetched;
  h = await startHarnessWith(real.service, {});
  return h;
}

function example(id: string, kind: 'match' | 'debunk'): string {
  const text = catalogue.byId.get(id)?.examples[kind][0]?.text;
  if (!text) throw new Error(`the catalogue has no ${kind} example for ${id}`);
  return text;
}

describe('Slack over the real check service', () => {
  it('alerts in the thread on an article that repeats a catalogued claim (tracking parameters dropped)', async () => {
    const hh = await start({
      'https://news.example/nato-centre': example('nato-peacekeeping-centre', 'match'),
    });
    await hh.sendEvent(
      eventFixture('message-with-link.json', {
        event: { text: 'Is this true? <https://news.example/nato-centre?utm_source=telegram&amp;fbclid=x1>' },
      }),
    );
    const post = await hh.fake.waitFor(() => hh.fake.callsTo('chat.postMessage')[0], 5_000, 'reply');
    expect(post.params.thread_ts).toBe('1732190000.000100');
    const blocks = JSON.stringify(jsonParam(post.params, 'blocks'));
    expect(blocks).toContain(catalogue.byId.get('nato-peacekeeping-centre')?.title.en);
    expect(blocks).toContain('"value":"nato-peacekeeping-centre');
    expect(fetched).toEqual(['https://news.example/nato-centre']);
  });

  it('stays silent on an article that debunks the claim', async () => {
    const hh = await start({
      'https://news.example/nato-centre': example('nato-peacekeeping-centre', 'debunk'),
    });
    await hh.sendEvent(fixture('message-with-link.json'));
    await hh.slack.idle();
    expect(fetched).toEqual(['https://news.example/nato-centre']);
    expect(hh.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('fetches only the link an edit added', async () => {
    const hh = await start({
      'https://news.example/weather': 'Sunny in Almaty tomorrow.',
      'https://news.example/nato-centre': example('nato-peacekeeping-centre', 'match'),
    });
    await hh.sendEvent(fixture('message-changed-adds-link.json'));
    await hh.fake.waitFor(() => hh.fake.callsTo('chat.postMessage')[0], 5_000, 'reply');
    expect(fetched).toEqual(['https://news.example/nato-centre']);
  });

  it('looks up Russian words in the shipped catalogue', async () => {
    const hh = await start({});
    await hh.sendCommand(fixture('slash-command-words-ru.json'));
    const a = await hh.fake.waitFor(() => hh.fake.responses.find((r) => r.id === 'command'), 5_000, 'answer');
    expect(JSON.stringify(a.body.blocks)).toContain(catalogue.byId.get('us-biolabs-in-kazakhstan')?.title.ru);
  });
});

/**
 * The embedded default (SQLite): 10 Slack messages acknowledged, the process killed with SIGKILL
 * while their pages are still loading, restarted on the same data directory → each of the 10 is
 * answered exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMOTING_RU } from '../helpers/articles.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { type FixtureServer, startFixtureServer } from '../helpers/fixture-server.js';
import { deliver, messageEvent, type Replica, repliesPerThread, slackEnv, startReplica } from './replica.js';

let fake: FakeSlack;
let pages: FixtureServer;
let data: string;
const running: Replica[] = [];

beforeAll(async () => {
  fake = await FakeSlack.start();
  pages = await startFixtureServer({
    '/slow': async (_req, res) => {
      await new Promise((r) => setTimeout(r, 1500));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PROMOTING_RU);
    },
  });
  data = mkdtempSync(join(tmpdir(), 'claimdesk-durable-'));
});

afterAll(async () => {
  for (const r of running) if (r.proc.exitCode === null) r.proc.kill('SIGKILL');
  await fake?.close();
  await pages?.close();
  rmSync(data, { recursive: true, force: true });
});

describe('SQLite default: kill -9 and restart', () => {
  it('answers all 10 acknowledged messages exactly once after a restart', async () => {
    const env = {
      ...slackEnv(fake),
      STORE_URL: `sqlite://${join(data, 'claimdesk.sqlite')}`,
      FETCH_ALLOW_HOSTS: pages.hostPort,
      ANALYSIS_THREADS: '1',
      QUEUE_CONCURRENCY: '2',
    };
    const ns = Array.from({ length: 10 }, (_, i) => i + 1);
    const a = await startReplica(env);
    running.push(a);
    for (const n of ns) {
      const res = await deliver(a, messageEvent(n, `${pages.origin}/slow?n=${n}`));
      expect(res.status).toBe(200);
    }
    // Some pages are being read: now the process dies, without a chance to clean up.
    await fake.waitFor(() => pages.requests.length > 0, 10_000, 'a page request');
    a.proc.kill('SIGKILL');
    await a.exited;
    const before = fake.callsTo('chat.postMessage').length;
    expect(before).toBeLessThan(10);

    const b = await startReplica(env);
    running.push(b);
    await fake.waitFor(() => repliesPerThread(fake, ns).every((c) => c >= 1), 60_000, 'all 10 answers');
    // A moment more, for any second answer that should not come.
    await new Promise((r) => setTimeout(r, 1000));
    expect(repliesPerThread(fake, ns)).toEqual(ns.map(() => 1));
    b.proc.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  }, 120_000);
});

/**
 * The embedded default (SQLite): /claimcheck commands acknowledged by the real entry point, which is
 * killed with SIGKILL while their pages are still loading; restarted on the same data directory, it
 * answers each command exactly once at its response_url.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMOTING_RU } from '../helpers/articles.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { type FixtureServer, startFixtureServer } from '../helpers/fixture-server.js';
import {
  answersPerCommand,
  commandBody,
  deliverForm,
  type Replica,
  slackEnv,
  startReplica,
} from './replica.js';

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
  data = mkdtempSync(join(tmpdir(), 'claimdesk-durable-cmd-'));
});

afterAll(async () => {
  for (const r of running) if (r.proc.exitCode === null) r.proc.kill('SIGKILL');
  await fake?.close();
  await pages?.close();
  rmSync(data, { recursive: true, force: true });
});

describe('SQLite default: a command survives kill -9', () => {
  it('answers each acknowledged /claimcheck exactly once at its response_url after a restart', async () => {
    const env = {
      ...slackEnv(fake),
      STORE_URL: `sqlite://${join(data, 'claimdesk.sqlite')}`,
      FETCH_ALLOW_HOSTS: pages.hostPort,
      ANALYSIS_THREADS: '1',
      QUEUE_CONCURRENCY: '2',
    };
    const ns = [1, 2, 3, 4];
    const a = await startReplica(env);
    running.push(a);
    for (const n of ns) {
      const res = await deliverForm(a, commandBody(fake, n, `${pages.origin}/slow?cmd=${n}`));
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({
        response_type: 'ephemeral',
        text: 'Checking… (only you can see this)',
      });
    }
    // The checks are reading their pages: now the process dies, without a chance to clean up.
    await fake.waitFor(() => pages.requests.length > 0, 10_000, 'a page request');
    a.proc.kill('SIGKILL');
    await a.exited;
    expect(answersPerCommand(fake, ns).every((c) => c === 0)).toBe(true);

    const b = await startReplica(env);
    running.push(b);
    await fake.waitFor(() => answersPerCommand(fake, ns).every((c) => c >= 1), 60_000, 'all 4 answers');
    // A moment more, for any second answer that should not come.
    await new Promise((r) => setTimeout(r, 1000));
    expect(answersPerCommand(fake, ns)).toEqual(ns.map(() => 1));
    for (const r of fake.responses.filter((x) => x.id.startsWith('cmd'))) {
      expect(r.body.response_type).toBe('ephemeral');
      expect(JSON.stringify(r.body.blocks)).toContain('nato-peacekeeping-centre');
    }
    b.proc.kill('SIGTERM');
    expect(await b.exited).toBe(0);
  }, 120_000);
});

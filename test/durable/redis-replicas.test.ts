/**
 * Two replica processes on one Redis (BullMQ): each Slack message delivered to A and, at the same
 * moment, Slack's retry of it to B → answered exactly once; messages acknowledged by A, then A killed
 * with SIGKILL mid-burst → every one answered exactly once, by B; Redis stopped during a burst → the
 * events get no 200 (Slack delivers them again), nothing crashes, and the re-deliveries are answered
 * once Redis is back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROMOTING_RU } from '../helpers/articles.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { type FixtureServer, startFixtureServer } from '../helpers/fixture-server.js';
import { type RedisHandle, redisAvailable, startRedis } from '../helpers/redis.js';
import { deliver, messageEvent, type Replica, repliesPerThread, slackEnv, startReplica } from './replica.js';

const ok = redisAvailable();
let redis: RedisHandle;
let pages: FixtureServer;
let fake: FakeSlack;
const running: Replica[] = [];

beforeAll(async () => {
  if (!ok) return;
  redis = await startRedis();
  pages = await startFixtureServer({
    '/slow': async (_req, res) => {
      await new Promise((r) => setTimeout(r, 1500));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PROMOTING_RU);
    },
  });
});

afterEach(async () => {
  for (const r of running.splice(0)) if (r.proc.exitCode === null) r.proc.kill('SIGKILL');
  await fake?.close();
});

afterAll(async () => {
  await pages?.close();
  await redis?.stop();
});

async function replicas(n: number, db: number): Promise<Replica[]> {
  fake = await FakeSlack.start();
  const env = {
    ...slackEnv(fake),
    STORE_URL: `${redis.url}/${db}`,
    FETCH_ALLOW_HOSTS: pages.hostPort,
    ANALYSIS_THREADS: '1',
  };
  const out: Replica[] = [];
  for (let i = 0; i < n; i++) {
    const r = await startReplica(env);
    running.push(r);
    out.push(r);
  }
  return out;
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe.skipIf(!ok)('two replicas on one Redis', () => {
  it('answers 30 messages exactly once when each goes to A and its retry to B at the same moment', async () => {
    const [a, b] = await replicas(2, 1);
    if (!a || !b) throw new Error('no replicas');
    const ns = range(101, 30);
    const statuses = await Promise.all(
      ns.flatMap((n) => {
        const body = messageEvent(n, `${pages.origin}/slow?n=${n}`);
        return [deliver(a, body).then((r) => r.status), deliver(b, body, 1).then((r) => r.status)];
      }),
    );
    expect(statuses.every((s) => s === 200)).toBe(true);
    await fake.waitFor(() => repliesPerThread(fake, ns).every((c) => c >= 1), 60_000, 'all 30 answers');
    await new Promise((r) => setTimeout(r, 1500));
    expect(repliesPerThread(fake, ns)).toEqual(ns.map(() => 1));
  }, 90_000);

  it('answers all 30 exactly once, by B, when A is killed with SIGKILL mid-burst', async () => {
    const [a, b] = await replicas(2, 2);
    if (!a || !b) throw new Error('no replicas');
    const ns = range(201, 30);
    for (const n of ns)
      expect((await deliver(a, messageEvent(n, `${pages.origin}/slow?k=${n}`))).status).toBe(200);
    a.proc.kill('SIGKILL');
    await a.exited;
    const killedAt = Date.now();
    await fake.waitFor(() => repliesPerThread(fake, ns).every((c) => c >= 1), 60_000, 'all 30 answers');
    expect(Date.now() - killedAt).toBeLessThan(60_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(repliesPerThread(fake, ns)).toEqual(ns.map(() => 1));
  }, 120_000);

  it('refuses events while Redis is down (Slack re-delivers them), and answers them once it is back', async () => {
    const [a] = await replicas(1, 3);
    if (!a) throw new Error('no replica');
    const ns = range(301, 5);
    await redis.stop();
    const refused = await Promise.all(
      ns.map((n) => deliver(a, messageEvent(n, `${pages.origin}/slow?r=${n}`))),
    );
    // No 200: a 5xx, or no answer before Slack would give up (status 0 here).
    expect(refused.every((r) => r.status >= 500 || r.status === 0)).toBe(true);
    // Still alive and answering health checks, but not ready.
    expect((await fetch(`${a.url}healthz`)).status).toBe(200);
    const notReady = await fetch(`${a.url}readyz`);
    expect(notReady.status).toBe(503);
    expect(JSON.stringify(await notReady.json())).not.toContain('127.0.0.1');
    redis = await startRedis({ port: redis.port });
    // Slack's re-deliveries, once Redis is back (retried until the replica reconnects).
    for (const n of ns) {
      const deadline = Date.now() + 20_000;
      while ((await deliver(a, messageEvent(n, `${pages.origin}/slow?r=${n}`), 1)).status !== 200) {
        if (Date.now() > deadline)
          throw new Error(
            `the re-delivery of ${n} was never accepted: ${a
              .log()
              .split('\n')
              .filter((l) => /could not store|stored|queue/i.test(l))
              .slice(-12)
              .join('\n')}`,
          );
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await fake.waitFor(() => repliesPerThread(fake, ns).every((c) => c >= 1), 60_000, 'the answers');
    expect(repliesPerThread(fake, ns)).toEqual(ns.map(() => 1));
    expect((await fetch(`${a.url}readyz`)).status).toBe(200);
    expect(a.proc.exitCode).toBeNull();
  }, 120_000);
});

/**
 * Two replica processes on one Redis (BullMQ): each /claimcheck and each button click delivered to A
 * and, at the same moment, to B (as a re-delivery would arrive) → each command answered exactly once
 * at its response_url, each click thanked exactly once, whichever replica's worker took the job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMOTING_RU } from '../helpers/articles.js';
import { FakeSlack } from '../helpers/fake-slack.js';
import { type FixtureServer, startFixtureServer } from '../helpers/fixture-server.js';
import { type RedisHandle, redisAvailable, startRedis } from '../helpers/redis.js';
import {
  answersPerCommand,
  clickBody,
  clickUser,
  commandBody,
  deliverForm,
  type Replica,
  slackEnv,
  startReplica,
} from './replica.js';

const ok = redisAvailable();
let redis: RedisHandle;
let pages: FixtureServer;
let fake: FakeSlack;
const running: Replica[] = [];

beforeAll(async () => {
  if (!ok) return;
  redis = await startRedis();
  fake = await FakeSlack.start();
  pages = await startFixtureServer({
    '/slow': async (_req, res) => {
      await new Promise((r) => setTimeout(r, 500));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PROMOTING_RU);
    },
  });
});

afterAll(async () => {
  for (const r of running) if (r.proc.exitCode === null) r.proc.kill('SIGKILL');
  await fake?.close();
  await pages?.close();
  await redis?.stop();
});

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe.skipIf(!ok)('two replicas on one Redis: commands and buttons', () => {
  it('answers 10 commands and 10 clicks, each delivered to A and B at once, exactly once each', async () => {
    const env = {
      ...slackEnv(fake),
      STORE_URL: `${redis.url}/4`,
      FETCH_ALLOW_HOSTS: pages.hostPort,
      ANALYSIS_THREADS: '1',
    };
    const a = await startReplica(env);
    running.push(a);
    const b = await startReplica(env);
    running.push(b);
    const cmds = range(401, 10);
    const clicks = range(501, 10);
    const statuses = await Promise.all([
      ...cmds.flatMap((n) => {
        const body = commandBody(fake, n, `${pages.origin}/slow?c=${n}`);
        return [deliverForm(a, body), deliverForm(b, body)];
      }),
      ...clicks.flatMap((n) => {
        const body = clickBody(fake, n);
        return [deliverForm(a, body), deliverForm(b, body)];
      }),
    ]);
    expect(statuses.map((s) => s.status).every((s) => s === 200)).toBe(true);
    const thanked = () =>
      clicks.map(
        (n) => fake.callsTo('chat.postEphemeral').filter((c) => c.params.user === clickUser(n)).length,
      );
    await fake.waitFor(
      () => answersPerCommand(fake, cmds).every((c) => c >= 1) && thanked().every((c) => c >= 1),
      60_000,
      'every answer',
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(answersPerCommand(fake, cmds)).toEqual(cmds.map(() => 1));
    expect(thanked()).toEqual(clicks.map(() => 1));
    // Each replica stored some deliveries, and each delivery's twin was a duplicate.
    const stored = (r: Replica) => r.log().match(/"msg":"slack: interaction stored"/g)?.length ?? 0;
    expect(stored(a) + stored(b)).toBe(40);
    expect((a.log() + b.log()).match(/"queued":"queued"/g)?.length).toBe(20);
  }, 120_000);
});

/** Starts the real entry point as a process, as `npm start` does, and talks to it over HTTP. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const running: ChildProcess[] = [];
afterEach(() => {
  for (const p of running.splice(0)) if (p.exitCode === null) p.kill('SIGKILL');
});

function start(env: Record<string, string>) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(proc);
  let stderr = '';
  const listening = new Promise<string>((resolve, reject) => {
    proc.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = stderr.match(/"url":"(http:\/\/127\.0\.0\.1:\d+\/)"/);
      if (m?.[1]) resolve(m[1]);
    });
    proc.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return { proc, listening, exited, stderr: () => stderr };
}

describe('npm start (src/main.ts)', () => {
  it('starts in local mode with no tokens, serves the API, and stops cleanly on SIGTERM', async () => {
    const data = mkdtempSync(join(tmpdir(), 'claimdesk-main-'));
    try {
      const p = start({
        STORE_URL: `sqlite://${join(data, 'c.sqlite')}`,
        OPENAI_API_KEY: 'sk-secret-do-not-log',
      });
      const url = await p.listening;
      const health = (await (await fetch(`${url}healthz`)).json()) as { ok: boolean };
      expect(health.ok).toBe(true);
      const res = await fetch(`${url}api/lookup?q=NATO`);
      expect(res.status).toBe(200);
      p.proc.kill('SIGTERM');
      expect(await p.exited).toBe(0);
      expect(p.stderr()).not.toContain('sk-secret-do-not-log');
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it('refuses to start on a bad variable with a one-line message', async () => {
    const p = start({ STORE_URL: 'ftp://nowhere' });
    await expect(p.listening).rejects.toThrow(/exited with 2/);
    expect(p.stderr().trim().split('\n')).toHaveLength(1);
    expect(p.stderr()).toContain('STORE_URL must start with');
  });
});

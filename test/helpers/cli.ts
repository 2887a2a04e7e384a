/** Runs the CLI in-process with captured output. */
import { Readable } from 'node:stream';
import { runCli } from '../../src/adapters/cli/main.js';

export async function cli(args: string[], env: Record<string, string> = {}, stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([Buffer.from(stdin)]),
    env: { STORE_URL: 'memory://', ...env },
  });
  return { code, stdout, stderr };
}

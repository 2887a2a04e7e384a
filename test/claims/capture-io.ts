/** A CliIO that records what a command writes, for the claims commands' tests. */
import { Readable } from 'node:stream';
import type { CliIO } from '../../src/adapters/cli/io.js';

export interface Captured {
  io: CliIO;
  out(): string;
  err(): string;
}

export function captureIO(env: Record<string, string> = {}): Captured {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Readable.from([]),
      env,
    },
    out: () => stdout,
    err: () => stderr,
  };
}

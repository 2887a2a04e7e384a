import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, stream };
}

describe('logger', () => {
  it('redacts secret fields and secret values wherever they appear', () => {
    const { lines, stream } = capture();
    const env = { SLACK_BOT_TOKEN: 'xoxb-very-secret-token', OPENAI_API_KEY: 'sk-abcdef123456' };
    const log = createLogger('info', env, stream);
    log.info(
      { config: { slack: { botToken: 'xoxb-very-secret-token' } }, apiKey: 'sk-abcdef123456' },
      'starting',
    );
    log.warn({ err: 'request failed with Authorization: Bearer sk-abcdef123456' }, 'oops');
    const out = lines.join('');
    expect(out).not.toContain('xoxb-very-secret-token');
    expect(out).not.toContain('sk-abcdef123456');
    expect(out).toContain('[redacted]');
    expect(out).toContain('starting');
  });
});

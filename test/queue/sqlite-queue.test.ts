import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { openQueue } from '../../src/queue/open-queue.js';
import { queueContract, TEST_OPTIONS } from './contract.js';

const dir = mkdtempSync(join(tmpdir(), 'claimdesk-queue-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite queue', () => {
  queueContract((name, opts) =>
    openQueue(`sqlite://${join(dir, name, 'claimdesk.sqlite')}`, { options: { ...TEST_OPTIONS, ...opts } }),
  );
});

/**
 * Live catalogue updates: polls the catalogue directory every CLAIMS_REFRESH_S seconds. When the
 * files' content hash changes, the new catalogue is validated as a whole; a valid one is handed to
 * `swap` (which builds what depends on it and switches atomically), an invalid one is logged as
 * `path:line:col: message` and the last good catalogue stays in use. Replicas reading the same
 * directory compute the same version, so they converge on the same catalogue.
 */
import type { Logger } from '../model/ports.js';
import { formatIssue } from './issues.js';
import { catalogueVersion, readEntryFiles, validateCatalogueDir } from './load.js';
import type { Catalogue } from '../model/catalogue.js';

export type RefreshOutcome = 'unchanged' | 'swapped' | 'invalid' | 'unreadable';

export interface CatalogueWatcher {
  /** Checks the directory now (the timer calls it too); never throws. */
  refresh(): Promise<RefreshOutcome>;
  stop(): void;
}

export interface WatchOptions {
  dir: string;
  /** The catalogue in use at start. */
  current: Catalogue;
  intervalMs: number;
  logger: Logger;
  /** Switches to a validated catalogue; when it throws, the old one stays in use. */
  swap(next: Catalogue): Promise<void>;
}

export function watchCatalogue(opts: WatchOptions): CatalogueWatcher {
  let version = opts.current.version;
  /** The version of the last invalid catalogue: logged once, not on every poll. */
  let rejected: string | null = null;
  let running: Promise<RefreshOutcome> | null = null;

  async function check(): Promise<RefreshOutcome> {
    let seen: string;
    try {
      seen = catalogueVersion((await readEntryFiles(opts.dir)).files);
    } catch (err) {
      opts.logger.warn(
        { dir: opts.dir, err: err instanceof Error ? err.message : String(err) },
        'cannot read the catalogue directory; keeping the catalogue in use',
      );
      return 'unreadable';
    }
    if (seen === version || seen === rejected) return 'unchanged';
    const { catalogue, issues } = await validateCatalogueDir(opts.dir);
    if (!catalogue) {
      rejected = seen;
      for (const i of issues) opts.logger.warn({ issue: formatIssue(i) }, formatIssue(i));
      opts.logger.error(
        { dir: opts.dir, problems: issues.length, inUse: version },
        'the changed catalogue is invalid; keeping the last good one',
      );
      return 'invalid';
    }
    try {
      await opts.swap(catalogue);
    } catch (err) {
      opts.logger.error(
        { version: catalogue.version, err: err instanceof Error ? err.message : String(err) },
        'could not switch to the new catalogue; keeping the last good one',
      );
      return 'invalid';
    }
    opts.logger.info(
      { from: version, to: catalogue.version, entries: catalogue.entries.length },
      'catalogue updated',
    );
    version = catalogue.version;
    rejected = null;
    return 'swapped';
  }

  /** One check at a time: a slow swap is never overtaken by the next poll. */
  const refresh = (): Promise<RefreshOutcome> => {
    running ??= check().finally(() => {
      running = null;
    });
    return running;
  };

  const timer = opts.intervalMs > 0 ? setInterval(() => void refresh(), opts.intervalMs) : null;
  timer?.unref();
  return { refresh, stop: () => (timer ? clearInterval(timer) : undefined) };
}

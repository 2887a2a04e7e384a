/**
 * Work that runs after Slack got its answer (Slack wants one within 3 seconds), with one error
 * boundary per event: the failure is logged with the event id, the waiting user gets a short
 * neutral line, nothing is thrown back into Bolt, and the process goes on.
 */
import { within } from '../../model/within.js';
import type { Logger } from '../../model/ports.js';

export interface TaskInfo {
  /** What kind of event: message, command, action. */
  kind: string;
  /** Slack's event id, or the trigger/action id for commands and buttons. */
  eventId: string;
}

export function describeError(err: unknown): { err: string; code?: string } {
  if (err instanceof Error) {
    const code = 'code' in err && typeof err.code === 'string' ? err.code : undefined;
    return code ? { err: err.message, code } : { err: err.message };
  }
  return { err: String(err) };
}

export class Background {
  private readonly tasks = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly logger: Logger) {}

  get accepting(): boolean {
    return !this.stopped;
  }

  /**
   * Runs `work` in the background. When it throws, the error is logged and `onError` (the short
   * neutral line for a waiting user) is tried once; its own failure is logged too.
   */
  run(info: TaskInfo, work: () => Promise<void>, onError?: () => Promise<unknown>): void {
    if (this.stopped) {
      this.logger.warn({ ...info }, 'slack: shutting down, event dropped');
      return;
    }
    const task = (async () => {
      try {
        await work();
      } catch (err) {
        this.logger.error(
          { ...info, ...describeError(err), stack: err instanceof Error ? err.stack : undefined },
          'slack: event failed',
        );
        if (!onError) return;
        try {
          await onError();
        } catch (err2) {
          this.logger.error(
            { ...info, ...describeError(err2) },
            'slack: could not tell the user about the failure',
          );
        }
      }
    })();
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
  }

  /** Resolves when no background work is left (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }

  /** Stops taking work and waits up to `ms` for the work in flight. */
  async stop(ms: number): Promise<void> {
    this.stopped = true;
    await within(this.idle(), ms, 'Slack drain').catch(() => {});
  }
}

/** What every CLI command gets: streams and the environment, injected so tests can capture them. */
export interface CliIO {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  stdin: NodeJS.ReadableStream;
  env: Readonly<Record<string, string | undefined>>;
  /** The clock, for commands that compare dates (claims audit); the system clock when absent. */
  now?: () => Date;
}

/** A CLI command: returns the exit code (0 ok, 1 failure, 2 usage error). */
export type CliCommand = (args: string[], io: CliIO) => Promise<number>;

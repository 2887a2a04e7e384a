import type { ErrorCode } from './types.js';

/** The input was rejected or a page could not be read: carries a contract code and a sentence for a person. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The catalogue is invalid: every issue with its file position. */
export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';
  constructor(
    message: string,
    readonly issues: ReadonlyArray<{ file: string; line: number; col: number; message: string }>,
  ) {
    super(message);
  }
}

/** The environment is invalid: one line naming the variable and what is wrong. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** A dependency we call (LLM, store, chat API) failed; the reply degrades, the process goes on. */
export class DependencyError extends Error {
  override readonly name = 'DependencyError';
  constructor(
    readonly dependency: 'llm' | 'store' | 'queue' | 'slack' | 'discord',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

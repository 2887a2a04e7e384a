/**
 * One chat completion through the openai client, with our retries (429, 5xx, 408 and lost
 * connections; never a timeout: a slow model is a reason to fall back, not to wait three times).
 * The completion is parsed (external data); every failure becomes a Failure with a sentence.
 */
import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { Clock } from '../model/ports.js';
import { nextDelay, type RetryPolicy } from './retry.js';

export type FailureKind =
  | 'timeout'
  | 'rate_limited'
  | 'server_error'
  | 'connection'
  | 'rejected'
  | 'aborted'
  | 'refusal'
  | 'malformed';

export class Failure extends Error {
  override readonly name = 'Failure';
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const completionSchema = z.object({
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullish(),
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});

export interface ModelAnswer {
  content: string;
  inputTokens: number;
  outputTokens: number;
  usageReported: boolean;
  attempts: number;
}

function toFailure(err: unknown): Failure {
  if (err instanceof Failure) return err;
  if (err instanceof OpenAI.APIUserAbortError) return new Failure('aborted', 'The check was cancelled.');
  if (err instanceof OpenAI.APIConnectionTimeoutError) {
    return new Failure('timeout', 'The AI classifier did not answer in time.', null, { cause: err });
  }
  if (err instanceof OpenAI.APIConnectionError) {
    return new Failure('connection', 'The AI service could not be reached.', null, { cause: err });
  }
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
    const s = err.status;
    if (s === 429)
      return new Failure('rate_limited', 'The AI service is rate-limited right now.', s, { cause: err });
    if (s >= 500 || s === 408) {
      return new Failure('server_error', `The AI service returned an error (HTTP ${s}).`, s, { cause: err });
    }
    return new Failure('rejected', `The AI service refused the request (HTTP ${s}).`, s, { cause: err });
  }
  return new Failure('malformed', 'The AI service sent a response that could not be read.', null, {
    cause: err,
  });
}

const RETRYABLE: ReadonlySet<FailureKind> = new Set(['rate_limited', 'server_error', 'connection']);

function headersOf(err: unknown): Headers | undefined {
  const cause = err instanceof Failure ? err.cause : err;
  return cause instanceof OpenAI.APIError && cause.headers instanceof Headers ? cause.headers : undefined;
}

export interface CallOptions {
  retry: RetryPolicy;
  clock: Clock;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal | undefined;
  onRetry?: (info: { attempt: number; kind: FailureKind; status: number | null; waitMs: number }) => void;
}

async function once(
  client: OpenAI,
  body: ChatCompletionCreateParamsNonStreaming,
  signal: AbortSignal | undefined,
): Promise<Omit<ModelAnswer, 'attempts'>> {
  const raw: unknown = await client.chat.completions.create(body, signal ? { signal } : {});
  const parsed = completionSchema.safeParse(raw);
  if (!parsed.success)
    throw new Failure('malformed', 'The AI service sent a response that could not be read.');
  const choice = parsed.data.choices[0];
  const usage = parsed.data.usage;
  const refusal = choice?.message.refusal;
  if (refusal || choice?.finish_reason === 'content_filter') {
    throw new Failure('refusal', 'The AI model declined to classify this article.');
  }
  const content = choice?.message.content;
  if (!content || choice?.finish_reason === 'length') {
    throw new Failure('malformed', 'The AI classifier returned an incomplete answer.');
  }
  return {
    content,
    inputTokens: usage?.prompt_tokens ?? 0,
    outputTokens: usage?.completion_tokens ?? 0,
    usageReported: usage !== null && usage !== undefined,
  };
}

/** Calls the model, retrying what is worth retrying; throws Failure. */
export async function callModel(
  client: OpenAI,
  body: ChatCompletionCreateParamsNonStreaming,
  opts: CallOptions,
): Promise<ModelAnswer> {
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await once(client, body, opts.signal);
      return { ...answer, attempts: attempt + 1 };
    } catch (err) {
      const failure = opts.signal?.aborted
        ? new Failure('aborted', 'The check was cancelled.')
        : toFailure(err);
      if (!RETRYABLE.has(failure.kind)) throw failure;
      const wait = nextDelay(attempt, opts.retry, headersOf(err), opts.clock.now());
      if (wait === null) throw failure;
      opts.onRetry?.({ attempt: attempt + 1, kind: failure.kind, status: failure.status, waitMs: wait });
      try {
        await opts.sleep(wait, opts.signal);
      } catch {
        throw new Failure('aborted', 'The check was cancelled.');
      }
    }
  }
}

/**
 * A local fake of the OpenAI chat completions API on 127.0.0.1 (port 0), for driving the real
 * `openai` client: POST /v1/chat/completions answers from a script (a queue of replies, then a
 * default), and every request is recorded with its parsed JSON body and headers.
 * Payload shapes follow OpenAI's own (chat.completion objects, error objects, rate-limit headers).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as is. */
  body?: unknown;
  /** Hold the reply this long (for timeouts). */
  delayMs?: number;
}

/** A reply, or a function of the request (a fake "model" that reads the prompt). */
export type Script = FakeReply | ((req: RecordedRequest) => FakeReply);

export interface FakeOpenAI {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Replies used in order, one per request; then `fallback`. */
  enqueue(...replies: Script[]): void;
  setFallback(reply: Script): void;
  /** Chat completion requests received so far. */
  calls(): number;
  close(): Promise<void>;
}

let seq = 0;

export function completion(
  content: string | null,
  opts: {
    refusal?: string;
    finishReason?: string;
    usage?: { prompt: number; completion: number } | null;
    model?: string;
  } = {},
): FakeReply {
  const usage = opts.usage === undefined ? { prompt: 1234, completion: 87 } : opts.usage;
  seq++;
  return {
    status: 200,
    headers: { 'x-request-id': `req_fake${seq}`, 'openai-processing-ms': '412' },
    body: {
      id: `chatcmpl-fake${seq}`,
      object: 'chat.completion',
      created: 1_763_000_000,
      model: opts.model ?? 'gpt-4.1-mini-2025-04-14',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content, refusal: opts.refusal ?? null, annotations: [] },
          logprobs: null,
          finish_reason: opts.finishReason ?? 'stop',
        },
      ],
      usage: usage
        ? {
            prompt_tokens: usage.prompt,
            completion_tokens: usage.completion,
            total_tokens: usage.prompt + usage.completion,
            prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
            completion_tokens_details: {
              reasoning_tokens: 0,
              audio_tokens: 0,
              accepted_prediction_tokens: 0,
              rejected_prediction_tokens: 0,
            },
          }
        : undefined,
      service_tier: 'default',
      system_fingerprint: 'fp_fake',
    },
  };
}

/** A completion whose content is this object as JSON (what structured outputs returns). */
export function jsonCompletion(answer: unknown, usage?: { prompt: number; completion: number }): FakeReply {
  return completion(JSON.stringify(answer), usage ? { usage } : {});
}

export function rateLimited(retryAfter: string | null, extra: Record<string, string> = {}): FakeReply {
  return {
    status: 429,
    headers: {
      ...(retryAfter === null ? {} : { 'retry-after': retryAfter }),
      'x-ratelimit-limit-requests': '500',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': '1s',
      ...extra,
    },
    body: {
      error: {
        message:
          'Rate limit reached for gpt-4.1-mini in organization org-fake on requests per min (RPM): Limit 500.',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    },
  };
}

export function serverError(status = 500): FakeReply {
  return {
    status,
    body: {
      error: {
        message: 'The server had an error while processing your request. Sorry about that!',
        type: 'server_error',
        param: null,
        code: null,
      },
    },
  };
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const queue: Script[] = [];
  let fallback: Script = serverError(500);
  const timers = new Set<NodeJS.Timeout>();

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // recorded as text
      }
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
      };
      requests.push(recorded);
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'Not found', type: 'invalid_request_error' } }));
        return;
      }
      const script = queue.shift() ?? fallback;
      const reply = typeof script === 'function' ? script(recorded) : script;
      const send = (): void => {
        if (res.destroyed) return;
        const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(payload);
      };
      if (reply.delayMs) {
        const t = setTimeout(() => {
          timers.delete(t);
          send();
        }, reply.delayMs);
        timers.add(t);
      } else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (!address || typeof address === 'string') throw new Error('fake OpenAI server has no port');
  const { port } = address;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    setFallback: (reply) => {
      fallback = reply;
    },
    calls: () => requests.filter((r) => r.url === '/v1/chat/completions').length,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The messages of a recorded chat completion request (parsed, for assertions). */
export function messagesOf(req: RecordedRequest | undefined): Array<{ role: string; content: string }> {
  const body = req?.body;
  if (!body || typeof body !== 'object' || !('messages' in body) || !Array.isArray(body.messages)) return [];
  return body.messages.map((m: unknown) => {
    const obj = m && typeof m === 'object' ? m : {};
    const role = 'role' in obj ? String(obj.role) : '';
    const content = 'content' in obj && typeof obj.content === 'string' ? obj.content : '';
    return { role, content };
  });
}

const chatBodySchema = z.object({
  model: z.string(),
  messages: z.array(z.object({ role: z.string(), content: z.string() })),
  response_format: z
    .object({
      type: z.string(),
      json_schema: z.object({
        name: z.string(),
        strict: z.boolean(),
        schema: z.record(z.string(), z.unknown()),
      }),
    })
    .optional(),
  temperature: z.number().optional(),
  max_tokens: z.number().optional(),
  max_completion_tokens: z.number().optional(),
});
export type ChatBody = z.output<typeof chatBodySchema>;

/** The JSON body of a recorded chat completion request, parsed (throws when it is not one). */
export function chatBody(req: RecordedRequest | undefined): ChatBody {
  return chatBodySchema.parse(req?.body);
}

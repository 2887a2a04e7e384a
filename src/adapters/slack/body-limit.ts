/**
 * A size cap on POST /slack/events, applied before Bolt sees the request. Bolt reads up to 4 MB of
 * an unsigned body before it can check the signature, so a few dozen slow requests could hold
 * hundreds of megabytes. Slack's own payloads are a few kilobytes: anything over the cap is refused
 * with 413 and the connection closed — at once when Content-Length says so, and as soon as the
 * count passes the cap when the body is streamed (chunked). The bytes read are handed to Bolt as
 * `rawBody` (its hook for a body read beforehand), so Bolt never reads the stream itself.
 */
import type { Request, RequestHandler, Response } from 'express';

/** Slack's largest payloads (a modal's view, a message with many blocks) stay well below this. */
export const SLACK_BODY_LIMIT = 64 * 1024;

function tooLarge(res: Response, limit: number): void {
  res
    .set('Connection', 'close')
    .status(413)
    .json({ error: { code: 'invalid_input', message: `Slack requests are at most ${limit} bytes.` } });
}

/** The body, or null once it passes `limit` bytes (reading stops there). */
function readCapped(req: Request, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: Buffer | null, err?: unknown) => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onAborted);
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        done(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks, size));
    const onError = (err: unknown) => done(null, err);
    const onAborted = () => done(null, new Error('request aborted'));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onAborted);
  });
}

export function limitSlackBody(limit: number = SLACK_BODY_LIMIT): RequestHandler {
  return (req, res, next) => {
    const declared = req.headers['content-length'];
    if (declared !== undefined && !(Number(declared) <= limit)) return tooLarge(res, limit);
    readCapped(req, limit).then(
      (body) => {
        if (body === null) return tooLarge(res, limit);
        Object.assign(req, { rawBody: body });
        next();
      },
      () => {
        // The client went away or the stream broke: nobody is left to answer.
        if (!res.headersSent) res.set('Connection', 'close').status(400).end();
      },
    );
  };
}

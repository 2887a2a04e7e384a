/**
 * A durable job's reference on its Discord reply: `ref` and 12 hex digits of a hash of the job's key,
 * carried where Discord keeps it when the message is fetched again (the nonce is not): in the last
 * embed's footer of an alert, as a small last line (`-# ref …`) of a plain reply. A job run again
 * after a crash between posting and recording finds its reply by it (transport.ts findOwn), and the
 * log names the same reference. Pure.
 */
import { createHash } from 'node:crypto';
import { fitEmbeds } from './fit-embeds.js';
import { LIMITS, truncate } from './limits.js';
import type { Outgoing } from './post-reply.js';

export function replyRef(jobKey: string): string {
  return `ref ${createHash('sha256').update(jobKey).digest('hex').slice(0, 12)}`;
}

/** The reply with its reference added (every limit kept). */
export function withRef(out: Outgoing, ref: string): Outgoing {
  // Room for the reference within the 6000 characters of all embeds.
  const embeds = out.embeds?.length ? fitEmbeds(out.embeds, LIMITS.embedTotal - ref.length - 3) : [];
  const last = embeds[embeds.length - 1];
  if (last) {
    const text = last.footer?.text;
    const footer = text ? `${truncate(text, LIMITS.footer - ref.length - 3)} · ${ref}` : ref;
    return {
      ...out,
      embeds: [...embeds.slice(0, -1), { ...last, footer: { ...last.footer, text: footer } }],
    };
  }
  const line = `-# ${ref}`;
  return { ...out, content: `${truncate(out.content, LIMITS.content - line.length - 1)}\n${line}` };
}

/** Whether a fetched message carries this reference (in its text or an embed footer). */
export function carriesRef(
  m: { content: string | null; embeds: ReadonlyArray<{ footer: { text: string } | null }> },
  ref: string,
): boolean {
  const endsWith = (s: string) => s === ref || s.endsWith(` ${ref}`);
  return endsWith(m.content ?? '') || m.embeds.some((e) => (e.footer ? endsWith(e.footer.text) : false));
}

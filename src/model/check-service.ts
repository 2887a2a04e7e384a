/** What adapters call: the platform-neutral check service (implemented in check-service.ts). */
import type { Catalogue, Entry } from './catalogue.js';
import type { LookupHit } from './ports.js';
import type { ReplyLang } from './types.js';
import type { Reply } from './reply.js';
import type { ChatMessage, CheckDetails } from './types.js';

export interface CheckOptions {
  /** Never call the LLM. */
  offline?: boolean;
  signal?: AbortSignal;
}

export interface MessageCheck {
  details: CheckDetails[];
  /** Links beyond the per-message cap, not checked. */
  skipped: number;
}

export interface CheckService {
  catalogue(): Catalogue;
  checkUrl(url: string, opts?: CheckOptions): Promise<CheckDetails>;
  /** `input` is what the user gave (a file name, "-", "text"), echoed in the result. */
  checkText(
    text: string,
    input: string,
    opts?: CheckOptions & { title?: string | null },
  ): Promise<CheckDetails>;
  /** Finds the links in a chat message and checks each; a failed link never stops the others. */
  checkMessage(msg: ChatMessage, opts?: CheckOptions): Promise<MessageCheck>;
  /** Checks links already found and normalized (at most three at a time). */
  checkLinks(links: readonly string[], opts?: CheckOptions): Promise<CheckDetails[]>;
  /** The reply for some results, with this service's catalogue and alert threshold. */
  compose(details: CheckDetails[], opts: { skipped: number; lang?: ReplyLang }): Reply;
  /** Links checked per message (MAX_LINKS_PER_MESSAGE). */
  readonly maxLinksPerMessage: number;
  lookup(query: string, limit?: number): LookupHit[];
  entry(id: string): Entry | undefined;
}

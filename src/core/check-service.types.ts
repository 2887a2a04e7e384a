/** What adapters call: the platform-neutral check service (implemented in check-service.ts). */
import type { Catalogue, Entry } from '../claims/schema.js';
import type { LookupHit } from './ports.js';
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
  lookup(query: string, limit?: number): LookupHit[];
  entry(id: string): Entry | undefined;
}

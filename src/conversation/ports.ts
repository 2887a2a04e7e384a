/**
 * What the conversation core needs from a chat platform: a way to post in the message's thread,
 * and, where the platform can, a way to post to one user only (the private note).
 * Adapters implement it by rendering the platform-neutral Reply (Block Kit, Discord embeds) and
 * calling the platform's API; they decide nothing.
 */
import type { ReplyLang } from '../pipeline/entry-card.js';
import type { Reply } from '../model/reply.js';
import type { ChatMessage } from '../model/types.js';

export type Outgoing =
  /**
   * The full reply with feedback buttons. `key` (a durable job's) goes with the post where the
   * platform keeps it (Slack message metadata; on Discord a reference to it in the message), so
   * findOwn can find it again.
   */
  | { kind: 'alert'; reply: Reply; lang: ReplyLang; key?: string }
  /** One quiet line per link (reports, debunks, unreadable pages, as the settings ask). */
  | { kind: 'note'; reply: Reply; lang: ReplyLang; key?: string }
  /**
   * The private note for an unsure match (below the alert, at or above NOTE_THRESHOLD): names the
   * entry, the quote and the confidence, with a "Missed a narrative?" button (carrying `offer`, the
   * key of what its form is filled in with: missed-offer.ts). Sent with postToUser
   * where the platform has it; otherwise, when the settings say 'thread', posted in the thread.
   */
  | { kind: 'unsure'; reply: Reply; lang: ReplyLang; key?: string; offer?: string }
  /** The one neutral line for a check that failed on our side. */
  | { kind: 'error'; text: string; lang: ReplyLang };

export interface Posted {
  /** The posted message's id (Slack ts, Discord snowflake). */
  id: string | null;
  /** Where it went, for the log (e.g. Discord: thread, existing-thread, in-place). */
  where?: string;
  /** The channel it went to, when not the message's own (Discord: the thread the bot started). */
  channelId?: string;
}

export type UnsureNote = Extract<Outgoing, { kind: 'unsure' }>;

export interface ChatTransport {
  /** Posts in the thread of `msg` (starting one where the platform does); the posted message's id. */
  post(msg: ChatMessage, out: Outgoing): Promise<Posted>;
  /** The bot's own reply for this job key in the message's thread, if it is already there. */
  findOwn?(msg: ChatMessage, key: string): Promise<Posted | null>;
  /**
   * Posts to one user only, in the message's thread (Slack: chat.postEphemeral). Absent where the
   * platform cannot (Discord): the core then posts the note in the thread, or nothing, per settings.
   */
  postToUser?(msg: ChatMessage, userId: string, out: UnsureNote): Promise<Posted>;
}

/** A message event as the adapter translated it. For an edit, `before` is the text as it was. */
export interface ChatEvent {
  message: ChatMessage;
  before?: { text: string; extraLinks: string[] } | null;
}

/**
 * The core's InteractionTransport on Slack, built per command or click from what its job carries:
 * answers go to the event's response_url (ephemeral), thanks for a vote through chat.postEphemeral in
 * the alert's thread (response_url when that fails), the admin question through users.info, and the
 * share button through share.ts. Any replica can build it: it needs only the bot token's client.
 */
import { z } from 'zod';
import type { InteractionTransport } from '../../conversation/interaction-jobs.js';
import type { KeyValueStore, Logger } from '../../model/ports.js';
import { isWorkspaceAdmin } from './is-admin.js';
import { ephemeral, render } from './on-command.js';
import type { WebClient } from './post.js';
import { type Respond, responseUrlPoster } from './response-url.js';
import { shareInChannel } from './share.js';

export interface SlackAnswerDeps {
  client: WebClient;
  store: KeyValueStore;
  logger: Logger;
  /** SLACK_API_URL: its origin may take answers too (GovSlack, a proxy, a test server). */
  apiUrl: string | null;
}

const replyTo = z.object({ responseUrl: z.string(), threadTs: z.string().nullable().optional() });

/** Tells the user something only they see: chat.postEphemeral, or response_url if that fails. */
async function tellUser(
  deps: SlackAnswerDeps,
  respond: Respond,
  to: { channelId: string; userId: string; threadTs: string | null },
  text: string,
): Promise<void> {
  try {
    await deps.client.chat.postEphemeral({
      channel: to.channelId,
      user: to.userId,
      text,
      ...(to.threadTs ? { thread_ts: to.threadTs } : {}),
    });
  } catch (err) {
    deps.logger.warn(
      { err: err instanceof Error ? err.message : String(err) },
      'slack: postEphemeral failed; using response_url',
    );
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  }
}

export function slackInteractionTransport(
  deps: SlackAnswerDeps,
  event: { channelId: string; userId: string; reply: unknown },
  jobKey: string | null,
): InteractionTransport {
  const to = replyTo.parse(event.reply);
  const respond = responseUrlPoster(to.responseUrl, deps.apiUrl);
  const who = { user_id: event.userId, channel_id: event.channelId };
  return {
    isPlatformAdmin: () => isWorkspaceAdmin(deps.client, event.userId, deps.logger),
    async answer(out) {
      switch (out.kind) {
        case 'command':
          return respond(ephemeral(await render(deps, who, out.answer)));
        case 'thanks':
          return tellUser(deps, respond, { ...event, threadTs: to.threadTs ?? null }, out.text);
        case 'error':
          return respond({ response_type: 'ephemeral', replace_original: false, text: out.text });
      }
    },
    async own(action, data) {
      if (action !== 'share') throw new Error(`no Slack handler for the button ${action}`);
      await shareInChannel(deps, event, data, respond, jobKey);
    },
  };
}

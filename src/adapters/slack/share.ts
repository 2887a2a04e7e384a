/**
 * "Share in channel" under an ephemeral /claimcheck answer: posts the stored reply in the channel
 * (with the feedback buttons), or through response_url when the bot is not in that channel, then
 * replaces the private answer with a confirmation. Run as a job: the post carries the job's key as
 * message metadata, and a try after a crash looks for it in the channel (conversations.history)
 * before posting again.
 */
import type { KeyValueStore, Logger } from '../../model/ports.js';
import { decodeShareKey } from './actions.js';
import { type SharedReply, shareKey } from './on-command.js';
import { cannotPostHere, postedFor, postMessage, type WebClient } from './post.js';
import { renderReplyBlocks } from './render-blocks.js';
import type { Respond } from './response-url.js';

export interface ShareDeps {
  client: WebClient;
  store: KeyValueStore;
  logger: Logger;
}

/** Whether the channel's recent messages hold the post of this job (false when Slack cannot tell). */
async function alreadyShared(deps: ShareDeps, channelId: string, jobKey: string): Promise<boolean> {
  try {
    const raw = await deps.client.conversations.history({
      channel: channelId,
      limit: 100,
      include_all_metadata: true,
    });
    return postedFor(raw, jobKey) !== undefined;
  } catch (err) {
    deps.logger.warn(
      { err: err instanceof Error ? err.message : String(err) },
      'slack: conversations.history failed; sharing without looking for an earlier post',
    );
    return false;
  }
}

export async function shareInChannel(
  deps: ShareDeps,
  at: { channelId: string; userId: string },
  value: unknown,
  respond: Respond,
  jobKey: string | null,
): Promise<void> {
  const raw = value && typeof value === 'object' && 'shareKey' in value ? value.shareKey : null;
  const key = decodeShareKey(typeof raw === 'string' ? raw : undefined);
  const saved = key ? await deps.store.get<SharedReply>(shareKey(key)) : undefined;
  if (!saved) {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'This result has expired. Run /claimcheck again to share it.',
    });
    return;
  }
  const msg = renderReplyBlocks(saved.reply, { mode: 'full', buttons: 'feedback' });
  if (jobKey && (await alreadyShared(deps, at.channelId, jobKey))) {
    deps.logger.info({ channel: at.channelId }, 'slack: already shared by an earlier try');
  } else {
    try {
      await postMessage(deps.client, at.channelId, msg, null, jobKey ?? undefined);
    } catch (err) {
      if (!cannotPostHere(err)) throw err;
      // The bot is not in this channel: the command's response_url may still post there.
      await respond({
        response_type: 'in_channel',
        replace_original: false,
        text: msg.text,
        blocks: msg.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
    }
  }
  await respond({ response_type: 'ephemeral', replace_original: true, text: 'Shared in the channel.' });
  deps.logger.info({ channel: at.channelId, userId: at.userId }, 'slack: reply shared in channel');
}

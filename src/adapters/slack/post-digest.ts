/** The weekly digest into a Slack channel: rendered as Block Kit, posted without link previews. */
import type { DigestPoster } from '../../conversation/digest-schedule.js';
import { postMessage, type WebClient } from './post.js';
import { renderDigestBlocks } from './render-digest.js';

/** Posts only for the workspace of this bot token; another workspace's digest is not ours to post. */
export function slackDigestPoster(client: WebClient, botTeamId: string | null): DigestPoster {
  return async ({ teamId, channelId }, digest, lang) => {
    if (botTeamId && teamId !== botTeamId)
      throw new Error(`the digest of workspace ${teamId} cannot be posted with this bot's token`);
    await postMessage(client, channelId, renderDigestBlocks(digest, lang), null);
  };
}

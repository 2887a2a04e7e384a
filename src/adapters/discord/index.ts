/**
 * The Discord adapter: connects with discord.js 14 and turns events into checks and replies.
 * Transport only: messages → message-handler.ts, interactions → interactions.ts. Gateway
 * disconnects, resumes and REST rate limits are handled by discord.js; this file only logs them.
 */
import { Events, RESTEvents } from 'discord.js';
import { systemClock } from '../../model/ports.js';
import { within } from '../../model/within.js';
import { ConfigError, DependencyError } from '../../model/errors.js';
import { discordInteractions } from './accept-interaction.js';
import { createDiscordClient } from './client.js';
import type { DiscordContext, DiscordDeps } from './context.js';
import { errorInfo } from './error-info.js';
import { discordInteractionTransport } from './interaction-transport.js';
import { handleInteraction } from './interactions.js';
import { handleMessage } from './message-handler.js';
import { discordTransport } from './transport.js';
import { discordDigestPoster } from './post-digest.js';

export type { DiscordDeps } from './context.js';

const READY_TIMEOUT_MS = 60_000;
/** On stop, how long events already being answered may take to finish. */
const DRAIN_TIMEOUT_MS = 5_000;

export async function startDiscord(deps: DiscordDeps): Promise<{ stop(): Promise<void> }> {
  const discord = deps.config.discord;
  if (!discord) throw new ConfigError('DISCORD_TOKEN is not set');
  const logger = deps.logger.child({ adapter: 'discord' });
  const client = createDiscordClient(discord);
  const conversation = {
    service: deps.service,
    store: deps.store,
    settings: deps.settings,
    logger,
    clock: systemClock,
    adminUsers: deps.config.adminUsers,
    noteThreshold: deps.config.noteThreshold,
    history: deps.history,
    digest: deps.digest,
  };
  const onQueueFallback = () => deps.metrics?.queueFallback.inc();
  const ctx: DiscordContext = {
    ...deps,
    logger,
    botUserId: () => client.user?.id ?? null,
    onQueueFallback,
    conversation,
    interactions: discordInteractions({
      jobs: deps.jobs ?? null,
      deps: { ...conversation, feedback: deps.feedback },
      transportFor: (event, log) => discordInteractionTransport(client.rest, event, log),
      onFallback: onQueueFallback,
    }),
  };
  deps.digests?.register('discord', discordDigestPoster(client));

  const inflight = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    const tracked: Promise<void> = p
      .catch((err: unknown) => logger.error({ ...errorInfo(err) }, 'unhandled error in a Discord event'))
      .finally(() => inflight.delete(tracked));
    inflight.add(tracked);
  };

  deps.jobs?.register('discord', async (msg) => {
    // The job may run in another process than the one that saw the event: fetch the message.
    const channel = await client.channels.fetch(msg.threadId ?? msg.channelId);
    if (!channel?.isTextBased())
      throw new Error(`channel ${msg.threadId ?? msg.channelId} is not a text channel`);
    // Fresh from REST, not the cache: its flags tell whether a thread was started on it since.
    const message = await channel.messages.fetch({ message: msg.messageId, force: true });
    return discordTransport(message, logger.child({ messageId: msg.messageId }));
  });
  // Any replica finishes an interaction another deferred: the webhook needs only its token.
  deps.jobs?.registerInteractions('discord', async (event) =>
    discordInteractionTransport(client.rest, event, logger.child({ interactionId: event.id })),
  );
  client.on(Events.MessageCreate, (m) => track(handleMessage(m, ctx, 'create')));
  // Link previews arrive as updates with the same text: the core finds no new link in them.
  client.on(Events.MessageUpdate, (old, m) => track(handleMessage(m, ctx, 'update', old)));
  client.on(Events.InteractionCreate, (i) => track(handleInteraction(i, ctx)));

  client.on(Events.Error, (err) => logger.error({ ...errorInfo(err) }, 'Discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'Discord client warning'));
  client.on(Events.ShardDisconnect, (ev, shard) =>
    logger.error(
      { shard, code: ev.code },
      'Discord gateway closed for good: the bot no longer receives events',
    ),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'Discord gateway reconnecting'));
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info({ shard, replayed }, 'Discord gateway resumed'),
  );
  client.on(Events.ShardError, (err, shard) =>
    logger.warn({ shard, ...errorInfo(err) }, 'Discord gateway error'),
  );
  // discord.js waits and retries on its own; these only say so in the log (routes hide tokens).
  client.rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn(
      { route: info.route, method: info.method, waitMs: info.timeToReset, global: info.global },
      'Discord rate limit: waiting before sending',
    ),
  );
  client.rest.on(RESTEvents.Response, (req, res) => {
    if (res.status !== 429) return;
    logger.warn(
      {
        route: req.route,
        method: req.method,
        retryAfterS: res.headers.get('retry-after'),
        scope: res.headers.get('x-ratelimit-scope'),
      },
      'Discord rate limit (429): waiting retry_after before retrying',
    );
  });

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(discord.token);
    await within(ready, READY_TIMEOUT_MS, 'Discord ready');
  } catch (err) {
    await client.destroy().catch(() => undefined);
    const reason = err instanceof Error ? err.message : String(err);
    throw new DependencyError('discord', `Discord could not connect: ${reason}`, { cause: err });
  }
  logger.info(
    {
      user: client.user?.tag,
      guilds: client.guilds.cache.size,
      channels: discord.channels.length > 0 ? discord.channels : 'all',
    },
    'Discord ready',
  );

  let stopped = false;
  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      client.removeAllListeners(Events.MessageCreate);
      client.removeAllListeners(Events.MessageUpdate);
      client.removeAllListeners(Events.InteractionCreate);
      await within(Promise.allSettled([...inflight]), DRAIN_TIMEOUT_MS, 'Discord drain').catch(() =>
        logger.warn({ pending: inflight.size }, 'stopping with Discord events still being answered'),
      );
      await client.destroy();
    },
  };
}

/**
 * `/claimcheck digest [days]`: the digest of this workspace or guild only (never another team's
 * checks), in the channel's reply language. Anyone may read it; the answer is private.
 */
import type { Digest } from '../model/digest.js';
import type { ReplyLang } from '../model/types.js';
import { digestPhrases } from '../lang/phrases/digest.js';
import type { DigestSource } from '../pipeline/digest-service.js';
import type { DigestCommand } from './parse-digest.js';

export type DigestAnswer =
  | { kind: 'digest'; digest: Digest; days: number; lang: ReplyLang }
  | { kind: 'notice'; text: string };

export async function answerDigest(
  req: DigestCommand,
  teamId: string | null,
  source: DigestSource | undefined,
  lang: ReplyLang,
): Promise<DigestAnswer> {
  if (!source) return { kind: 'notice', text: digestPhrases(lang).unavailable };
  if (teamId === null) return { kind: 'notice', text: digestPhrases(lang).noTeam };
  const digest = await source({ days: req.days, teamId, lang });
  return { kind: 'digest', digest, days: req.days, lang };
}

/**
 * The "Missed a narrative?" form as a Slack modal (views.open), and its submission read back.
 * Pure. The modal asks for the link, the catalogue entry id and, optionally, the sentence; what
 * the button's offer knew is filled in. Where the click came from rides in private_metadata.
 */
import type { types } from '@slack/bolt';
import { z } from 'zod';
import type { MissedInput } from '../../conversation/answer-missed.js';
import { MAX_SENTENCE } from '../../conversation/answer-missed.js';
import type { MissedOffer } from '../../conversation/missed-offer.js';
import { phrases } from '../../lang/phrases/index.js';
import type { ReplyLang } from '../../model/types.js';
import { truncate } from './mrkdwn.js';

export const MISSED_VIEW = 'claimdesk_missed_form';
/** Block ids of the form's inputs (a submission's errors name them). */
export const FIELD = { link: 'missed_link', entry: 'missed_entry', sentence: 'missed_sentence' } as const;
const VALUE = 'value';

export interface FormOrigin {
  teamId: string | null;
  channelId: string;
  lang: ReplyLang;
}

const plain = (text: string, max: number): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncate(text, max),
  emoji: false,
});

function input(
  blockId: string,
  label: string,
  opts: { initial: string | null; hint?: string; multiline?: boolean; optional?: boolean; max: number },
): types.InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, 2000),
    optional: opts.optional ?? false,
    element: {
      type: 'plain_text_input',
      action_id: VALUE,
      multiline: opts.multiline ?? false,
      max_length: opts.max,
      ...(opts.initial ? { initial_value: opts.initial.slice(0, opts.max) } : {}),
      ...(opts.hint ? { placeholder: plain(opts.hint, 150) } : {}),
    },
  };
}

export function missedModal(offer: MissedOffer, origin: FormOrigin): types.ModalView {
  const p = phrases(origin.lang).missed;
  return {
    type: 'modal',
    callback_id: MISSED_VIEW,
    title: plain(p.title, 24),
    submit: plain(p.submit, 24),
    close: plain('×', 24),
    private_metadata: JSON.stringify(origin),
    blocks: [
      input(FIELD.link, p.link, { initial: offer.link, max: 2000 }),
      input(FIELD.entry, p.entry, { initial: offer.entryId, hint: p.entryHint, max: 100 }),
      input(FIELD.sentence, p.sentence, {
        initial: offer.sentence,
        hint: p.sentenceHint,
        multiline: true,
        optional: true,
        max: MAX_SENTENCE,
      }),
    ],
  };
}

/** The modal after a report was stored: the thanks, and a Close button. */
export function thanksModal(text: string, lang: ReplyLang): types.ModalView {
  return {
    type: 'modal',
    callback_id: `${MISSED_VIEW}_done`,
    title: plain(phrases(lang).missed.title, 24),
    close: plain('OK', 24),
    blocks: [{ type: 'section', text: plain(text, 3000) }],
  };
}

const submission = z.object({
  user: z.object({ id: z.string() }),
  team: z.object({ id: z.string() }).nullable().optional(),
  view: z.object({
    private_metadata: z.string().optional(),
    state: z.object({
      values: z.record(
        z.string(),
        z.record(z.string(), z.object({ value: z.string().nullable().optional() })),
      ),
    }),
  }),
});

const originSchema = z.object({
  teamId: z.string().nullable(),
  channelId: z.string(),
  lang: z.enum(['en', 'ru', 'kk']),
});

export interface Submission {
  userId: string;
  origin: FormOrigin;
  input: MissedInput;
}

/** The submitted form, or null when it is not one of ours (no origin). */
export function readSubmission(body: unknown): Submission | null {
  const b = submission.safeParse(body);
  if (!b.success) return null;
  let meta: unknown;
  try {
    meta = JSON.parse(b.data.view.private_metadata ?? '');
  } catch {
    return null;
  }
  const origin = originSchema.safeParse(meta);
  if (!origin.success) return null;
  const v = b.data.view.state.values;
  const field = (id: string): string | null => v[id]?.[VALUE]?.value ?? null;
  return {
    userId: b.data.user.id,
    origin: origin.data,
    input: { link: field(FIELD.link), entryId: field(FIELD.entry), sentence: field(FIELD.sentence) },
  };
}

/**
 * Matches from the catalogue's own examples (example-index.ts, example-match.ts), for entries that
 * neither a pattern nor the signals matched. Stance and scope are read exactly as for a pattern's
 * window; an `exclude` term in the window cancels it; the reason says where the match came from.
 */
import { whyLine } from '../lang/phrases/why.js';
import type { Match, WhyReason } from '../model/types.js';
import type { CompiledCatalogue } from './catalogue-index.js';
import type { SentenceCues } from './cue-kinds.js';
import type { Doc } from './document.js';
import { evidenceOf, type ScareQuotes } from './evidence.js';
import { exampleSupport, matchExamples } from './example-match.js';
import { claimScope, type ScopeContext } from './scope.js';
import { decideStance } from './stance.js';
import type { Occurrence } from './term-index.js';

export interface ExampleContext {
  compiled: CompiledCatalogue;
  doc: Doc;
  byTerm: ReadonlyMap<number, Occurrence<number>[]>;
  cues: readonly SentenceCues[];
  counterAnywhere: boolean;
  questionHeadline: boolean;
  scope: ScopeContext;
  quoted: ScareQuotes;
  maxEvidence: number;
}

export function exampleCandidates(
  ctx: ExampleContext,
  /** Entries already matched: examples add nothing to them. */
  skip: ReadonlySet<number>,
): { entry: number; match: Match }[] {
  const out: { entry: number; match: Match }[] = [];
  for (const x of matchExamples(ctx.compiled.examples, ctx.byTerm)) {
    const ce = ctx.compiled.entries[x.entry];
    if (!ce || skip.has(x.entry)) continue;
    const sentences = new Set(x.window.used.map((h) => h.sentence));
    const excluded = ce.excludeTerms.some((id) =>
      (ctx.byTerm.get(id) ?? []).some((o) => sentences.has(o.sentence)),
    );
    if (excluded) continue;
    const windows = [x.window];
    const { all, quotes } = evidenceOf(ctx.doc, windows, ctx.maxEvidence);
    const decided = decideStance({
      cues: ctx.cues,
      counterAnywhere: ctx.counterAnywhere,
      titleSentence: ctx.doc.titleSentence,
      questionHeadline: ctx.questionHeadline,
      evidence: all,
      subject: all,
      scareQuoted: ctx.quoted.anyWindow(windows),
      ...claimScope(ctx.scope, windows, x.window.used),
    });
    const reason: WhyReason = { code: decided.code, exampleWords: x.shared };
    out.push({
      entry: x.entry,
      match: {
        id: ce.entry.id,
        kind: ce.entry.kind,
        stance: decided.stance,
        confidence: exampleSupport(x) * decided.clarity,
        method: 'lexical',
        evidence: quotes,
        why: whyLine(reason),
        reason,
      },
    });
  }
  return out;
}

/**
 * Labelled evaluation cases: JSONL files (one object a line: id, lang, kind, expect, text, and
 * optionally title, note, source_url, uncatalogued and doubtful; other fields are ignored), plus
 * every catalogue entry's own examples (match → promote, no_match → neutral, debunk → debunk).
 */
import { z } from 'zod';
import { CATALOGUE_LANGS, type Catalogue } from '../model/catalogue.js';

export const EVAL_KINDS = ['promote', 'debunk', 'reports', 'neutral'] as const;

export const evalCaseSchema = z
  .object({
    id: z.string().min(1),
    lang: z.enum(CATALOGUE_LANGS),
    /** promote: pushes the narrative; debunk: refutes it; reports: tells that someone claimed it. */
    kind: z.enum(EVAL_KINDS),
    /** Catalogue ids the text promotes, debunks or reports on; empty for neutral texts. */
    expect: z.array(z.string().min(1)),
    text: z.string().min(1),
    title: z.string().optional(),
    note: z.string().optional(),
    source_url: z.string().optional(),
    /** A narrative no entry covers yet (null when the entries in `expect` cover it). */
    uncatalogued: z.string().nullable().optional(),
    /** The label is arguable: scores are given with and without such items. */
    doubtful: z.boolean().optional(),
  })
  .refine((c) => c.kind !== 'promote' || c.expect.length > 0 || Boolean(c.uncatalogued), {
    path: ['expect'],
    message: 'a promoting text needs the ids it promotes (or `uncatalogued` naming the narrative)',
  });

export type EvalCase = z.output<typeof evalCaseSchema> & { source: string };

export class EvalFileError extends Error {
  override readonly name = 'EvalFileError';
}

/** Parses a JSONL file's content; every bad line is reported as `file:line: message`. */
export function parseEvalJsonl(content: string, file: string): EvalCase[] {
  const out: EvalCase[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  content.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (err) {
      problems.push(`${file}:${i + 1}: not JSON (${err instanceof Error ? err.message : String(err)})`);
      return;
    }
    const parsed = evalCaseSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(`${file}:${i + 1}: ${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      problems.push(`${file}:${i + 1}: id "${parsed.data.id}" already used on line ${first}`);
      return;
    }
    seen.set(parsed.data.id, i + 1);
    out.push({ ...parsed.data, source: file });
  });
  if (problems.length > 0) throw new EvalFileError(problems.join('\n'));
  return out;
}

/** The catalogue's examples as evaluation cases. */
export function casesFromCatalogue(catalogue: Catalogue): EvalCase[] {
  const out: EvalCase[] = [];
  for (const e of catalogue.entries) {
    const add = (
      kind: EvalCase['kind'],
      group: string,
      list: ReadonlyArray<{ lang: EvalCase['lang']; text: string }>,
    ) => {
      list.forEach((ex, i) => {
        out.push({
          id: `${e.id}/${group}/${i + 1}`,
          lang: ex.lang,
          kind,
          expect: kind === 'neutral' ? [] : [e.id],
          text: ex.text,
          source: `claims/${e.id}.yaml`,
        });
      });
    };
    add('promote', 'match', e.examples.match);
    add('neutral', 'no_match', e.examples.no_match);
    add('debunk', 'debunk', e.examples.debunk);
  }
  return out;
}

/** Checks that every expected id exists; returns the unknown ones as messages. */
export function unknownExpectations(cases: readonly EvalCase[], catalogue: Catalogue): string[] {
  const out: string[] = [];
  for (const c of cases) {
    for (const id of c.expect)
      if (!catalogue.byId.has(id)) out.push(`${c.source}: ${c.id}: unknown entry "${id}"`);
  }
  return out;
}

/**
 * What the model must answer: a strict JSON schema for structured outputs (ids limited to the
 * candidates shown), and the zod parser the answer goes through (the model's output is external data).
 */
import { z } from 'zod';

export const STANCES = ['promotes', 'reports', 'debunks', 'unclear'] as const;

export const findingSchema = z.object({
  id: z.string(),
  touches: z.boolean(),
  stance: z.enum(STANCES),
  confidence: z.number(),
  quote: z.string(),
});
export type Finding = z.output<typeof findingSchema>;

/** Findings are parsed one by one (a broken one is dropped, not the whole answer). */
export const modelOutputSchema = z.object({
  findings: z.array(z.unknown()).max(100),
  possibly_new_narrative: z.string().nullable(),
});

export interface ResponseFormat {
  type: 'json_schema';
  json_schema: { name: string; strict: true; schema: Record<string, unknown> };
}

/** The response_format for a request whose candidates have these ids. */
export function responseFormat(candidateIds: ReadonlyArray<string>): ResponseFormat {
  const id: Record<string, unknown> = { type: 'string', description: 'a candidate id, exactly as given' };
  if (candidateIds.length > 0) id.enum = [...candidateIds];
  return {
    type: 'json_schema',
    json_schema: {
      name: 'claimdesk_classification',
      strict: true,
      schema: {
        type: 'object',
        additionalProperties: false,
        required: ['findings', 'possibly_new_narrative'],
        properties: {
          findings: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'touches', 'stance', 'confidence', 'quote'],
              properties: {
                id,
                touches: { type: 'boolean' },
                stance: { type: 'string', enum: [...STANCES] },
                confidence: { type: 'number', description: 'from 0 to 1' },
                quote: { type: 'string', description: 'a short passage copied exactly from the article' },
              },
            },
          },
          possibly_new_narrative: {
            type: ['string', 'null'],
            description: 'a misleading narrative about Kazakhstan not covered by the candidates, else null',
          },
        },
      },
    },
  };
}

export type ParsedOutput =
  | { ok: true; findings: unknown[]; possiblyNewNarrative: string | null }
  | { ok: false; problem: string };

/** Parses the message content: JSON (a Markdown code fence around it is tolerated), then the shape. */
export function parseModelOutput(content: string): ParsedOutput {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(content);
  const raw = fenced?.[1] ?? content;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const parsed = modelOutputSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'JSON of the wrong shape' };
  return {
    ok: true,
    findings: parsed.data.findings,
    possiblyNewNarrative: parsed.data.possibly_new_narrative,
  };
}

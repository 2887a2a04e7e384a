/**
 * Makes a list of embeds fit Discord's per-message limits (pure): at most 10 embeds, 25 fields
 * each, every piece within its own limit, and 6000 characters over all of them. It shortens long
 * field values first, then drops the least important fields (the last ones), then shortens
 * descriptions, and only then drops whole embeds.
 */
import type { APIEmbed } from 'discord.js';
import { LIMITS, truncate } from './limits.js';

export function embedChars(e: APIEmbed): number {
  let n =
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

export function totalChars(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((n, e) => n + embedChars(e), 0);
}

function clampEach(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  if (e.title !== undefined) out.title = truncate(e.title, LIMITS.title);
  if (e.description !== undefined) out.description = truncate(e.description, LIMITS.description);
  if (e.footer) out.footer = { ...e.footer, text: truncate(e.footer.text, LIMITS.footer) };
  if (e.fields) {
    out.fields = e.fields.slice(0, LIMITS.fields).map((f) => ({
      ...f,
      name: truncate(f.name, LIMITS.fieldName),
      value: truncate(f.value, LIMITS.fieldValue),
    }));
  }
  return out;
}

const VALUE_CAPS = [700, 400, 200, 100] as const;

export function fitEmbeds(input: readonly APIEmbed[], budget: number = LIMITS.embedTotal): APIEmbed[] {
  let embeds = input.slice(0, LIMITS.embedsPerMessage).map(clampEach);
  if (totalChars(embeds) <= budget) return embeds;

  for (const cap of VALUE_CAPS) {
    embeds = embeds.map((e) =>
      e.fields ? { ...e, fields: e.fields.map((f) => ({ ...f, value: truncate(f.value, cap) })) } : e,
    );
    if (totalChars(embeds) <= budget) return embeds;
  }

  // Drop the last field of the largest embed, one at a time (each embed keeps its first field).
  for (;;) {
    if (totalChars(embeds) <= budget) return embeds;
    let largest = -1;
    for (let i = 0; i < embeds.length; i++) {
      const fields = embeds[i]?.fields?.length ?? 0;
      if (fields > 1 && (largest < 0 || embedChars(embeds[i] ?? {}) > embedChars(embeds[largest] ?? {})))
        largest = i;
    }
    const target = embeds[largest];
    if (!target?.fields) break;
    embeds[largest] = { ...target, fields: target.fields.slice(0, -1) };
  }

  embeds = embeds.map((e) => (e.description ? { ...e, description: truncate(e.description, 200) } : e));
  while (embeds.length > 1 && totalChars(embeds) > budget) embeds = embeds.slice(0, -1);
  // A single embed that still does not fit: shorten everything in it.
  const only = embeds[0];
  if (only && totalChars(embeds) > budget) {
    embeds = [
      {
        ...only,
        ...(only.title ? { title: truncate(only.title, 100) } : {}),
        ...(only.fields ? { fields: only.fields.map((f) => ({ ...f, name: truncate(f.name, 100) })) } : {}),
      },
    ];
  }
  return embeds;
}

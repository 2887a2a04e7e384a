/**
 * Example suggestions as ready-to-paste YAML (pure): per entry, the items to add under
 * `examples.match` and `examples.no_match` of its file, indented as the catalogue's files are
 * (four spaces, then "- "). A placeholder is printed as comments with what is missing, so a
 * pasted block always passes `claims lint`; the admin completes and uncomments it.
 */
import { stringify } from 'yaml';
import { plainLine } from '../text/safe-text.js';
import type { EntrySuggestions, ExampleSuggestion, Suggestions } from './suggest-examples.js';

/** Where list items of `examples.match:` start in the catalogue's files. */
export const ITEM_INDENT = '    ';

function note(kind: 'match' | 'no_match', s: ExampleSuggestion): string {
  const what = kind === 'match' ? 'reported missed' : 'voted a wrong match';
  const times = s.reports > 1 ? ` ${s.reports} times` : '';
  const when = s.first === s.last ? s.first : `${s.first} to ${s.last}`;
  return `${what} in chat${times}, ${when}`;
}

/** One example as YAML list-item lines, at the catalogue's indentation. */
export function exampleLines(kind: 'match' | 'no_match', s: ExampleSuggestion): string[] {
  const item: Record<string, string> = {
    lang: s.lang ?? 'en',
    text: s.text ?? 'WRITE THE SENTENCE HERE',
    ...(s.source ? { source: s.source } : {}),
    note: note(kind, s),
  };
  const lines = stringify([item], { lineWidth: 0 })
    .trimEnd()
    .split('\n')
    .map((l) => `${ITEM_INDENT}${l}`);
  if (s.todo === null) return lines;
  // A placeholder: every line a comment, so the pasted block parses and lints as it is.
  const head = [`${ITEM_INDENT}# TODO: ${plainLine(s.todo)}`];
  if (s.link && !s.source) head.push(`${ITEM_INDENT}# seen at: ${plainLine(s.link)}`);
  return [...head, ...lines.map((l) => `${ITEM_INDENT}# ${l.slice(ITEM_INDENT.length)}`)];
}

/** The block for one list of one entry: a comment saying where it goes, then the items. */
export function blockOf(e: EntrySuggestions, kind: 'match' | 'no_match'): string {
  const items = e[kind];
  if (items.length === 0) return '';
  const lines = [`${ITEM_INDENT}# add under examples.${kind} in ${e.file}:`];
  for (const s of items) lines.push(...exampleLines(kind, s));
  return `${lines.join('\n')}\n`;
}

export function renderSuggestions(s: Suggestions, dir: string): string {
  if (s.entries.length === 0) {
    return `# No suggestions: no "Missed a narrative?" reports or "Wrong match" votes with anything new (catalogue version ${s.catalogue.version}).\n`;
  }
  const out = [
    `# Example suggestions from chat for ${dir} (catalogue version ${s.catalogue.version}).`,
    '# Paste each block under the list it names, review it, and open a pull request.',
    '# The catalogue asks for examples in your own words: rephrase a quoted sentence before you commit it.',
    '# Lines starting with "# TODO" are placeholders: complete them and remove the "# ".',
    '',
  ];
  for (const e of s.entries) {
    const missed = e.match.reduce((n, x) => n + x.reports, 0);
    const wrong = e.no_match.reduce((n, x) => n + x.reports, 0);
    out.push(`# ── ${e.id}: ${missed} missed, ${wrong} wrong match`);
    for (const kind of ['match', 'no_match'] as const) {
      const block = blockOf(e, kind);
      if (block) out.push(block.trimEnd());
    }
    out.push('');
  }
  const k = s.skipped;
  if (k.unknownEntry + k.alreadyInCatalogue > 0)
    out.push(
      `# Left out: ${k.unknownEntry} for entries no longer in the catalogue, ${k.alreadyInCatalogue} already among the examples.`,
    );
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * Turns the schema's (zod's) issues into messages an admin can act on, positioned in the file:
 * "unknown field 'titel' (typo? did you mean 'title'?)", "missing required field 'title.en'",
 * "rating: expected one of …, got the YAML boolean false: write it in quotes, 'false'".
 */
import type { z } from 'zod';
import { closest } from './closest.js';
import { type CatalogueIssue, formatPath } from './issues.js';
import { knownFieldsAt } from './schema-fields.js';
import type { ParsedYaml } from './yaml-source.js';

type ZodIssue = z.core.$ZodIssue;

export function schemaIssues(
  file: string,
  source: ParsedYaml,
  issues: ReadonlyArray<ZodIssue>,
  /** The schema the data was parsed with, for "did you mean" hints (the entry schema unless given). */
  root?: unknown,
): CatalogueIssue[] {
  const out: CatalogueIssue[] = [];
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const known = knownFieldsAt(path, root).filter((k) => k !== '$schema');
      const where = path.length > 0 ? ` in ${formatPath(path)}` : '';
      for (const key of issue.keys) {
        const guess = closest(key, known);
        const hint = guess
          ? `typo? did you mean '${guess}'?`
          : `typo? known fields here: ${known.join(', ')}`;
        out.push({
          file,
          ...source.at([...path, key], 'key'),
          message: `unknown field '${key}'${where} (${hint})`,
        });
      }
      continue;
    }
    const part = issue.code === 'invalid_key' ? 'key' : 'value';
    out.push({ file, ...source.at(path, part), message: describe(issue) });
  }
  return out;
}

function describe(issue: ZodIssue): string {
  const field = formatPath(issue.path);
  const input: unknown = issue.input;
  switch (issue.code) {
    case 'invalid_type': {
      if (input === undefined) {
        const english = issue.path[issue.path.length - 1] === 'en' ? ' (the English text is required)' : '';
        return `missing required field '${field}'${english}`;
      }
      return `${label(field)}expected ${expected(issue.expected)}, got ${valueWords(input)}${quoteHint(issue.expected, input)}`;
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v));
      if (input === undefined) return `missing required field '${field}' (one of ${values.join(', ')})`;
      const got = typeof input === 'string' ? `'${input}'` : valueWords(input);
      const guess = typeof input === 'string' ? closest(input, values) : null;
      const hint = values.includes(String(input))
        ? `: write it in quotes, '${String(input)}'`
        : guess
          ? ` (did you mean '${guess}'?)`
          : '';
      return `${label(field)}must be one of ${values.join(', ')}; got ${got}${hint}`;
    }
    case 'invalid_format':
      return `${label(field)}${issue.message}, got '${String(input)}'`;
    case 'invalid_union': {
      if (input === undefined) {
        const english = issue.path[issue.path.length - 1] === 'en' ? ' (the English text is required)' : '';
        return `missing required field '${field}'${english}`;
      }
      // A mapping that is almost { text, unverified }: say what is wrong inside it.
      const inner = issue.errors.map((e) => e[0]).find((e) => e !== undefined && e.path.length > 0);
      if (inner && input !== null && typeof input === 'object' && !Array.isArray(input)) {
        return `${label(formatPath([...issue.path, ...inner.path]))}${inner.input === undefined ? 'missing' : inner.message}: write text, or { text: …, unverified: true }`;
      }
      return `${label(field)}expected text, or { text: …, unverified: true }, got ${valueWords(input)}`;
    }
    case 'invalid_key': {
      const inner = issue.issues[0]?.message ?? issue.message;
      return `${label(field)}${inner}, got '${String(input)}'`;
    }
    default:
      return `${label(field)}${issue.message}`;
  }
}

function label(field: string): string {
  return field ? `${field}: ` : '';
}

function expected(type: string): string {
  switch (type) {
    case 'string':
      return 'text';
    case 'object':
      return 'a mapping of fields';
    case 'array':
      return 'a list';
    case 'number':
      return 'a number';
    default:
      return type;
  }
}

function valueWords(v: unknown): string {
  if (v === null) return 'an empty value';
  if (typeof v === 'boolean') return `the YAML boolean ${v}`;
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'string') return `the text '${v}'`;
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return 'a date value';
  return 'a mapping';
}

/** YAML reads unquoted false, yes-like words and numbers as non-text: say how to write them. */
function quoteHint(expectedType: string, v: unknown): string {
  if (expectedType !== 'string') return '';
  if (typeof v === 'boolean' || typeof v === 'number') return `: write it in quotes, '${String(v)}'`;
  return '';
}

/**
 * Prompt templates: versioned Markdown files in prompts/ that a journalist can read, with a "# System"
 * and a "# User" section and {{placeholders}}. Loaded from disk once, checked, and rendered here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

/** The prompt in use. Raise it (and add prompts/classify.vN.md) whenever the wording changes. */
export const PROMPT_VERSION = 'classify.v1';

export const PLACEHOLDERS = ['candidates', 'article'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export interface PromptTemplate {
  version: string;
  system: string;
  user: string;
  /** Short hash of the file's text: a file edited without a version bump still misses the cache. */
  hash: string;
}

const SECTION = /^# (System|User)[ \t]*$/gm;
const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** The prompts/ directory next to the code: found walking up from here (works from src/ and dist/src/). */
export function defaultPromptsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'prompts');
    if (existsSync(join(candidate, `${PROMPT_VERSION}.md`))) return candidate;
    dir = dirname(dir);
  }
  return resolve('prompts');
}

/** Splits and checks a template's text; throws an Error naming the problem. */
export function parsePromptTemplate(text: string, version: string): PromptTemplate {
  const marks = [...text.matchAll(SECTION)];
  const names = marks.map((m) => m[1]);
  if (names.length !== 2 || names[0] !== 'System' || names[1] !== 'User') {
    throw new Error(
      `prompt ${version}: needs exactly one "# System" heading followed by one "# User" heading`,
    );
  }
  const [sys, usr] = marks;
  if (!sys || !usr) throw new Error(`prompt ${version}: sections missing`);
  const system = text.slice(sys.index + sys[0].length, usr.index).trim();
  const user = text.slice(usr.index + usr[0].length).trim();
  if ([...system.matchAll(PLACEHOLDER)].length > 0) {
    throw new Error(`prompt ${version}: placeholders belong in the "# User" section`);
  }
  for (const m of user.matchAll(PLACEHOLDER)) {
    const name = m[1] ?? '';
    if (!isPlaceholder(name)) {
      throw new Error(
        `prompt ${version}: unknown placeholder {{${name}}} (known: ${PLACEHOLDERS.join(', ')})`,
      );
    }
  }
  for (const p of PLACEHOLDERS) {
    if (!user.includes(`{{${p}}}`))
      throw new Error(`prompt ${version}: the "# User" section must contain {{${p}}}`);
  }
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  return { version, system, user, hash };
}

export function loadPromptTemplate(
  dir: string = defaultPromptsDir(),
  version: string = PROMPT_VERSION,
): PromptTemplate {
  const file = join(dir, `${version}.md`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`prompt ${version}: cannot read ${file}`, { cause: err });
  }
  return parsePromptTemplate(text, version);
}

/** Fills the placeholders in one pass, so a value that itself contains "{{…}}" is never expanded. */
export function renderTemplate(template: string, values: Record<Placeholder, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholder(name) ? values[name] : whole));
}

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

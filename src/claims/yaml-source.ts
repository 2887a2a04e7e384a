/**
 * One catalogue file parsed with the `yaml` package, keeping node ranges and a LineCounter so that
 * any path into the data (["denials", 0, "url"]) maps back to a line and column of the file.
 */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  visit,
  type YAMLError,
  type YAMLMap,
} from 'yaml';
import type { CatalogueIssue, Position } from './issues.js';

export interface ParsedYaml {
  /** Plain data, or undefined when the YAML itself is broken (its issues say why). */
  data: unknown;
  /** Problems of the YAML itself: malformed syntax, tabs, duplicated keys. */
  issues: CatalogueIssue[];
  /**
   * Where a path is in the file: the value's position (or the key's, with part "key"). For a
   * path that does not exist (a missing field), the key of the deepest part that does.
   */
  at(path: ReadonlyArray<PropertyKey>, part?: 'key' | 'value'): Position;
}

const START: Position = { line: 1, col: 1 };

const EMPTY_ENTRY = 'the file is empty: an entry is a YAML mapping of fields (id: …, kind: …)';

/** `empty`: what to say about an empty file (what the file should hold); an entry's by default. */
export function parseYaml(file: string, text: string, empty = EMPTY_ENTRY): ParsedYaml {
  const lineCounter = new LineCounter();
  // The yaml package's own duplicate-key check scans every earlier key of the mapping for each new
  // one (quadratic in the keys of a mapping); duplicateKeyIssues does it with one set per mapping.
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, lineCounter });
  const pos = (offset: number | undefined): Position =>
    offset === undefined
      ? START
      : { line: lineCounter.linePos(offset).line, col: lineCounter.linePos(offset).col };

  const issues: CatalogueIssue[] = [];
  const seen = new Set<string>();
  for (const e of doc.errors) {
    const p = pos(e.pos[0]);
    const id = `${p.line}:${p.col}`;
    if (seen.has(id)) continue; // one parser error usually drags others to the same spot
    seen.add(id);
    issues.push({ file, ...p, message: yamlMessage(e, text) });
  }
  if (issues.length === 0) {
    for (const offset of duplicateKeyOffsets(doc.contents)) {
      issues.push({ file, ...pos(offset), message: duplicateKeyMessage(text, offset) });
    }
  }

  let data: unknown;
  if (issues.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      issues.push({ file, ...START, message: `malformed YAML: ${firstLine(err)}` });
    }
    if (issues.length === 0 && (data === null || data === undefined)) {
      issues.push({ file, ...START, message: empty });
    }
  }

  const at = (path: ReadonlyArray<PropertyKey>, part: 'key' | 'value' = 'value'): Position => {
    let node: unknown = doc.contents;
    let lastKey: Node | null = null;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = pairsByKey(node).get(String(seg));
        if (!pair) return lastKey ? pos(lastKey.range?.[0]) : pos(rangeStart(node));
        lastKey = isScalar(pair.key) ? pair.key : null;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg];
        if (item === undefined) return pos(rangeStart(node));
        lastKey = null;
        node = item;
      } else {
        return lastKey ? pos(lastKey.range?.[0]) : pos(rangeStart(node));
      }
    }
    if (part === 'key' && lastKey) return pos(lastKey.range?.[0]);
    const start = rangeStart(node);
    const isEmpty = isScalar(node) && node.value === null;
    return start === undefined || isEmpty ? pos(lastKey?.range?.[0] ?? rangeStart(doc.contents)) : pos(start);
  };

  return { data, issues, at };
}

/** The scalar keys of a mapping, each to its first pair: built once per mapping, so lookups are linear overall. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      if (isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p as Pair);
    }
    pairIndex.set(map, index);
  }
  return index;
}

/** Where each repeated key of any mapping starts (its second and later occurrences). */
function duplicateKeyOffsets(contents: unknown): number[] {
  const out: number[] = [];
  visit(contents as Node, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const p of map.items) {
        if (!isScalar(p.key)) continue;
        const key = String(p.key.value);
        if (seen.has(key)) {
          const at = rangeStart(p.key);
          if (at !== undefined) out.push(at);
        } else seen.add(key);
      }
    },
  });
  return out;
}

function duplicateKeyMessage(text: string, offset: number): string {
  const key = /^("[^"\n]*"|'[^'\n]*'|[^:\n]+)/.exec(text.slice(offset, offset + 200))?.[1]?.trim() ?? '';
  return `duplicated key '${key.replace(/^["']|["']$/g, '')}': each field may appear only once`;
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range: unknown = node.range;
    if (Array.isArray(range) && typeof range[0] === 'number') return range[0];
  }
  return undefined;
}

function yamlMessage(e: YAMLError, text: string): string {
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return 'tab character used for indentation: YAML indents with spaces only';
    case 'DUPLICATE_KEY':
      return duplicateKeyMessage(text, e.pos[0]);
    case 'MULTIPLE_DOCS':
      return "more than one YAML document ('---'): put each entry in its own file";
    default:
      return `malformed YAML: ${firstLine(e)}`;
  }
}

function firstLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const line = message.split('\n')[0] ?? message;
  return line.replace(/\s*at line \d+, column \d+:?$/, '');
}

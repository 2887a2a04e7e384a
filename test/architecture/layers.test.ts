/**
 * The layers of src/, as an import rule that fails when one runs the wrong way:
 *   model (types, ports, Reply, errors, the catalogue schema, config, the alert rule)
 *   → text, lang, links, logger, metrics
 *   → claims, sources, fetch, match, classify, store, analysis, queue (domain modules)
 *   → pipeline (check service, reply composition) → conversation (the chat core)
 *   → app (composition of the services) → adapters (slack, discord, http, cli) → main.
 * A file may import its own layer or one below. No file imports another that imports it back
 * (directly or round a longer loop), and the domain modules form no loop among themselves.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LAYER: Record<string, number> = {
  model: 0,
  text: 1,
  lang: 1,
  links: 1,
  logger: 1,
  metrics: 1,
  claims: 2,
  sources: 2,
  fetch: 2,
  match: 2,
  classify: 2,
  store: 2,
  analysis: 2,
  queue: 2,
  pipeline: 3,
  conversation: 4,
  app: 5,
  adapters: 6,
  main: 7,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const files = sourceFiles('src');
const SPEC = /^(?:import|export)[^'"]*?from\s+'(\.[^']+)'/gm;
const imports = new Map<string, string[]>(
  files.map((f) => [
    f,
    [...readFileSync(f, 'utf8').matchAll(SPEC)].map((m) =>
      relative('.', resolve(dirname(f), (m[1] ?? '').replace(/\.js$/, '.ts'))),
    ),
  ]),
);
/** The module a file belongs to: src/<dir>/… or src/<file>.ts. */
const moduleOf = (f: string): string => (f.split('/')[1] ?? '').replace(/\.ts$/, '');

describe('layers of src/', () => {
  it('puts every module in a layer', () => {
    const unknown = [...new Set(files.map(moduleOf))].filter((m) => LAYER[m] === undefined);
    expect(unknown).toEqual([]);
  });

  it('has no import that runs upward (the model imports nothing above it)', () => {
    const upward: string[] = [];
    for (const [f, deps] of imports) {
      for (const d of deps) {
        const from = LAYER[moduleOf(f)] ?? 99;
        const to = LAYER[moduleOf(d)] ?? 99;
        if (to > from) upward.push(`${f} → ${d}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no files that import each other, directly or round a loop', () => {
    const cycles: string[] = [];
    const done = new Set<string>();
    const onPath: string[] = [];
    const visit = (f: string): void => {
      const at = onPath.indexOf(f);
      if (at !== -1) {
        cycles.push([...onPath.slice(at), f].join(' → '));
        return;
      }
      if (done.has(f)) return;
      onPath.push(f);
      for (const d of imports.get(f) ?? []) visit(d);
      onPath.pop();
      done.add(f);
    };
    for (const f of files) visit(f);
    expect(cycles).toEqual([]);
  });

  it('has no loop among the domain modules (fetch ↔ links and the like)', () => {
    const edges = new Map<string, Set<string>>();
    for (const [f, deps] of imports) {
      for (const d of deps) {
        const a = moduleOf(f);
        const b = moduleOf(d);
        if (a !== b && LAYER[a] === 2 && LAYER[b] === 2) edges.set(a, (edges.get(a) ?? new Set()).add(b));
      }
    }
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      for (const n of edges.get(from) ?? []) {
        if (n === to) return true;
        if (seen.has(n)) continue;
        seen.add(n);
        if (reaches(n, to, seen)) return true;
      }
      return false;
    };
    const loops = [...edges.keys()].filter((m) => reaches(m, m));
    expect(loops).toEqual([]);
  });
});

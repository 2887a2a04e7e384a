/** A problem in a catalogue file, with its position: printed as `file:line:col: message`. */
export interface CatalogueIssue {
  /** The file as the reader should find it (the directory given, joined with the file name). */
  file: string;
  /** 1-based line and column. */
  line: number;
  col: number;
  message: string;
}

export interface Position {
  line: number;
  col: number;
}

/** Sorted by file, then line, column and message, so output is stable. */
export function sortIssues(issues: Iterable<CatalogueIssue>): CatalogueIssue[] {
  return [...issues].sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.col - b.col || compare(a.message, b.message),
  );
}

export function formatIssue(i: CatalogueIssue): string {
  return `${i.file}:${i.line}:${i.col}: ${i.message}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** "denials[0].url", "match.concepts.nato"; the empty path is the entry itself. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/** The sources list as a publisher lookup for exports: URL → the listed outlet's name and a line about it. */
import { formatIssue } from '../claims/issues.js';
import { describeSource } from './describe.js';
import { sourcesDirFrom, validateSourcesDir } from './load.js';
import { createSourceLookup } from './lookup.js';

export type PublisherFor = (url: string) => { name: string; description: string } | null;

/** The lookup for the sources beside `claimsDir` (or SOURCES_DIR), or the issues as printable lines. */
export async function publisherLookup(
  claimsDir: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<PublisherFor | string> {
  const { list, issues } = await validateSourcesDir(
    sourcesDirFrom(claimsDir, env),
    Boolean(env.SOURCES_DIR?.trim()),
  );
  if (!list) return issues.map(formatIssue).join('\n');
  const lookup = createSourceLookup(list.sources);
  return (url) => {
    const s = lookup.sourceForUrl(url);
    return s ? { name: s.name, description: describeSource(s) } : null;
  };
}

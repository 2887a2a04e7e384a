/**
 * Rules the schema cannot say: the id is the file name, a source can be recognised (a domain or a
 * handle), no domain or handle belongs to two sources, and citations are not pre-production mirrors.
 */
import type { CatalogueIssue, Position } from '../claims/issues.js';
import type { Source } from './schema.js';

export interface LocatedSource {
  source: Source;
  file: string;
  baseName: string;
  at(path: ReadonlyArray<PropertyKey>, part?: 'key' | 'value'): Position;
}

/** Hosts that mirror a real site for testing: cite the real address instead. */
const MIRROR_HOSTS: ReadonlyArray<{ host: string; instead: string }> = [
  { host: 'euvsd.info', instead: 'euvsdisinfo.eu' },
];

export function sourceRules(located: ReadonlyArray<LocatedSource>): CatalogueIssue[] {
  const out: CatalogueIssue[] = [];
  const report = (l: LocatedSource, path: PropertyKey[], message: string) =>
    out.push({ file: l.file, ...l.at(path), message });

  const ids = new Map<string, string>();
  const owners = new Map<string, string>(); // "domain:ria.ru" or "telegram:rian_ru" → file
  for (const l of located) {
    const { source } = l;
    if (source.id !== l.baseName) {
      report(l, ['id'], `id '${source.id}' must equal the file name without extension ('${l.baseName}')`);
    }
    const firstId = ids.get(source.id);
    if (firstId) report(l, ['id'], `duplicate id '${source.id}': also used by ${firstId}`);
    else ids.set(source.id, l.file);

    if (source.domains.length === 0 && source.telegram.length === 0) {
      report(l, ['domains'], 'needs at least one domain or Telegram handle, or links can never match it');
    }
    const claim = (key: string, path: PropertyKey[], label: string) => {
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, l.file);
      else
        report(
          l,
          path,
          owner === l.file ? `${label} is listed twice` : `${label} is also listed by ${owner}`,
        );
    };
    source.domains.forEach((d, i) => {
      claim(`domain:${d}`, ['domains', i], `domain '${d}'`);
    });
    source.telegram.forEach((h, i) => {
      claim(`telegram:${h.toLowerCase()}`, ['telegram', i], `Telegram handle '${h}'`);
    });

    source.classified_by.forEach((c, i) => {
      const host = new URL(c.url).hostname;
      const mirror = MIRROR_HOSTS.find((m) => host === m.host || host.endsWith(`.${m.host}`));
      if (mirror) {
        report(l, ['classified_by', i, 'url'], `${host} is a pre-production mirror: cite ${mirror.instead}`);
      }
    });
  }
  return out;
}

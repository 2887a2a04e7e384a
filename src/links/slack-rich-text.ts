/**
 * Links from Slack `rich_text` blocks: `link` elements inside rich_text_section, rich_text_list,
 * rich_text_quote and rich_text_preformatted. The blocks come from the network: every level is
 * checked, nothing is cast, and depth and size are bounded.
 */

const CONTAINERS = new Set([
  'rich_text',
  'rich_text_section',
  'rich_text_list',
  'rich_text_quote',
  'rich_text_preformatted',
]);
const MAX_DEPTH = 8;
const MAX_NODES = 5_000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every link URL in the rich_text blocks of a Slack message, in order; anything else is ignored. */
export function linksFromRichText(blocks: unknown): string[] {
  const links: string[] = [];
  if (!Array.isArray(blocks)) return links;
  let visited = 0;

  const walk = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || visited >= MAX_NODES || !isRecord(node)) return;
    visited += 1;
    const type = node.type;
    if (type === 'link') {
      if (typeof node.url === 'string' && node.url.length > 0 && node.url.length <= 4096)
        links.push(node.url);
      return;
    }
    if (typeof type !== 'string' || !CONTAINERS.has(type)) return;
    const children = node.elements;
    if (!Array.isArray(children)) return;
    for (const child of children) walk(child, depth + 1);
  };

  for (const block of blocks) {
    if (isRecord(block) && block.type === 'rich_text') walk(block, 0);
  }
  return links;
}

/**
 * The links of a Slack message, through the shared link extraction (src/links): `<url|label>` and
 * bare URLs in the text plus `link` elements of `rich_text` blocks, normalized and deduplicated.
 * The adapter uses them to tell whether a message has links at all, which links an edit added,
 * and to key the once-per-link-set reply; the check itself extracts them again, with the cap.
 */
import { extractLinks, linksFromRichText } from '../../links/extract-links.js';

/** Raw link URLs of `rich_text` blocks (handed on as ChatMessage.extraLinks). */
export function richTextLinks(blocks: readonly unknown[] | undefined): string[] {
  return linksFromRichText(blocks ?? []);
}

/** Every distinct normalized link of a message, in order of appearance, uncapped. */
export function slackMessageLinks(text: string, blocks: readonly unknown[] | undefined): string[] {
  return extractLinks(text, richTextLinks(blocks), Number.POSITIVE_INFINITY).links;
}

/** Whether some text (e.g. a slash command's) contains a link. */
export function hasLinks(text: string): boolean {
  return slackMessageLinks(text, undefined).length > 0;
}

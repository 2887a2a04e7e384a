/**
 * The links of `rich_text` blocks of a Slack message (handed on as ChatMessage.extraLinks): the
 * text's own `<url|label>` and bare URLs are found by the conversation core's link extraction.
 */
import { linksFromRichText } from '../../links/extract-links.js';

/** Raw link URLs of `rich_text` blocks. */
export function richTextLinks(blocks: readonly unknown[] | undefined): string[] {
  return linksFromRichText(blocks ?? []);
}

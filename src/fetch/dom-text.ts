/**
 * DOM → plain text with paragraphs separated by blank lines. Block elements and <br> end a paragraph;
 * inline text is joined with whitespace collapsed; scripts, styles and other non-text are skipped.
 */
import { type DomNode, isElement, TEXT_NODE } from './dom.js';

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'HEAD',
  'BUTTON',
  'SELECT',
]);
/** A step of the walk: visit a node, or close a block element after its children. */
type Step = { node: DomNode; close: boolean };

export function paragraphsOf(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/\s+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  // Iterative, so a page nested thousands of levels deep cannot overflow the stack.
  const stack: Step[] = [{ node: root, close: false }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    const { node, close } = step;
    if (close) {
      flush();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.tagName.toUpperCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'IMG' || tag === 'INPUT') current += ' ';
    const block = BLOCKS.has(tag);
    if (block) {
      flush();
      stack.push({ node, close: true });
    }
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child !== undefined) stack.push({ node: child, close: false });
    }
  }
  flush();
  return paragraphs;
}

/** The text of `root`: paragraphs separated by blank lines. */
export function textOfDom(root: DomNode): string {
  return paragraphsOf(root).join('\n\n');
}

/**
 * One pass over a DOM subtree (iterative, so deep pages cannot overflow the stack): for every element,
 * how much text it holds and whether it contains the article container; for the whole tree, its
 * depth and size. Lets cleaning and extraction decide in O(n) what would otherwise cost O(n × depth).
 */
import { type DomElement, type DomNode, isElement, TEXT_NODE } from './dom.js';

export interface ElementStats {
  /** Characters of text inside the element (whitespace not collapsed). */
  text: number;
  /** A descendant is an <article>, <main>, articleBody or role=main. */
  containsArticle: boolean;
}

export interface DomStats {
  elements: Map<DomNode, ElementStats>;
  maxDepth: number;
  count: number;
  text: number;
}

export function isArticleContainer(el: DomElement): boolean {
  const tag = el.tagName.toUpperCase();
  return (
    tag === 'ARTICLE' ||
    tag === 'MAIN' ||
    el.getAttribute('itemprop') === 'articleBody' ||
    el.getAttribute('role') === 'main'
  );
}

interface Frame {
  node: DomNode;
  children: DomNode[];
  next: number;
  text: number;
  containsArticle: boolean;
}

export function measureDom(root: DomNode): DomStats {
  const elements = new Map<DomNode, ElementStats>();
  const stack: Frame[] = [
    { node: root, children: Array.from(root.childNodes), next: 0, text: 0, containsArticle: false },
  ];
  let maxDepth = 1;
  let count = 0;
  let total = 0;
  for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
    const child = top.children[top.next];
    if (child !== undefined) {
      top.next += 1;
      if (child.nodeType === TEXT_NODE) {
        top.text += child.textContent?.length ?? 0;
      } else if (isElement(child)) {
        count += 1;
        stack.push({
          node: child,
          children: Array.from(child.childNodes),
          next: 0,
          text: 0,
          containsArticle: false,
        });
        maxDepth = Math.max(maxDepth, stack.length);
      }
      continue;
    }
    stack.pop();
    elements.set(top.node, { text: top.text, containsArticle: top.containsArticle });
    const parent = stack.at(-1);
    if (parent === undefined) {
      total = top.text;
    } else {
      parent.text += top.text;
      parent.containsArticle ||= top.containsArticle || (isElement(top.node) && isArticleContainer(top.node));
    }
  }
  return { elements, maxDepth, count, text: total };
}

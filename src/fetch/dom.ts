/**
 * The small part of the DOM this code uses, typed here because linkedom's own types need the DOM
 * lib (absent in this Node project) and would otherwise degrade to `any`.
 */
import { parseHTML } from 'linkedom';

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}

export interface DomDocument {
  documentElement: DomElement | null;
  head: DomElement | null;
  body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

function wellFormed(doc: DomDocument): boolean {
  try {
    // linkedom makes the first element of a fragment the documentElement, and its `body` getter throws
    // when there is no documentElement at all.
    return doc.documentElement?.tagName.toUpperCase() === 'HTML' && doc.body !== null;
  } catch {
    return false;
  }
}

/** Parses an HTML document; fragments are wrapped so there is always an <html> with a <body>. */
export function parseDocument(html: string): DomDocument {
  const doc: DomDocument = parseHTML(html).document;
  if (wellFormed(doc)) return doc;
  const inner = html.replace(/^\s*<!doctype[^>]*>/i, '');
  const wrapped: DomDocument = parseHTML(
    `<!doctype html><html><head></head><body>${inner}</body></html>`,
  ).document;
  return wrapped;
}

export function all(root: DomDocument | DomElement, selector: string): DomElement[] {
  return Array.from(root.querySelectorAll(selector));
}

/** Trimmed attribute of the first element matching `selector`, or null. */
export function attr(root: DomDocument | DomElement, selector: string, name: string): string | null {
  const v = root.querySelector(selector)?.getAttribute(name)?.trim();
  return v ? v : null;
}

/** Text of an element with whitespace collapsed, or null when empty. */
export function textOf(el: DomNode | null | undefined): string | null {
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

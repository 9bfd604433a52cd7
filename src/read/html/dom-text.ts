// Text out of a domhandler DOM: which elements break a paragraph, how inline text is joined,
// and the small attribute helpers every HTML step uses. Shared by body, metadata and caption code.
import type { AnyNode, Element } from 'domhandler';

// Elements that start a new paragraph when reading; everything else is inline and joins its
// neighbours with normalised whitespace ("<b>Gaza</b> City" reads "Gaza City").
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'br', 'caption', 'option', 'select', 'textarea', 'legend', 'noscript', 'picture', 'video', 'audio',
]);

/** True for tags that start a new paragraph (block-level in browsers, plus `br`). */
export function isBlockTag(name: string): boolean {
  return BLOCK_TAGS.has(name);
}

/** True when the node is an element (tag, script or style). */
export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Collapses runs of whitespace (nbsp and zero-width spaces included) to one space and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u200b\u200c\u200d\ufeff]+/g, ' ').trim();
}

/** The attribute's value, or '' when absent. */
export function attr(el: Element, name: string): string {
  return el.attribs[name] ?? '';
}

/** The whole text of a node, whitespace normalised; `skip` prunes subtrees (furniture). */
export function textOf(node: AnyNode, skip?: (el: Element) => boolean): string {
  const parts: string[] = [];
  const visit = (n: AnyNode): void => {
    if (n.type === 'text') {
      parts.push(n.data);
      return;
    }
    if (!isElement(n) || n.type !== 'tag') {
      if (n.type === 'root') for (const c of n.children) visit(c);
      return;
    }
    if (skip?.(n)) return;
    const block = BLOCK_TAGS.has(n.name);
    if (block) parts.push(' ');
    for (const c of n.children) visit(c);
    if (block) parts.push(' ');
  };
  visit(node);
  return normalizeSpace(parts.join(''));
}

/** Every element under `root` (root included when it is one) in document order, for which `match` holds. */
export function findAll(root: AnyNode, match: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isElement(n) && match(n)) out.push(n);
    if ('children' in n) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** True when `node` lies inside `ancestor` (or is it). */
export function isInside(node: AnyNode, ancestor: AnyNode): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent) if (n === ancestor) return true;
  return false;
}

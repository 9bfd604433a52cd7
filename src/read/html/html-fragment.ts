// An HTML fragment (a feed item's content:encoded, an Atom entry's content) to paragraphs. Unlike
// a page, a fragment has no navigation or sidebars to strip: all of it is body, so every block
// is kept in order. Pictures are dropped and their <figcaption>s become captions.
import type { AnyNode } from 'domhandler';
import type { Caption } from '../../model/doc.ts';
import { parseCaptionLine } from '../caption.ts';
import { isBlockTag, isElement, normalizeSpace } from './dom-text.ts';
import { parseHtml } from './parse-html.ts';

/** The body paragraphs and picture captions of an HTML fragment. */
export interface FragmentText {
  paragraphs: string[];
  captions: Caption[];
}

// Never text a reader reads: code, embedded media, form controls.
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'img', 'video', 'audio',
  'source', 'picture', 'canvas', 'button', 'input', 'select', 'textarea', 'form', 'head', 'title', 'meta', 'link',
]);

/**
 * Reads a fragment: each block element (p, li, h2, blockquote, …) and each `<br>`-separated line
 * becomes a paragraph, whitespace normalised. A fragment without any block markup is plain text
 * in disguise, so its blank lines separate paragraphs.
 */
export function readHtmlFragment(html: string): FragmentText {
  const doc = parseHtml(html);
  const paragraphs: string[] = [];
  const captions: Caption[] = [];
  const hasBlocks = /<(?:p|div|br|li|h[1-6]|blockquote|table|section|article|figure)\b/i.test(html);
  let line = '';
  const flush = () => {
    const text = normalizeSpace(line);
    if (text !== '') paragraphs.push(text);
    line = '';
  };

  const visit = (node: AnyNode): void => {
    if (node.type === 'text') {
      if (hasBlocks) line += node.data;
      else {
        const parts = node.data.split(/\n[ \t\u00a0]*\n/);
        parts.forEach((part, i) => {
          if (i > 0) flush();
          line += part;
        });
      }
      return;
    }
    if (node.type === 'root') {
      node.children.forEach(visit);
      return;
    }
    if (!isElement(node) || node.type !== 'tag' || SKIPPED.has(node.name)) return;
    if (node.name === 'figcaption') {
      flush();
      const text = normalizeSpace(textInside(node));
      if (text !== '') captions.push(parseCaptionLine(text) ?? { text, credit: null });
      return;
    }
    const block = isBlockTag(node.name);
    if (block) flush();
    node.children.forEach(visit);
    if (block) flush();
  };
  visit(doc);
  flush();
  return { paragraphs, captions };
}

function textInside(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (!('children' in node) || (isElement(node) && SKIPPED.has(node.name))) return '';
  return node.children.map((c) => (isElement(c) && isBlockTag(c.name) ? ` ${textInside(c)} ` : textInside(c))).join('');
}

// The article body of a news page: the page is read once into paragraph chunks (inline text
// between block boundaries, furniture pruned), containers are scored by the paragraph text they
// hold near them (Readability's idea, scored our own way), the best container and its good
// siblings are kept, and their chunks are filtered and returned in reading order.
import type { AnyNode, Document, Element } from 'domhandler';
import { attr, isBlockTag, isElement, isInside, normalizeSpace, textOf } from './dom-text.ts';
import { furnitureKind } from './furniture.ts';
import pageFurniture from '../text/page-furniture.json' with { type: 'json' };
import htmlFurniture from './html-furniture.json' with { type: 'json' };

/** One run of inline text between block boundaries, with the block that holds it. */
export interface Chunk {
  text: string;
  owner: Element;
  linkChars: number;
}

/** What the extractor found: body paragraphs and the element(s) they came from. */
export interface BodyExtraction {
  paragraphs: string[];
  containers: Element[];
}

/** Hints from page metadata: the titles the page shows (the body must not open with one again). */
export interface BodyHints {
  titles: readonly string[];
}

interface Stats {
  chars: number;
  linkChars: number;
  score: number;
  scored: boolean;
}

/** A whole line of page furniture, text or HTML pages alike ("Advertisement", "Share this article"); near-duplicate fingerprints skip the same lines. */
export const FURNITURE_LINE = new RegExp(`^(?:${[...pageFurniture.lines, ...htmlFurniture.lines].join('|')})$`, 'i');
const LINK_LEAD = new RegExp(`^(?:${htmlFurniture.linkLeads.join('|')})`, 'i');
// Paragraph-like blocks pass their score to their parent; containers holding text directly keep it.
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'blockquote', 'li', 'dd', 'dt', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th', 'br', 'figcaption', 'address', 'summary', 'caption']);
const POSITIVE_CLASS = /article|body|content|entry|main|post|story|text|blog|prose|rich/i;
const MIN_CHUNK = 25;
const SENTENCE_END = /[.!?…]["'”’)]?$/;

/** Extracts the body paragraphs of a parsed page; a page with no article text gives no paragraphs. */
export function extractBody(dom: Document, hints: BodyHints): BodyExtraction {
  const root = findBody(dom);
  const skip = furnitureFilter(root);
  const chunks = collectChunks(root, skip);
  const stats = new Map<Element, Stats>();
  const statOf = (el: Element): Stats => {
    let s = stats.get(el);
    if (!s) {
      s = { chars: 0, linkChars: 0, score: 0, scored: false };
      stats.set(el, s);
    }
    return s;
  };

  for (const chunk of chunks) {
    for (let n: AnyNode | null = chunk.owner; n && n !== root.parent; n = n.parent) {
      if (!isElement(n)) break;
      const s = statOf(n);
      s.chars += chunk.text.length;
      s.linkChars += chunk.linkChars;
    }
  }
  for (const chunk of chunks) {
    const len = chunk.text.length;
    if (len < MIN_CHUNK || chunk.linkChars > len * 0.5) continue;
    const points = 1 + countCommas(chunk.text) + Math.min(3, Math.floor(len / 100));
    let level = 0;
    let n: AnyNode | null = PARAGRAPH_TAGS.has(chunk.owner.name) ? chunk.owner.parent : chunk.owner;
    for (; n && isElement(n) && level < 3; n = n.parent, level++) {
      const s = statOf(n);
      if (!s.scored) {
        s.scored = true;
        s.score += initialScore(n);
      }
      s.score += level === 0 ? points : level === 1 ? points / 2 : points / (level * 3);
      if (n === root) break;
    }
  }

  let top: Element | null = null;
  let topScore = 0;
  for (const [el, s] of stats) {
    if (!s.scored) continue;
    const final = s.score * (1 - density(s));
    if (final > topScore) {
      top = el;
      topScore = final;
    }
  }
  if (!top) return smallPage(chunks);

  const containers = withRelatives(top, topScore, stats);
  const chosen = new Set<AnyNode>(containers);
  const titles = new Set(hints.titles.map((t) => normalizeSpace(t).toLowerCase()));
  const kept: Chunk[] = [];
  for (const chunk of chunks) {
    if (!insideAny(chunk.owner, chosen, root)) continue;
    if (FURNITURE_LINE.test(chunk.text) || isTeaserLink(chunk)) continue;
    if (kept.length === 0 && titles.has(chunk.text.toLowerCase())) continue;
    kept.push(chunk);
  }
  return { paragraphs: trimEdges(kept).map((c) => c.text), containers };
}

/**
 * A page too small or too fragmentary for any container to score (a snippet of a few short
 * paragraphs, markup broken off after a line): its text that is not links or furniture is the body.
 */
function smallPage(chunks: readonly Chunk[]): BodyExtraction {
  const paragraphs = chunks.filter((c) => c.linkChars <= c.text.length * 0.5 && !FURNITURE_LINE.test(c.text)).map((c) => c.text);
  return { paragraphs, containers: [] };
}

/** The page's `<body>`, or the document itself for fragments without one. */
function findBody(dom: Document): Element | Document {
  const stack: AnyNode[] = [...dom.children];
  while (stack.length > 0) {
    const n = stack.shift()!;
    if (n.type === 'tag' && n.name === 'body') return n;
    if (n.type === 'tag' && n.name === 'html') stack.push(...n.children);
  }
  return dom;
}

/**
 * A predicate for furniture to prune. Soft furniture (by class, role or structural tag) is kept
 * when it holds most of the page's text: a layout class such as "has-sidebar" or a page-wide
 * <form> (ASP.NET wraps whole pages in one) must not take the article with it.
 */
function furnitureFilter(root: Element | Document): (el: Element) => boolean {
  let total = -1;
  const cache = new Map<Element, boolean>();
  return (el) => {
    const cached = cache.get(el);
    if (cached !== undefined) return cached;
    const kind = furnitureKind(el);
    let verdict = kind === 'hard';
    if (kind === 'soft') {
      if (total < 0) total = plainTextLength(root);
      verdict = !(total > 0 && plainTextLength(el) >= total * 0.5);
    }
    cache.set(el, verdict);
    return verdict;
  };
}

/** Characters of text outside links, scripts and hidden elements: a cheap measure of how much a subtree says. */
function plainTextLength(node: AnyNode): number {
  let n = 0;
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    if (cur.type === 'text') {
      n += cur.data.trim().length;
      continue;
    }
    if (cur.type === 'tag' || cur.type === 'root') {
      if (cur.type === 'tag' && (cur.name === 'a' || furnitureKind(cur) === 'hard')) continue;
      for (const c of cur.children) stack.push(c);
    }
  }
  return n;
}

/** Reads the page in order into chunks of inline text, each with its nearest block ancestor. */
export function collectChunks(root: Element | Document, skip: (el: Element) => boolean): Chunk[] {
  const chunks: Chunk[] = [];
  let parts: string[] = [];
  let rawChars = 0;
  let rawLinkChars = 0;
  let inLink = 0;
  let owner: Element | null = root.type === 'tag' ? root : null;

  const flush = () => {
    if (parts.length === 0) return;
    const text = normalizeSpace(parts.join(''));
    if (text !== '' && owner) {
      const linkChars = rawChars > 0 ? Math.round((rawLinkChars / rawChars) * text.length) : 0;
      chunks.push({ text, owner, linkChars });
    }
    parts = [];
    rawChars = 0;
    rawLinkChars = 0;
  };
  const visit = (node: AnyNode): void => {
    if (node.type === 'text') {
      parts.push(node.data);
      const len = node.data.length;
      rawChars += len;
      if (inLink > 0) rawLinkChars += len;
      return;
    }
    if (node.type !== 'tag') return;
    if (skip(node)) return;
    if (isBlockTag(node.name)) {
      flush();
      const saved = owner;
      if (node.name !== 'br' && node.name !== 'hr') owner = node;
      for (const c of node.children) visit(c);
      flush();
      owner = saved;
      return;
    }
    if (node.name === 'a') inLink++;
    for (const c of node.children) visit(c);
    if (node.name === 'a') inLink--;
  };
  for (const c of root.children) visit(c);
  flush();
  return chunks;
}

function initialScore(el: Element): number {
  let score = 0;
  switch (el.name) {
    case 'article':
      score += 10;
      break;
    case 'div':
    case 'main':
      score += 5;
      break;
    case 'pre':
    case 'td':
    case 'blockquote':
      score += 3;
      break;
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      score -= 3;
      break;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      score -= 5;
      break;
  }
  if (attr(el, 'itemprop').includes('articleBody')) score += 50;
  if (POSITIVE_CLASS.test(attr(el, 'class')) || POSITIVE_CLASS.test(attr(el, 'id'))) score += 25;
  return score;
}

function density(s: Stats): number {
  return s.chars === 0 ? 0 : Math.min(1, s.linkChars / s.chars);
}

function countCommas(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === ',' || ch === '，' || ch === '、' || ch === '،') n++;
  return n;
}

/**
 * The top container and the other containers the body was split into: news pages cut a body
 * into several blocks around ads and embeds. A relative counts when it is built like the top
 * (same tag and class: "body__container" twice) and scores; each then brings its good siblings.
 */
function withRelatives(top: Element, topScore: number, stats: Map<Element, Stats>): Element[] {
  const chosen: Element[] = [top];
  const signature = `${top.name}.${attr(top, 'class')}`;
  const hasClass = attr(top, 'class').trim() !== '';
  for (const [el, s] of stats) {
    if (el === top || !s.scored || isInside(el, top) || isInside(top, el)) continue;
    const final = s.score * (1 - density(s));
    const sameBuild = hasClass && `${el.name}.${attr(el, 'class')}` === signature && final >= topScore * 0.1;
    if (sameBuild) chosen.push(el);
  }
  // Keep the outermost of nested picks, then add each one's good siblings.
  const outer = chosen.filter((el) => !chosen.some((o) => o !== el && isInside(el, o)));
  const all = new Set<Element>();
  for (const el of outer) for (const sib of withSiblings(el, Math.max(topScore, 0), stats)) all.add(sib);
  return [...all];
}

/**
 * A container and those of its siblings that read like more of the article: well scored
 * ones, and plain paragraphs with little link text (bodies split by ads or inline widgets).
 */
function withSiblings(top: Element, topScore: number, stats: Map<Element, Stats>): Element[] {
  const parent = top.parent;
  if (!parent || parent.type !== 'tag') return [top];
  const threshold = Math.max(10, topScore * 0.2);
  const out: Element[] = [];
  for (const sib of parent.children) {
    if (sib.type !== 'tag') continue;
    if (sib === top) {
      out.push(sib);
      continue;
    }
    const s = stats.get(sib);
    if (!s || s.chars === 0) continue;
    const ld = density(s);
    if (s.scored && s.score * (1 - ld) >= threshold) {
      out.push(sib);
      continue;
    }
    if (sib.name === 'p' || (PARAGRAPH_TAGS.has(sib.name) && sib.name !== 'li')) {
      if ((s.chars > 80 && ld < 0.25) || (ld === 0 && SENTENCE_END.test(textOf(sib)))) out.push(sib);
    }
  }
  return out;
}

/**
 * Drops the loose ends a container carries around the article: link lines at either end
 * (section labels, "Read more on …", related headlines) and, at the end, the short line that
 * heads such links ("You may also like..."). Inside the body link lines stay: a deals post's
 * "Get it on Amazon" links are its content, and a list closing an article is kept.
 */
function trimEdges(chunks: Chunk[]): Chunk[] {
  const linky = (c: Chunk) => c.linkChars > c.text.length * 0.5;
  const heading = (c: Chunk) => c.text.length < 60 && !SENTENCE_END.test(c.text);
  let start = 0;
  let end = chunks.length;
  while (start < end && linky(chunks[start]!)) start++;
  for (;;) {
    let cut = end;
    while (cut > start && linky(chunks[cut - 1]!)) cut--;
    if (cut === end) break;
    while (cut > start && heading(chunks[cut - 1]!) && !linky(chunks[cut - 1]!)) cut--;
    end = cut;
  }
  // A closing call that trails off ("Tell us what YOU think...") leads to a widget, not to text.
  while (end > start && chunks[end - 1]!.text.length < 60 && /(?:\.\.\.|…)$/.test(chunks[end - 1]!.text)) end--;
  return chunks.slice(start, end);
}

/**
 * A link line pointing to another story in the middle of a body: "Related: …", "READ MORE: …",
 * or a headline in capitals that is all link ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'").
 * Link lines in mixed case without such a lead stay ("Get it on Amazon for $39.99").
 */
function isTeaserLink(chunk: Chunk): boolean {
  const text = chunk.text;
  if (chunk.linkChars < text.length * 0.5) return false;
  if (LINK_LEAD.test(text)) return true;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return chunk.linkChars >= text.length * 0.9 && letters.length >= 12 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function insideAny(node: AnyNode, set: Set<AnyNode>, root: AnyNode): boolean {
  for (let n: AnyNode | null = node; n; n = n.parent) {
    if (set.has(n)) return true;
    if (n === root) return false;
  }
  return false;
}

// The facts a page states about itself in its head and markup: meta tags, link relations,
// <title> and JSON-LD. Gathered in one walk so every metadata step reads the same facts.
import type { Document, Element } from 'domhandler';
import { attr, isElement, normalizeSpace, textOf } from './dom-text.ts';

/** What JSON-LD says about the article (the first Article-like object wins each field). */
export interface JsonLdFacts {
  headline: string | null;
  authors: string[];
  publisher: string | null;
  articleBody: string | null;
  description: string | null;
  url: string | null;
}

/** A page's self-description: meta tags by lower-cased name/property, link relations, title and JSON-LD. */
export interface PageFacts {
  meta: Map<string, string>;
  canonical: string | null;
  relAuthors: string[];
  titleTag: string | null;
  jsonLd: JsonLdFacts;
}

// Article-like schema.org types; a page's JSON-LD also describes its website, breadcrumbs and organisation.
const ARTICLE_TYPE = /Article|BlogPosting|NewsArticle|Report|Posting|WebPage|Review|Story/;

/** Collects the page's meta tags, canonical link, rel=author names, <title> and JSON-LD article facts. */
export function readPageFacts(dom: Document): PageFacts {
  const meta = new Map<string, string>();
  let canonical: string | null = null;
  const relAuthors: string[] = [];
  let titleTag: string | null = null;
  const scripts: Element[] = [];
  const stack = [...dom.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    switch (n.name) {
      case 'meta': {
        const key = (n.attribs.property ?? n.attribs.name ?? n.attribs.itemprop ?? '').trim().toLowerCase();
        const content = n.attribs.content;
        // The first tag of a name wins: the walk is in reverse, so later ones are overwritten.
        if (key !== '' && content !== undefined && normalizeSpace(content) !== '') meta.set(key, normalizeSpace(content));
        break;
      }
      case 'link': {
        const rel = attr(n, 'rel').toLowerCase().split(/\s+/);
        if (rel.includes('canonical') && attr(n, 'href').trim() !== '') canonical = attr(n, 'href').trim();
        break;
      }
      case 'title':
        // The walk runs backwards, so the head's <title> is met last; an <svg><title> never replaces it.
        if (titleTag === null || (isElement(n.parent!) && n.parent.name === 'head')) titleTag = textOf(n) || titleTag;
        break;
      case 'script':
        if (attr(n, 'type').toLowerCase().includes('ld+json')) scripts.push(n);
        continue;
      case 'a':
        if (attr(n, 'rel').toLowerCase().split(/\s+/).includes('author')) {
          const name = textOf(n);
          if (name !== '') relAuthors.push(name);
        }
        break;
    }
    for (let i = 0; i < n.children.length; i++) stack.push(n.children[i]!);
  }
  scripts.reverse();
  relAuthors.reverse();
  return { meta, canonical, relAuthors, titleTag, jsonLd: readJsonLd(scripts) };
}

/** The article facts of a page's JSON-LD blocks; blocks that are not valid JSON are passed over. */
export function readJsonLd(scripts: readonly Element[]): JsonLdFacts {
  const facts: JsonLdFacts = { headline: null, authors: [], publisher: null, articleBody: null, description: null, url: null };
  for (const script of scripts) {
    const raw = script.children.map((c) => (c.type === 'text' ? c.data : '')).join('');
    let value: unknown;
    try {
      value = JSON.parse(raw.replace(/^\s*<!--|-->\s*$/g, ''));
    } catch {
      // Broken JSON-LD is common page noise (trailing commas, raw newlines); the page's other
      // facts still stand, so this block alone is skipped.
      continue;
    }
    for (const obj of flatten(value)) {
      const type = [obj['@type']].flat().map(String).join(' ');
      if (!ARTICLE_TYPE.test(type)) continue;
      const isPage = /WebPage/.test(type) && !/Article|Posting|Report/.test(type);
      facts.headline ??= str(obj.headline) ?? (isPage ? null : str(obj.name));
      if (facts.authors.length === 0) facts.authors = names(obj.author ?? obj.creator);
      facts.publisher ??= names(obj.publisher)[0] ?? null;
      if (!isPage) facts.articleBody ??= str(obj.articleBody);
      facts.description ??= str(obj.description);
      facts.url ??= str(obj.url) ?? str(obj.mainEntityOfPage);
    }
  }
  return facts;
}

type Obj = Record<string, unknown>;

function flatten(value: unknown): Obj[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value === null || typeof value !== 'object') return [];
  const obj = value as Obj;
  return [obj, ...(obj['@graph'] !== undefined ? flatten(obj['@graph']) : [])];
}

function str(value: unknown): string | null {
  if (typeof value === 'string') return normalizeSpace(value) || null;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as Obj)['@id'];
    return typeof id === 'string' ? id : null;
  }
  return null;
}

function names(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap(names);
  if (typeof value === 'string') return [normalizeSpace(value)].filter((s) => s !== '');
  if (typeof value === 'object') {
    const name = (value as Obj).name;
    return typeof name === 'string' && normalizeSpace(name) !== '' ? [normalizeSpace(name)] : [];
  }
  return [];
}

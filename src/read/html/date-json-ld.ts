// Dates in JSON-LD blocks: schema.org datePublished, dateCreated and dateModified, taken from
// the article object when the block describes several (a WebSite, an Organization with its
// foundingDate, a BreadcrumbList and a NewsArticle in one @graph).
import { parseDateStamp } from '../dates/date-patterns.ts';

/** The three schema.org date properties, in the order they speak for the publication day. */
export type JsonLdDateKey = 'datePublished' | 'dateCreated' | 'dateModified';

/** One date property found in JSON-LD, with how article-like its object is (lower is more). */
export interface JsonLdDate {
  key: JsonLdDateKey;
  date: string;
  /** Set when the value is a UTC time: the page's local day may be the one before or after. */
  utcHour: number | null;
  typeRank: number;
}

// Types whose dates are the page's own: articles first, then the page, then anything else
// (a Product's or an Event's date says little about the page).
const ARTICLE_TYPE = /article|posting|report|blog|review|opinion|analysis/i;
const PAGE_TYPE = /webpage|itempage|collectionpage|creativework|mediaobject|videoobject|medicalwebpage/i;
const KEYS: readonly JsonLdDateKey[] = ['datePublished', 'dateCreated', 'dateModified'];

function typeRank(type: unknown): number {
  const types = Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : [];
  if (types.some((t) => ARTICLE_TYPE.test(t))) return 0;
  if (types.some((t) => PAGE_TYPE.test(t))) return 1;
  return 2;
}

function collect(node: unknown, out: JsonLdDate[], depth: number): void {
  if (depth > 12 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collect(item, out, depth + 1);
    return;
  }
  const obj = node as Record<string, unknown>;
  const rank = typeRank(obj['@type']);
  for (const key of KEYS) {
    const value = obj[key];
    const text = typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null;
    const stamp = text === null ? null : parseDateStamp(text);
    if (stamp) out.push({ key, ...stamp, typeRank: rank });
  }
  for (const [k, v] of Object.entries(obj)) if (v !== null && typeof v === 'object' && k !== '@context') collect(v, out, depth + 1);
}

// Pages ship JSON-LD with raw newlines in strings, trailing commas or two objects run together;
// browsers don't care, so neither do we: when JSON.parse refuses the block, the date properties
// are read from its text instead.
const LOOSE = /"(datePublished|dateCreated|dateModified)"\s*:\s*"([^"]{6,40})"/g;

/** Every schema.org date property in one JSON-LD block's text, in document order. */
export function jsonLdDates(source: string): JsonLdDate[] {
  const out: JsonLdDate[] = [];
  let parsed: unknown;
  let ok = true;
  try {
    parsed = JSON.parse(source);
  } catch {
    ok = false;
  }
  if (ok) {
    collect(parsed, out, 0);
    return out;
  }
  for (const m of source.matchAll(LOOSE)) {
    const stamp = parseDateStamp(m[2]!);
    if (stamp) out.push({ key: m[1] as JsonLdDateKey, ...stamp, typeRank: 1 });
  }
  return out;
}

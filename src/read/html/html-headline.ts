// The headline of a page: the <h1> inside or near the article, else the title the page declares
// (og:title, JSON-LD headline), else <title> without its site suffix ("Title | Site").
import type { AnyNode, Document, Element } from 'domhandler';
import { findAll, isInside, textOf } from './dom-text.ts';
import { isHidden } from './furniture.ts';
import type { PageFacts } from './page-facts.ts';

// Separators pages put between a title and the site's name: "Title | Site", "Title - Site", "Title — Site".
const SUFFIX_SEPARATOR = /\s+(?:\||-|–|—|::|·|•|»)\s+/;

/** Every visible <h1> text of the page, in document order. */
export function headingCandidates(dom: Document): { el: Element; text: string }[] {
  return findAll(dom, (el) => el.name === 'h1')
    .filter((el) => !hiddenWithin(el))
    .map((el) => ({ el, text: textOf(el) }))
    .filter((h) => h.text.length >= 3 && h.text.length <= 300);
}

/** The title the page declares in its metadata, site suffix removed, or null. */
export function declaredTitle(facts: PageFacts, outlet: string | null): string | null {
  const declared = facts.meta.get('og:title') ?? facts.jsonLd.headline ?? facts.meta.get('twitter:title') ?? null;
  if (declared !== null) return stripSiteSuffix(declared, outlet);
  return facts.titleTag === null ? null : stripSiteSuffix(facts.titleTag, outlet);
}

/**
 * Picks the headline: an <h1> inside the body containers or within a few levels above them,
 * else one that reads like the declared title, else the declared title, else the <title>.
 */
export function chooseHeadline(dom: Document, facts: PageFacts, outlet: string | null, containers: readonly Element[]): string | null {
  const h1s = headingCandidates(dom);
  const declared = declaredTitle(facts, outlet);
  const near = h1s.find((h) => containers.some((c) => isInside(h.el, nearAncestor(c))));
  if (near && (declared === null || overlap(near.text, declared) >= 0.3)) return near.text;
  const similar = declared === null ? undefined : h1s.find((h) => overlap(h.text, declared) >= 0.6);
  if (similar) return similar.text;
  if (declared !== null) return declared;
  return near?.text ?? (h1s.length === 1 ? h1s[0]!.text : null);
}

/** "Title | Site" → "Title"; the suffix goes when it names the outlet or is short next to a longer title. */
export function stripSiteSuffix(title: string, outlet: string | null): string {
  let parts = title.split(SUFFIX_SEPARATOR);
  while (parts.length > 1) {
    const last = parts[parts.length - 1]!;
    const rest = parts.slice(0, -1).join(' - ');
    const isOutlet = outlet !== null && last.toLowerCase() === outlet.toLowerCase();
    const looksLikeSite = last.split(/\s+/).length <= 4 && rest.split(/\s+/).length >= 3;
    if (!isOutlet && !looksLikeSite) break;
    parts = parts.slice(0, -1);
  }
  // Rejoin what stays with the separators it had: "Biden - Harris debate" keeps its dash.
  return title.slice(0, title.indexOf(parts[parts.length - 1]!) + parts[parts.length - 1]!.length).trim();
}

// The article's h1 usually sits in a header beside the body, not in it: look a few levels up.
function nearAncestor(el: Element): AnyNode {
  let n: AnyNode = el;
  for (let i = 0; i < 4 && n.parent && n.parent.type === 'tag' && n.parent.name !== 'body'; i++) n = n.parent;
  return n;
}

function hiddenWithin(el: Element): boolean {
  for (let n: AnyNode | null = el; n && n.type === 'tag'; n = n.parent) if (isHidden(n)) return true;
  return false;
}

/** Share of the shorter title's words found in the other (case-insensitive). */
function overlap(a: string, b: string): number {
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const wa = words(a);
  const wb = new Set(words(b));
  if (wa.length === 0 || wb.size === 0) return 0;
  const shorter = Math.min(wa.length, wb.size);
  return wa.filter((w) => wb.has(w)).length / shorter;
}

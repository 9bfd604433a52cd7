// Deciding which elements of a page are furniture (navigation, share bars, related links,
// comments, ads, hidden text) and never article body. The words live in html-furniture.json.
import type { Element } from 'domhandler';
import { attr } from './dom-text.ts';
import data from './html-furniture.json' with { type: 'json' };

/** How sure a furniture verdict is: `hard` is never body (scripts, hidden text); `soft` may be overruled when the element holds most of the page's text. */
export type FurnitureKind = 'hard' | 'soft' | null;

const HARD_TAGS = new Set(data.tags);
const STRUCTURAL_TAGS = new Set(data.structuralTags);
const ROLES = new Set(data.roles);
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A furniture word must be a whole part of a class or id: "share-bar" and "relatedLinks" match,
// "shared" and "header-less" words inside longer ones ("loading", "readable") do not.
const CLASS_WORD = new RegExp(`(?:^|-)(?:${data.classWords.map(escape).join('|')})(?:-|$)`);
// CMS state classes name the article's taxonomy, not a widget: WordPress puts "tag-social-media
// category-ads has-sidebar" on the article element itself.
const CMS_PREFIX = new RegExp(`^(?:${data.cmsPrefixes.map(escape).join('|')})`);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
const MEDIA = new Set(['img', 'picture', 'video', 'iframe', 'svg', 'canvas', 'audio', 'object', 'embed']);

/** True when a class or id value holds a furniture word ("social-share", "adSlot", "sidebar"). */
export function hasFurnitureWord(value: string): boolean {
  if (value === '') return false;
  for (const raw of value.split(/\s+/)) {
    if (raw === '' || CMS_PREFIX.test(raw)) continue;
    const token = raw
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replace(/[_:.]/g, '-');
    if (CLASS_WORD.test(token)) return true;
  }
  return false;
}

/** True when the element is hidden from readers (hidden attribute, aria-hidden, inline display:none). */
export function isHidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined) return true;
  if (attr(el, 'aria-hidden') === 'true') return true;
  const style = el.attribs.style;
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/** The furniture verdict for one element, from its tag, role, class, id and visibility alone. */
export function furnitureKind(el: Element): FurnitureKind {
  const name = el.name;
  if (el.type !== 'tag' || HARD_TAGS.has(name)) return 'hard';
  if (isHidden(el)) return 'hard';
  // The page's outer elements carry theme classes ("navigation-border-thin"), never furniture.
  if (name === 'body' || name === 'html') return null;
  if (STRUCTURAL_TAGS.has(name)) return 'soft';
  const role = el.attribs.role;
  if (role !== undefined && ROLES.has(role.toLowerCase())) return 'soft';
  if (name === 'figure' && hasMedia(el)) return 'soft';
  if (hasFurnitureWord(attr(el, 'class')) || hasFurnitureWord(attr(el, 'id'))) return 'soft';
  return null;
}

// A figure with a picture is an illustration (its caption is read apart); a figure holding only
// a table or a pull quote (WordPress wraps both in <figure>) is body.
function hasMedia(el: Element): boolean {
  const stack = [...el.children];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    if (MEDIA.has(n.name)) return true;
    stack.push(...n.children);
  }
  return false;
}

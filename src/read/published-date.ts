// Choosing one publication date among the claims a document makes about it, and listing
// every claim that disagrees. Claims keep apart what a source stated; the choice is made here only.
import type { DateBasis, DateConflict, Published } from '../model/doc.ts';

/**
 * A claim about the publication date. `strength` orders claims: structured page metadata
 * (JSON-LD datePublished, article:published_time) outranks dates in the content, which outrank
 * a date in the URL, which outranks a scraped page-header line (the AP seed's "date 2024-12-03
 * All sections" is the scraper's date, not the article's).
 */
export interface DateClaim {
  date: string;
  basis: Exclude<DateBasis, 'none' | 'argument'>;
  strength: number;
  why: string;
}

/** Strengths readers give their claims; higher wins. */
export const CLAIM_STRENGTH = {
  structuredMetadata: 90,
  metaTag: 80,
  contentDated: 70,
  url: 50,
  looseMetadata: 30,
} as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Picks the strongest claim (the earliest listed among equals); `argument` is used only when there is none. */
export function resolvePublished(claims: readonly DateClaim[], argument: string | null): Published {
  const valid = claims.filter((c) => ISO_DAY.test(c.date) && isRealDay(c.date));
  let best: DateClaim | undefined;
  for (const claim of valid) if (!best || claim.strength > best.strength) best = claim;

  const conflicts: DateConflict[] = [];
  const seen = new Set<string>();
  const addConflict = (c: DateConflict) => {
    const key = `${c.date}|${c.basis}`;
    if (seen.has(key)) return;
    seen.add(key);
    conflicts.push(c);
  };

  if (!best) {
    return argument ? { date: argument, basis: 'argument', conflicts } : { date: null, basis: 'none', conflicts };
  }
  for (const claim of valid) {
    if (claim.date !== best.date) addConflict({ date: claim.date, basis: claim.basis, why: claim.why });
  }
  if (argument && argument !== best.date) {
    addConflict({ date: argument, basis: 'argument', why: 'the date given with --date' });
  }
  return { date: best.date, basis: best.basis, conflicts };
}

/** True when `YYYY-MM-DD` names a day that exists. */
export function isRealDay(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

// Datelines at the start of a news paragraph: "WASHINGTON (AP) —", "GAZA CITY, Gaza Strip (AP) —",
// "LONDON, March 3 (Reuters) -", and a bare "WASHINGTON" line on its own. Shared by every reader.
import agencyData from './text/news-agencies.json' with { type: 'json' };

const AGENCIES: Record<string, string> = agencyData.agencies;

/** A dateline found at the start of a paragraph: `[0, end)` of it, the place as written, and the agency code. */
export interface FoundDateline {
  end: number;
  place: string;
  agency: string | null;
}

// The place: words in capitals (with dots, apostrophes, hyphens), optionally followed by
// ", Region" in any case ("GAZA CITY, Gaza Strip", "KYIV, Ukraine"); then an optional date,
// an optional agency in parentheses, and a dash of any kind.
const UPPER_PLACE = "[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,4}";
const REGION = "(?:, [A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3})?";
const DATE_PART = '(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2}(?:, \\d{4})?)?';
const INLINE = new RegExp(`^(${UPPER_PLACE}${REGION})${DATE_PART}\\s*(?:\\(([A-Za-z][A-Za-z .-]{0,30})\\))?\\s*(?:—|–|--|-)\\s*`);
const BARE = new RegExp(`^(${UPPER_PLACE}${REGION})$`);

/** The dateline that opens `paragraph`, or null. Capitals are required: "The White House —" is no dateline. */
export function findDateline(paragraph: string): FoundDateline | null {
  const m = INLINE.exec(paragraph);
  if (m) {
    const place = m[1]!;
    // A dateline's place is in capitals; a lone capital word like "A" or "I" is not a place.
    if (!/[A-Z]{2}/.test(place)) return null;
    const end = m[0].trimEnd().length;
    return { end, place, agency: m[2] ?? null };
  }
  return null;
}

/** True for a paragraph that is only a dateline place in capitals ("WASHINGTON"), as wire copy often puts it. */
export function isBareDateline(paragraph: string): boolean {
  const line = paragraph.trim();
  return line.length <= 48 && BARE.test(line) && /[A-Z]{3}/.test(line) && line === line.split(',')[0]!.toUpperCase() + line.slice(line.split(',')[0]!.length);
}

/** The full name of a wire agency written as a code or a name ("AP" → "Associated Press"), or null if unknown. */
export function agencyName(code: string | null): string | null {
  if (code === null) return null;
  return AGENCIES[code.trim()] ?? null;
}

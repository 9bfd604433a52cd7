// Bylines as pages and wire copy write them: "By Jane Doe", "AAMER MADHANI, Associated Press",
// "By JANE DOE and JOHN ROE, Reuters". Names come back in normal case with the affiliation apart.
import type { Byline } from '../model/doc.ts';
import { agencyName } from './dateline.ts';

const NAME_WORD = "(?:[A-Z][A-Za-z'’.-]*|[A-Z]\\.|(?:de|da|del|van|von|der|den|al|el|bin|ibn|la|le)(?= ))";
const NAME = `${NAME_WORD}(?: ${NAME_WORD}){1,4}`;
const NAMES = `${NAME}(?:(?:, | and | & )${NAME})*`;
const BY_LINE = new RegExp(`^(?:By|BY|by):?\\s+(${NAMES})(?:\\s*[,|/–—-]\\s*(.+))?$`);
const CAPS_LINE = /^([A-Z][A-Z'’. -]+[A-Z.])(?:,\s*(.+))?$/;

/** The authors a byline line names, or null when the line is not a byline. */
export function parseBylineLine(line: string): Byline[] | null {
  const text = line.trim().replace(/\s+/g, ' ');
  if (text.length === 0 || text.length > 120) return null;
  const by = BY_LINE.exec(text);
  if (by) return splitNames(by[1]!, by[2] ?? null);
  // Wire copy: the name in capitals and the agency after a comma ("AAMER MADHANI, Associated Press").
  const caps = CAPS_LINE.exec(text);
  if (caps && caps[2] !== undefined && isAffiliation(caps[2])) {
    const names = caps[1]!;
    if (names.split(/ and | & |, /).every((n) => n.trim().split(' ').length >= 2 && n.trim().split(' ').length <= 5)) {
      return splitNames(names, caps[2]);
    }
  }
  return null;
}

/** True when a string names a news organisation a byline may end with. */
function isAffiliation(text: string): boolean {
  const t = text.trim();
  return agencyName(t) !== null || /^(the )?[A-Z][\w.'’&-]*( [A-Z][\w.'’&-]*){0,4}$/.test(t) && /(press|news|wire|times|post|agency|journal|reuters|herald|tribune|guardian|telegraph|ledger|gazette|chronicle|observer|bbc|cnn|media|daily|correspondent|staff|writer|reporter)/i.test(t);
}

function splitNames(names: string, affiliation: string | null): Byline[] {
  const aff = affiliation === null ? null : affiliation.trim().replace(/[.;]$/, '') || null;
  return names
    .split(/\s*(?:,| and | & )\s*/i)
    .map((n) => n.trim())
    .filter((n) => n.length > 0)
    .map((n) => ({ name: normalCase(n), affiliation: aff === null ? null : (agencyName(aff) ?? aff) }));
}

/** "AAMER MADHANI" → "Aamer Madhani", "JEAN-PIERRE O'BRIEN" → "Jean-Pierre O'Brien"; mixed case is kept as written. */
export function normalCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/\bMc(\p{L})/gu, (_, ch: string) => `Mc${ch.toUpperCase()}`);
}

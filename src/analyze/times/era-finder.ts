// Finder: decades and centuries, which TimeML writes as the leading digits of their years: "the
// 1990s" 199, "the '80s" 198, "the nineties" 199, "the 20th century" 19 (its years are 19xx),
// "the 11th century" 10, and counted from the time of writing: "the last decade", "this century".
import type { TimeCandidate, TimeFinder } from './time-meaning.ts';
import { keyAt, readOrdinal, readShift } from './time-grammar.ts';
import { DECADE_WORDS } from './time-words.ts';

const DECADE_DIGITS = /^(\d{3})0s$/;
const DECADE_SHORT = /^['’](\d)0s$/;

export const findEra: TimeFinder = (view, i) => {
  const w = view.words[i]!;
  const lead = w.key === 'the' ? 1 : 0;
  const j = i + lead;
  const key = keyAt(view, j, i);
  const digits = DECADE_DIGITS.exec(key);
  if (digits) return era(i, 'DE', Number(digits[1]), null, j + 1);
  const short = DECADE_SHORT.exec(key);
  if (short) {
    // "the '80s" is the 1980s; "the '00s" and "'10s" are this century's.
    const d = Number(short[1]);
    return era(i, 'DE', d <= 1 ? 200 + d : 190 + d, null, j + 1);
  }
  const decadeWord = DECADE_WORDS.get(key);
  if (decadeWord !== undefined && lead) return era(i, 'DE', 190 + decadeWord, null, j + 1);

  // "the 20th century", "the twentieth century"
  const ordinal = readOrdinal(view, j);
  if (ordinal && keyAt(view, ordinal.next, i) === 'century' && ordinal.value >= 1 && ordinal.value <= 30) {
    return era(i, 'CE', ordinal.value - 1, null, ordinal.next + 1);
  }

  // "the last decade", "this century", "the past decade", "next decade"
  const shift = readShift(view, j);
  if (shift) {
    const unit = keyAt(view, shift.next, i);
    if (unit === 'decade' || unit === 'century') {
      const shiftKey = keyAt(view, j, i);
      if (lead && shiftKey !== 'last' && shiftKey !== 'past' && shiftKey !== 'next' && shiftKey !== 'current') return null;
      return era(i, unit === 'decade' ? 'DE' : 'CE', null, shift.value, shift.next + 1);
    }
  }
  return null;
};

function era(first: number, unit: 'DE' | 'CE', number: number | null, shift: number | null, end: number): TimeCandidate {
  return { first, end, meaning: { kind: 'era', unit, number, shift } };
}

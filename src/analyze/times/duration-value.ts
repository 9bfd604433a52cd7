// Resolver: the TIMEX3 value of a length of time. Whole counts in the unit written ("21 months"
// P21M, "two hours" PT2H); a fraction goes down to the next unit ("2 1/2 years" P2Y6M, "a minute
// and a half" PT1M30S); twenty-four hours is a day ("the last twenty four hours" P1D, as TimeBank
// writes it); decades and centuries in years ("two decades" P20Y, as TimeBank writes
// them); a vague count ("several years") is X (PXY), and vague decades, centuries and millennia
// take TIMEX2's letters (PXE, PXC, PXL), as the TempEval corpora do.
import type { TimeUnit } from './time-words.ts';

/** How a unit is written and what the next smaller unit is, for fractions. */
const UNIT_FORMS: Record<TimeUnit, { letter: string; time: boolean; smaller: TimeUnit | null; factor: number; years?: number; vague?: string }> = {
  Y: { letter: 'Y', time: false, smaller: 'M', factor: 12 },
  M: { letter: 'M', time: false, smaller: 'D', factor: 30 },
  W: { letter: 'W', time: false, smaller: 'D', factor: 7 },
  D: { letter: 'D', time: false, smaller: 'H', factor: 24 },
  H: { letter: 'H', time: true, smaller: 'MIN', factor: 60 },
  MIN: { letter: 'M', time: true, smaller: 'S', factor: 60 },
  S: { letter: 'S', time: true, smaller: null, factor: 1 },
  Q: { letter: 'Q', time: false, smaller: 'M', factor: 3 },
  DE: { letter: 'Y', time: false, smaller: null, factor: 1, years: 10, vague: 'PXE' },
  CE: { letter: 'Y', time: false, smaller: null, factor: 1, years: 100, vague: 'PXC' },
  ML: { letter: 'Y', time: false, smaller: null, factor: 1, years: 1000, vague: 'PXL' },
  FN: { letter: 'W', time: false, smaller: null, factor: 1 },
  WE: { letter: 'WE', time: false, smaller: null, factor: 1 },
};

/** The TIMEX3 duration for `amount` (null when vague) of `unit`: P21M, PT2H, P2Y6M, PXY. */
export function durationValue(amount: number | null, unit: TimeUnit): string {
  const form = UNIT_FORMS[unit];
  if (amount === null) return form.vague ?? `P${form.time ? 'T' : ''}X${form.letter}`;
  if (unit === 'H' && amount === 24) return 'P1D';
  if (form.years !== undefined) amount *= form.years;
  if (unit === 'FN') amount *= 2;
  const parts: [number, TimeUnit][] = [];
  let rest = amount;
  let u: TimeUnit | null = form.years !== undefined ? 'Y' : unit;
  while (u !== null && rest > 0) {
    const whole = Math.floor(rest + 1e-9);
    if (whole > 0) parts.push([whole, u]);
    const next: TimeUnit | null = UNIT_FORMS[u].smaller;
    rest = next === null ? 0 : Math.round((rest - whole) * UNIT_FORMS[u].factor * 1000) / 1000;
    u = next;
  }
  if (parts.length === 0) parts.push([0, unit]);
  let date = '';
  let time = '';
  for (const [n, p] of parts) {
    const f = UNIT_FORMS[p];
    if (f.time) time += `${n}${f.letter}`;
    else date += `${n}${f.letter}`;
  }
  return `P${date}${time ? `T${time}` : ''}`;
}

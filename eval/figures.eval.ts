// Figures (numbers with hedge, unit and what they count) on two shared sets (../shared/eval):
//
// - NewsQuant (quantities-newsquant.jsonl, the dev half of the CQE paper's news sentences), scored
//   with ../shared/eval/score/quantities.mjs: value F1 and value+unit F1 over the figures the
//   pipeline finds. Held out: the sentences are split by a stable hash of their id (SHA-1 of the id,
//   first byte even = tuning half, odd = held-out half). The figures stage was developed and tuned
//   on the tuning half only; the held-out half's table is the reported score, and the tuning half's
//   is printed below it, labelled, for the developer.
// - Recognizers-Text specs (quantities-recognizers.jsonl), passed or failed case by case as that
//   project's test runner does: the same number of results, each with equal text, start, end and
//   value (and unit for units). The Number specs (NumberModel, PercentModel, OrdinalModel) are the
//   reported pass rate: NumberModel is scored on the stage's number finder, the part that plays the
//   role of Recognizers' number model; PercentModel on the pipeline's percent figures. The
//   NumberWithUnit specs are printed as notes, scored on the pipeline's figures of each model's kind
//   (money, measures, temperatures: each model reports only its own) with their spans allowed to
//   cover the spec's (a figure also spans its hedge and counted noun).
//
// Each text is read as one plain body (readPlainText with plain: true, then assembleDoc; the eval
// checks that the Doc's text is the input), then analysed by sentences, tokens, entities, quotes and
// figures. Mappings to the scorers' conventions live here, not in the stage: CQE writes "dozens" as
// 12 and "thousands" as 1000-10000 where the contract's interval is 24..null and 2000..null, a
// quantity without a unit with the unit "-" where the contract writes null, and a change "from 240
// to 273" as one quantity, the pair 240-273, where the contract keeps two figures; and Recognizers'
// number model does not take a number with a unit glued to it ("180ml") for a number.
// The contract leaves ages out of figures ("34-year-old"), which NewsQuant counts: the notes say how
// many gold quantities are ages (normalised unit "… of age") and the score without them.
//
// `FIGURES_ERRORS=path` writes the tuning half's missed gold quantities and spurious figures.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { plainDoc, readEvalSet, type Evaluation, type Prf, type Score } from './eval-kit.ts';
import { scoreQuantities } from '../../shared/eval/score/quantities.mjs';
import { buildPipeline, STAGES } from '../src/analyze/pipeline.ts';
import { figureStage } from '../src/analyze/figures/figure-stage.ts';
import { findNumbers } from '../src/analyze/figures/number-finder.ts';
import type { Doc } from '../src/model/doc.ts';
import type { Figure } from '../src/model/layers.ts';

/** One NewsQuant sentence as the shared set stores it. */
interface NewsQuantRecord {
  id: string;
  text: string;
  quantities: { value: string; unit: string; normalized_unit: string; change: string; concept: string | null }[];
}

/** One Recognizers-Text spec case. */
interface RecognizerCase {
  id: string;
  model: string;
  input: string;
  results: { start: number; end: number; text: string; type: string; resolution: { value?: string | null; unit?: string; isoCurrency?: string } }[];
}

interface QuantityScores {
  value: Prf;
  valueUnit: Prf;
}
/** What the scorer reads of a figure. */
type ScoredFigure = Pick<Figure, 'low' | 'high' | 'unit' | 'counts' | 'text'>;

const score = (records: NewsQuantRecord[], predictions: Map<string, ScoredFigure[]>) => scoreQuantities(records, predictions) as unknown as QuantityScores;

/** The pipeline up to the figures stage, as `dossier analyze` runs it. */
const figurePipeline = buildPipeline(STAGES.slice(0, STAGES.indexOf(figureStage) + 1));
/** The analysed Doc of one plain text, refusing a reading that would move offsets. */
export function analysePlain(text: string, id: string): Doc {
  return figurePipeline.run(plainDoc(id, text));
}

/** Tuning half or held-out half, by the first byte of the SHA-1 of the id. */
export const inTuningHalf = (id: string) => createHash('sha1').update(id, 'utf8').digest()[0]! % 2 === 0;

// CQE's readings of vague quantity words, which the contract writes as open intervals.
const CQE_VAGUE: [RegExp, number, number][] = [
  [/\btens of thousands\b/i, 1e4, 1e5],
  [/\bhundreds of thousands\b/i, 1e5, 1e6],
  [/\btens of millions\b/i, 1e7, 1e8],
  [/\bhundreds of millions\b/i, 1e8, 1e9],
  [/\bdozens\b/i, 12, 12],
  [/\bhundreds\b/i, 100, 1000],
  [/\bthousands\b/i, 1e3, 1e4],
  [/\bmillions\b/i, 1e6, 1e7],
  [/\bbillions\b/i, 1e9, 1e10],
];

// CQE's unit names (its `normalized_unit`) for the contract's units: ISO currency codes and unit
// symbols. Rates ("USD/month") become "dollar per month".
const CQE_UNITS: Record<string, string> = {
  USD: 'dollar', HKD: 'hong kong dollar', AUD: 'australian dollar', CAD: 'canadian dollar', SGD: 'singaporean dollar', NZD: 'new zealand dollar',
  JPY: 'japanese yen', CNY: 'chinese yuan', GBP: 'pound sterling', EUR: 'euro', ILS: 'shekel', INR: 'indian rupee', MYR: 'malaysian ringgit',
  HRK: 'croatian kuna', KRW: 'south korean won', CHF: 'swiss franc', percent: 'percentage', km: 'kilometre', m: 'metre', cm: 'centimetre',
  mm: 'millimetre', 'μm': 'micrometre', mi: 'mile', ft: 'foot', in: 'inch', yd: 'yard', 'km/h': 'kilometre per hour', mph: 'mile per hour',
  mpg: 'mile per gallon', kn: 'knot', m2: 'square metre', km2: 'square kilometre', 'sq ft': 'square foot', ha: 'hectare', l: 'litre',
  ml: 'millilitre', gal: 'gallon', bbl: 'barrel', 'bbl/day': 'barrel per day', g: 'gram', mg: 'milligram', lb: 'pound-mass', oz: 'ounce',
  t: 'metric ton', Gt: 'gigaton', '°C': 'celsius', '°F': 'fahrenheit', hp: 'horsepower', W: 'watt', kW: 'kilowatt', MW: 'megawatt',
  GW: 'gigawatt', kWh: 'kilowatt hour', GWh: 'gigawatt hour', Nm: 'newton metre', 'lb-ft': 'foot pound-force', Hz: 'hertz', kHz: 'kilohertz',
  GB: 'gigabyte', MB: 'megabyte', dB: 'decibel', cal: 'calorie', ksi: 'kilopound per square inch',
  RUB: 'ruble', TRY: 'lira', ZAR: 'rand', BRL: 'real', MXN: 'peso', PHP: 'peso', SEK: 'krona', NOK: 'krone', DKK: 'krone', PLN: 'zloty',
  HUF: 'forint', CZK: 'koruna', IDR: 'rupiah', THB: 'baht', VND: 'dong', UAH: 'hryvnia', NGN: 'naira', KES: 'shilling', EGP: 'egyptian pound',
  SAR: 'riyal', QAR: 'riyal', AED: 'dirham', PKR: 'pakistani rupee', TWD: 'taiwan dollar', BTC: 'bitcoin', FRF: 'franc', DEM: 'mark',
  nm: 'nanometre', nmi: 'nautical mile', mi2: 'square mile', acre: 'acre', m3: 'cubic metre', 'cu ft': 'cubic foot', kg: 'kilogram',
  'μg': 'microgram', Mt: 'megaton', V: 'volt', mAh: 'milliampere hour', MWh: 'megawatt hour', TWh: 'terawatt hour', MHz: 'megahertz',
  GHz: 'gigahertz', KB: 'kilobyte', Mb: 'megabit', TB: 'terabyte', Mbps: 'megabit per second', Gbps: 'gigabit per second',
  'm/s': 'metre per second', MMBtu: 'mega british thermal unit',
};
// CQE writes a quantity without a unit with the unit "-" (its `normalized_unit` "-"); the contract writes null.
const cqeUnit = (unit: string | null) => (unit === null ? '-' : unit.split('/').map((u) => CQE_UNITS[u] ?? u).join(' per '));

/** A figure as CQE's scorer expects it: vague quantities in CQE's reading, units by CQE's names. */
export function asCqe(f: Figure): ScoredFigure {
  const mapped = { ...f, unit: cqeUnit(f.unit) };
  if (f.hedge === null && f.high === null && f.low !== null) {
    for (const [pattern, low, high] of CQE_VAGUE) if (pattern.test(f.text)) return { ...mapped, low, high };
  }
  return mapped;
}

// CQE writes a change "from a to b" as one quantity, the pair "a-b" ("rose from 240 to 273" →
// 240-273, "slow from 4.8 to 4.7 percent" → 4.8-4.7); the contract keeps the two figures apart (a
// change is no interval). "from" right before the first, "to" (after at most two words: "from 21 mpg
// combined to 23") right before the second.
const FROM_BEFORE = /(?<![\p{L}])from[ \t\u00a0]+$/iu;
const TO_BETWEEN = /^[ \t\u00a0]+(?:\p{L}+[ \t\u00a0]+){0,2}to[ \t\u00a0]+$/iu;
const isPoint = (f: ScoredFigure) => f.low !== null && f.low === f.high;

/** The figures of one text as CQE's quantities: each figure by `asCqe`, a change "from a to b" as CQE's pair. */
export function cqeQuantities(text: string, figures: readonly Figure[]): ScoredFigure[] {
  const out: ScoredFigure[] = [];
  for (let i = 0; i < figures.length; i++) {
    const a = figures[i]!;
    const b = figures[i + 1];
    const qa = asCqe(a);
    if (b && isPoint(qa) && FROM_BEFORE.test(text.slice(Math.max(0, a.start - 8), a.start)) && TO_BETWEEN.test(text.slice(a.start + a.text.length, b.start))) {
      const qb = asCqe(b);
      if (isPoint(qb)) {
        const unit = qb.unit !== '-' ? qb.unit : qa.unit;
        out.push({ low: qa.low, high: qb.low, unit, counts: qb.counts ?? qa.counts, text: text.slice(a.start, b.start + b.text.length) });
        i++;
        continue;
      }
    }
    out.push(qa);
  }
  return out;
}

function predictNewsQuant(records: NewsQuantRecord[]): Map<string, Figure[]> {
  const out = new Map<string, Figure[]>();
  for (const r of records) out.set(r.id, analysePlain(r.text, r.id).layers.figures ?? []);
  return out;
}

const forScorer = (records: NewsQuantRecord[], figures: Map<string, Figure[]>) => new Map(records.map((r) => [r.id, cqeQuantities(r.text, figures.get(r.id) ?? [])]));

const isAge = (q: NewsQuantRecord['quantities'][number]) => / of age$/.test(q.normalized_unit);
const withoutAges = (records: NewsQuantRecord[]) => records.map((r) => ({ ...r, quantities: r.quantities.filter((q) => !isAge(q)) }));

function table(label: string, s: QuantityScores): string[] {
  const row = (name: string, x: Prf) => `  ${name.padEnd(12)} ${x.p.toFixed(3)}  ${x.r.toFixed(3)}  ${x.f1.toFixed(3)}  (${x.tp}/${x.fp}/${x.fn})`;
  return [label, `  ${''.padEnd(12)}     P      R      F1   (tp/fp/fn)`, row('value', s.value), row('value+unit', s.valueUnit)];
}

// --- Recognizers-Text -------------------------------------------------------------------------

/** Recognizers' unit names for the stage's units (currencies by ISO code, measures by symbol). */
const RECOGNIZERS_UNITS: Record<string, string[]> = {
  USD: ['Dollar', 'United States dollar'],
  CAD: ['Canadian dollar'],
  HKD: ['Hong Kong dollar'],
  AUD: ['Australian dollar'],
  GBP: ['Pound', 'British pound'],
  EUR: ['Euro'],
  JPY: ['Japanese yen', 'Yen'],
  CNY: ['Chinese yuan', 'Yuan'],
  FIM: ['Finnish markka'],
  FRF: ['Franc'],
  CHF: ['Swiss franc'],
  INR: ['Indian rupee', 'Rupee'],
  cent: ['Cent'],
  penny: ['Pence', 'Penny'],
  km: ['Kilometer'],
  m: ['Meter'],
  cm: ['Centimeter'],
  mm: ['Millimeter'],
  mi: ['Mile'],
  ft: ['Foot'],
  in: ['Inch'],
  yd: ['Yard'],
  t: ['Metric ton', 'Ton'],
  kg: ['Kilogram'],
  g: ['Gram'],
  mg: ['Milligram'],
  'μg': ['Microgram'],
  lb: ['Pound'],
  oz: ['Ounce'],
  km2: ['Square kilometer'],
  m2: ['Square meter'],
  mph: ['Mile per hour'],
  'km/h': ['Kilometer per hour'],
  'm/s': ['Meter per second'],
  bit: ['Bit'],
  MB: ['Megabyte'],
  Mb: ['Megabit'],
  GB: ['Gigabyte'],
  KB: ['Kilobyte'],
  l: ['Liter'],
  ml: ['Milliliter'],
  gal: ['Gallon'],
  '°C': ['C'],
  '°F': ['F'],
  degree: ['Degree'],
  year: ['Year'],
  month: ['Month'],
  week: ['Week'],
  day: ['Day'],
};

const sameValue = (a: number | null, b: string | null | undefined) => {
  if (a === null || b === null || b === undefined) return a === null && (b === null || b === undefined);
  const v = Number(b.replace(/%$/, ''));
  return Math.abs(a - v) <= 1e-9 * Math.max(1, Math.abs(v));
};

/** NumberModel: the number finder's numbers, less vague quantities and numbers with letters glued on ("180ml", "4th"), which are no numbers to Recognizers. */
function passesNumberSpec(c: RecognizerCase): boolean {
  const numbers = findNumbers(c.input).filter((n) => n.vague === null && n.glued === null);
  if (numbers.length !== c.results.length) return false;
  return c.results.every((r, i) => {
    const n = numbers[i]!;
    return n.start === r.start && n.end === r.end && r.type === 'number' && sameValue(n.value, r.resolution.value);
  });
}

/** PercentModel: the pipeline's percent figures, span and value equal. */
function passesPercentSpec(c: RecognizerCase, figures: Figure[]): boolean {
  const percents = figures.filter((f) => f.unit === 'percent');
  if (percents.length !== c.results.length || figures.length !== c.results.length) return false;
  return c.results.every((r, i) => {
    const f = percents[i]!;
    return f.start === r.start && f.end === r.end && sameValue(f.low ?? f.high, r.resolution.value);
  });
}

const TEMPERATURE_UNITS = new Set(['°C', '°F', 'degree']);
const NOT_DIMENSIONS = new Set(['percent', 'percentage point', 'person', 'fraction', 'cent', 'penny', 'point', 'year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'decade', 'century']);
/** Whether a figure is of the kind a NumberWithUnit model reports: each model reports only its own (money, measures, temperatures). */
function ofModelKind(model: string, f: Figure): boolean {
  const unit = f.unit?.split('/')[0] ?? null;
  if (unit === null) return false;
  if (model.endsWith('CurrencyModel')) return /^[A-Z]{3}$/.test(unit) || unit === 'cent' || unit === 'penny';
  if (model.endsWith('TemperatureModel')) return TEMPERATURE_UNITS.has(unit);
  if (model.endsWith('DimensionModel')) return !/^[A-Z]{3}$/.test(unit) && !NOT_DIMENSIONS.has(unit) && !TEMPERATURE_UNITS.has(unit);
  return false; // AgeModel: ages are not figures
}

/** NumberWithUnit: one figure of the model's kind per result, its span covering the result's, value and unit equal. */
function passesUnitSpec(c: RecognizerCase, all: Figure[]): boolean {
  const figures = all.filter((f) => ofModelKind(c.model, f));
  if (figures.length !== c.results.length) return false;
  return c.results.every((r, i) => {
    const f = figures[i]!;
    const unitNames = f.unit === null ? [] : (RECOGNIZERS_UNITS[f.unit.split('/')[0]!] ?? []);
    return f.start <= r.start && r.end <= f.end && sameValue(f.low ?? f.high, r.resolution.value) && (r.resolution.unit === undefined || unitNames.includes(r.resolution.unit));
  });
}

interface ModelTally {
  passed: number;
  total: number;
}

function recognizerTallies(cases: RecognizerCase[]): Map<string, ModelTally> {
  const tallies = new Map<string, ModelTally>();
  for (const c of cases) {
    const model = c.model;
    let passed: boolean;
    if (model === 'Number/NumberModel') passed = passesNumberSpec(c);
    else {
      const figures = analysePlain(c.input, c.id).layers.figures ?? [];
      passed = model === 'Number/PercentModel' ? passesPercentSpec(c, figures) : model === 'Number/OrdinalModel' ? figures.length === 0 && c.results.length === 0 : passesUnitSpec(c, figures);
    }
    const t = tallies.get(model) ?? { passed: 0, total: 0 };
    t.total++;
    if (passed) t.passed++;
    tallies.set(model, t);
  }
  return tallies;
}

// --- Error listing (FIGURES_ERRORS) -----------------------------------------------------------

// The scorer's lenient unit match, repeated for the listing only (quantities.mjs does not export it):
// a gold unit or normalised unit equal to, or containing, one of the figure's unit, counted words or text words.
const UNIT_ALIASES = [
  ['usd', '$', 'dollar', 'us$', 'dollars', 'united states dollar'], ['percent', '%', 'percentage', 'per cent', 'pct'], ['eur', '€', 'euro', 'euros'],
  ['gbp', '£', 'pound sterling', 'pounds sterling'], ['cny', 'yuan', 'rmb', 'renminbi'], ['myr', 'rm', 'ringgit'], ['jpy', 'yen', '¥'],
  ['inr', 'rupee', 'rupees', 'rs'], ['km', 'kilometre', 'kilometer', 'kilometres', 'kilometers'], ['mi', 'mile', 'miles'], ['m', 'metre', 'meter', 'metres', 'meters'],
  ['kg', 'kilogram', 'kilograms'], ['person', 'people', 'persons'], ['year', 'years', 'yr'], ['day', 'days'], ['hour', 'hours', 'hr'], ['minute', 'minutes', 'min'],
  ['second', 'seconds', 'sec', 's'],
];
const canonicalUnit = (u: string | null | undefined) => {
  const x = (u ?? '').toLowerCase().trim();
  return UNIT_ALIASES.find((g) => g.includes(x))?.[0] ?? x.replace(/s$/, '');
};
function unitsAgree(g: NewsQuantRecord['quantities'][number], f: ScoredFigure): boolean {
  const gold = [g.unit, g.normalized_unit].filter(Boolean).map(canonicalUnit);
  if (gold.length === 0) return true;
  const ours = [f.unit, ...(f.counts ?? '').split(/\s+/), ...(f.text ?? '').split(/\s+/)].filter(Boolean).map(canonicalUnit);
  return gold.some((u) => ours.includes(u) || ours.some((o) => o.length > 2 && (u.includes(o) || o.includes(u))));
}

function errorListing(records: NewsQuantRecord[], predictions: Map<string, Figure[]>): string[] {
  const lines: string[] = [];
  const close = (a: number | null, b: number) => a !== null && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
  for (const r of records) {
    const scored = cqeQuantities(r.text, predictions.get(r.id) ?? []);
    const used = new Set<number>();
    const missed: string[] = [];
    for (const g of r.quantities) {
      const range = /^(-?[\d.]+)-(-?[\d.]+)$/.exec(g.value);
      const j = scored.findIndex((f, k) => !used.has(k) && (range ? close(f.low, +range[1]!) && close(f.high, +range[2]!) : close(f.low ?? f.high, +g.value) || (close(f.low, +g.value) && close(f.high, +g.value))));
      if (j < 0) missed.push(`  MISSED ${g.value} ${g.unit} (${g.normalized_unit})`);
      else {
        used.add(j);
        if (!unitsAgree(g, scored[j]!)) missed.push(`  UNIT ${g.value} gold ${g.unit} (${g.normalized_unit}) vs "${scored[j]!.text}" unit=${scored[j]!.unit} counts=${scored[j]!.counts}`);
      }
    }
    const spurious = scored.filter((_, k) => !used.has(k)).map((f) => `  SPURIOUS "${f.text}" low=${f.low} high=${f.high} unit=${f.unit} counts=${f.counts}`);
    if (missed.length + spurious.length === 0) continue;
    lines.push(`## ${r.id} ${r.text}`, ...missed, ...spurious, '');
  }
  return lines;
}

// --- The evaluation ---------------------------------------------------------------------------

export const evaluation: Evaluation = {
  name: 'figures',
  async run({ limit }) {
    const all = readEvalSet<NewsQuantRecord>('quantities-newsquant.jsonl').slice(0, limit);
    const heldOut = all.filter((r) => !inTuningHalf(r.id));
    const tuning = all.filter((r) => inTuningHalf(r.id));
    const heldOutFigures = predictNewsQuant(heldOut);
    const tuningFigures = predictNewsQuant(tuning);
    const heldOutScores = score(heldOut, forScorer(heldOut, heldOutFigures));
    const tuningScores = score(tuning, forScorer(tuning, tuningFigures));
    const heldOutNoAges = score(withoutAges(heldOut), forScorer(heldOut, heldOutFigures));

    const cases = readEvalSet<RecognizerCase>('quantities-recognizers.jsonl').slice(0, limit);
    const tallies = recognizerTallies(cases);
    const numberModels = [...tallies].filter(([m]) => m.startsWith('Number/'));
    const numberPassed = numberModels.reduce((n, [, t]) => n + t.passed, 0);
    const numberTotal = numberModels.reduce((n, [, t]) => n + t.total, 0);

    const label = `NewsQuant held-out half (${heldOut.length} sentences)`;
    const gold = (rs: NewsQuantRecord[]) => rs.reduce((n, r) => n + r.quantities.length, 0);
    const ages = (rs: NewsQuantRecord[]) => rs.reduce((n, r) => n + r.quantities.filter(isAge).length, 0);
    const scores: Score[] = [
      { name: `${label} value F1`, value: heldOutScores.value.f1, target: 0.92 },
      { name: `${label} value+unit F1`, value: heldOutScores.valueUnit.f1, target: 0.86 },
      { name: `Recognizers-Text Number specs pass rate (${numberTotal} cases)`, value: numberTotal ? numberPassed / numberTotal : 0 },
    ];
    const notes: string[] = [
      `scored: ${figurePipeline.stages.map((s) => s.name).join(' → ')}, each text read as one plain body`,
      `held-out half: ${gold(heldOut)} gold quantities (${ages(heldOut)} of them ages: a person's age is no figure in the contract, a thing's older than any lifetime is), ${[...heldOutFigures.values()].flat().length} figures predicted`,
      `held-out half without gold ages: value F1 ${heldOutNoAges.value.f1.toFixed(3)}, value+unit F1 ${heldOutNoAges.valueUnit.f1.toFixed(3)} (diagnostic, not the reported score)`,
      '',
      ...table(`${label}: the reported scores`, heldOutScores),
      '',
      ...table(`NewsQuant tuning half (${tuning.length} sentences, ${gold(tuning)} gold quantities), the half the stage was tuned on: not a reported score`, tuningScores),
      '',
      'Recognizers-Text pass rates (same results, span, value, and unit for units):',
      ...[...tallies].map(([model, t]) => `  ${model.padEnd(36)} ${t.passed}/${t.total}  ${(t.passed / t.total).toFixed(3)}`),
          '  (NumberModel on the number finder; the others on the pipeline\'s figures of the model\'s kind. AgeModel cases fail by design: ages are not figures.',
      '   OrdinalModel\'s one case expects an ordinal, which is not a figure.)',
    ];
    const errorsPath = process.env.FIGURES_ERRORS;
    if (errorsPath) {
      // Error analysis on the tuning half only, so that the held-out half stays held out.
      writeFileSync(errorsPath, errorListing(tuning, tuningFigures).join('\n') + '\n');
      notes.push('', `FIGURES_ERRORS: tuning half's misses and spurious figures written to ${errorsPath}`);
    }
    return { task: 'figures: numbers with hedge, unit and counted noun (NewsQuant; Recognizers-Text specs)', scores, notes };
  },
};

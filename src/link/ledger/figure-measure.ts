// What a figure measures, so that figures of different articles can be put in one series: a family
// of counted things ("held people": hostages, captives, abductees), the head the text counts
// ("hostages"), the part of it ("living", "dead"), the unit and the place ("in Gaza"). Read from the
// figure's counted words (the figures stage's `counts`) and the words just around the figure; the
// words live in data/measure-words.json.
//
// Why our own: no quantity tool keeps what a number counts beyond its unit, and comparing "about 24
// living hostages" with "roughly 50 captives, about half of them dead" needs exactly that.
import type { AnalysisRecord } from '../../model/record.ts';
import type { Figure } from '../../model/layers.ts';
import words from './data/measure-words.json' with { type: 'json' };

/** What one figure measures. `definition` is the head with its part ("living hostages"); `scope` is what figures must share to be compared at all. */
export interface FigureMeasure {
  family: string;
  head: string;
  state: string | null;
  definition: string;
  unit: string;
  /** The place the figure is about (a GPE/LOC entity's name in its sentence), or null. */
  place: string | null;
  scope: string;
}

const HEAD_OF = new Map<string, string>();
for (const [head, forms] of Object.entries(words.heads)) for (const form of forms) HEAD_OF.set(form, head);
const FAMILY_OF = new Map<string, string>();
for (const [family, heads] of Object.entries(words.families)) for (const head of heads) FAMILY_OF.set(head, family);
const STATE_WORDS = words.stateOrder.map((state) => ({ state, forms: new Set((words.states as Record<string, string[]>)[state] ?? []) }));
const INHERIT = new Set(words.inherit);
/** Words after the counted noun that end its phrase ("captives being dead", "people who fled"). */
const PHRASE_END = new Set(['being', 'who', 'that', 'which', 'held', 'remain', 'remaining', 'in', 'of', 'from', 'at', 'on', 'since']);
/** How far around a figure its state words are looked for ("has killed over 59,000 Palestinians"). */
const CONTEXT_BEFORE = 30;
const CONTEXT_AFTER = 40;

const wordsOf = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter((w) => w !== '');

function stateIn(tokens: readonly string[], family: string): string | null {
  for (const { state, forms } of STATE_WORDS) {
    // "dead" of held people is the dead among them; of people at large it is the killed.
    if (state === 'dead' && family !== 'held people') continue;
    if (state === 'killed' && family === 'held people') continue;
    if (tokens.some((t) => forms.has(t))) return state;
  }
  return null;
}

/** The counted head of `counts` ("captives being dead" -> captives), known to the data or its last noun-phrase word. */
function headOf(tokens: readonly string[]): string | null {
  for (let i = tokens.length - 1; i >= 0; i--) {
    const head = HEAD_OF.get(tokens[i]!);
    if (head) return head;
  }
  const phrase: string[] = [];
  for (const t of tokens) {
    if (PHRASE_END.has(t)) break;
    phrase.push(t);
  }
  return phrase.length > 0 ? phrase[phrase.length - 1]! : null;
}

/** The measures of a record's figures, index for index; null where the figure counts nothing the text names. */
export function measuresOf(record: AnalysisRecord): (FigureMeasure | null)[] {
  const out: (FigureMeasure | null)[] = [];
  let previous: { figure: Figure; head: string; family: string; sentence: number } | null = null;
  for (const figure of record.figures) {
    const sentence = sentenceIndex(record, figure.start);
    const tokens = wordsOf(figure.counts ?? '');
    let head = tokens.length > 0 ? headOf(tokens) : null;
    let family = head ? (FAMILY_OF.get(head) ?? head) : null;
    // "about 24 living hostages … and the bodies of at least 35 others": the second figure counts
    // more of what the first one counts.
    const inherits = tokens.length === 0 || tokens.every((t) => INHERIT.has(t) || !/\p{L}/u.test(t)) || (head !== null && INHERIT.has(head));
    if (inherits && previous && previous.sentence === sentence) {
      head = previous.head;
      family = previous.family;
    }
    if (!head || !family || inherits && !(previous && previous.sentence === sentence)) {
      out.push(null);
      continue;
    }
    const around = record.text.slice(Math.max(0, figure.start - CONTEXT_BEFORE), Math.min(record.text.length, figure.end + CONTEXT_AFTER));
    const state = stateIn(tokens, family) ?? stateIn(wordsOf(around), family);
    const unit = figure.unit ?? 'count';
    const place = placeOf(record, figure, sentence);
    out.push({ family, head, state, definition: state ? `${state} ${head}` : head, unit, place, scope: `${family}|${place ?? ''}|${unit}` });
    previous = { figure, head, family, sentence };
  }
  return out;
}

function sentenceIndex(record: AnalysisRecord, at: number): number {
  let lo = 0;
  let hi = record.sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (record.sentences[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The place a figure is about: the first GPE/LOC mentioned after it in its sentence ("… remain in
 * Gaza"); else one before it that is not the claimant ("Israel estimates that roughly 50 captives
 * remain in the enclave": Israel claims, the place is elsewhere); else the last place of the sentence
 * before, which "the enclave", "the territory" point back to.
 */
function placeOf(record: AnalysisRecord, figure: Figure, sentence: number): string | null {
  const span = record.sentences[sentence];
  if (!span) return null;
  const places = record.entities.filter((e) => e.type === 'GPE' || e.type === 'LOC');
  const mentions = places.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, entity: e })));
  mentions.sort((a, b) => a.start - b.start);
  const inside = mentions.filter((m) => m.start >= span.start && m.end <= span.end);
  const after = inside.find((m) => m.start >= figure.end);
  if (after) return placeName(after.entity.name);
  const claimant = figure.claimant?.entity ?? null;
  const before = inside.filter((m) => m.end <= figure.start && m.entity.id !== claimant).pop();
  if (before) return placeName(before.entity.name);
  const previous = record.sentences[sentence - 1];
  const earlier = previous ? mentions.filter((m) => m.start >= previous.start && m.end <= previous.end).pop() : undefined;
  return earlier ? placeName(earlier.entity.name) : null;
}

const PLACE_SUFFIXES = new RegExp(`\\s+(?:${words.placeSuffixes.join('|')})$`, 'i');

/** A place's name for comparison: "Gaza Strip" and "Gaza" are one place in the news. */
function placeName(name: string): string {
  return name.replace(PLACE_SUFFIXES, '');
}

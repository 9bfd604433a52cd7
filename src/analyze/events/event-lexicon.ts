// The word lists of the events stage, loaded once from data/ as lookup tables by lower-case form:
// trigger words with their type, part of speech and verb form (built from each lemma by a small
// inflection rule unless the data gives irregular forms), multiword triggers, context filters, and
// the words of status and roles. The tense words the times stage keeps (irregular past forms, -ed
// words that are no past tense) are shared from there rather than listed twice.
import type { EventType } from '../../model/layers.ts';
import triggerData from './data/event-triggers.json' with { type: 'json' };
import statusData from './data/status-words.json' with { type: 'json' };
import roleData from './data/role-words.json' with { type: 'json' };
import { NOT_PAST, PAST_WORDS, REGULAR_PAST } from '../times/time-words.ts';

/** A verb form as status reads it: base ("meet"), third person ("meets"), past or participle ("met", "released"), -ing, or a noun. */
export type TriggerForm = 'base' | 's' | 'ed' | 'ing' | 'noun';

/** One reading of a trigger word: its event type, part of speech and form; `lemma` names its filters. */
export interface TriggerReading {
  type: EventType;
  form: TriggerForm;
  lemma: string;
}

/** A multiword trigger ("arrest warrant", "shot dead"), lower-case words as the tokenizer cuts them. */
export interface TriggerPhrase {
  words: readonly string[];
  type: EventType;
  /** Phrases ending in a verb form ("handed over", "shot dead") read as verbs; the others as nouns. */
  form: TriggerForm;
}

/** Context that rules a trigger out; see the `_about` of data/event-triggers.json's filters. */
export interface TriggerFilter {
  notBefore?: ReadonlySet<string>;
  notAfter?: ReadonlySet<string>;
  notObjects?: ReadonlySet<string>;
  requiresBefore?: ReadonlySet<string>;
  requiresAfter?: ReadonlySet<string>;
  nounOnly?: boolean;
  notPassive?: boolean;
}

/** The role a verb's direct object plays: a participant role, or the event's place ("visited Doha"). */
export type ObjectRole = 'patient' | 'with' | 'place';

/** What the data says about one event type beyond its triggers. */
export interface TypeInfo {
  objectRole: ObjectRole;
  nounObject: ReadonlySet<string>;
  personNouns: ReadonlySet<string>;
  /** Whether a place naming the event locates it ("the Gaza ceasefire"). */
  placeFromModifier: boolean;
}

interface TypeEntry {
  verbs: string[];
  nouns: string[];
  phrases: string[][];
  objectRole: string;
  nounObject?: string[];
  personNouns?: string[];
  placeFromModifier?: boolean;
}

const TYPES: Partial<Record<EventType, TypeEntry>> = triggerData.types;
const IRREGULAR = triggerData.irregular as Record<string, Partial<Record<'past' | 'pp' | 'ing' | 's', string[]>>>;

/** The forms of a regular English verb: "negotiate" -> negotiates, negotiated, negotiating; "fly" -> flies, flied (irregular overrides it). */
export function inflect(lemma: string): Record<Exclude<TriggerForm, 'noun'>, string[]> {
  const consonantY = /[^aeiou]y$/.test(lemma);
  const s = consonantY ? `${lemma.slice(0, -1)}ies` : /(?:s|sh|ch|x|z|o)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  const ed = consonantY ? `${lemma.slice(0, -1)}ied` : lemma.endsWith('e') ? `${lemma}d` : `${lemma}ed`;
  const ing = lemma.endsWith('ee') ? `${lemma}ing` : lemma.endsWith('ie') ? `${lemma.slice(0, -2)}ying` : lemma.endsWith('e') ? `${lemma.slice(0, -1)}ing` : `${lemma}ing`;
  const irregular = IRREGULAR[lemma] ?? {};
  return {
    base: [lemma],
    s: irregular.s ?? [s],
    ed: irregular.past || irregular.pp ? [...new Set([...(irregular.past ?? []), ...(irregular.pp ?? [])])] : [ed],
    ing: irregular.ing ?? [ing],
  };
}

function buildReadings(): Map<string, TriggerReading[]> {
  const out = new Map<string, TriggerReading[]>();
  const add = (word: string, reading: TriggerReading) => {
    const list = out.get(word) ?? [];
    if (!list.some((r) => r.type === reading.type && r.form === reading.form)) list.push(reading);
    out.set(word, list);
  };
  for (const [type, entry] of Object.entries(TYPES) as [EventType, TypeEntry][]) {
    for (const lemma of entry.verbs) {
      for (const [form, words] of Object.entries(inflect(lemma)) as [TriggerForm, string[]][]) for (const w of words) add(w, { type, form, lemma });
    }
    for (const noun of entry.nouns) add(noun, { type, form: 'noun', lemma: noun });
  }
  return out;
}

/** Every single-word trigger form, lower case, with its readings (a form may be a noun and a verb: "attack", "meeting"). */
export const TRIGGER_WORDS: ReadonlyMap<string, readonly TriggerReading[]> = buildReadings();

/** Multiword triggers by their first word, longest first. */
export const TRIGGER_PHRASES: ReadonlyMap<string, readonly TriggerPhrase[]> = (() => {
  const out = new Map<string, TriggerPhrase[]>();
  for (const [type, entry] of Object.entries(TYPES) as [EventType, TypeEntry][]) {
    for (const words of entry.phrases) {
      const last = words[words.length - 1]!;
      const verbal = /(?:ed|over|dead|in|with)$/.test(last) || words.some((w) => isPastForm(w));
      const list = out.get(words[0]!) ?? [];
      list.push({ words, type, form: verbal ? 'ed' : 'noun' });
      out.set(words[0]!, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
})();

/** Per type: the role of a verb's object, the prepositions of a noun's patient, the person nouns. */
export const TYPE_INFO: ReadonlyMap<EventType, TypeInfo> = new Map(
  (Object.entries(TYPES) as [EventType, TypeEntry][]).map(([type, e]) => [
    type,
    { objectRole: e.objectRole as ObjectRole, nounObject: new Set(e.nounObject ?? []), personNouns: new Set(e.personNouns ?? []), placeFromModifier: e.placeFromModifier === true },
  ]),
);

/** Heads that add nothing to the trigger before them: "hostage release deal" is a release, "ceasefire deal" a ceasefire. */
export const WEAK_HEADS: ReadonlySet<string> = new Set(triggerData.weakHeads);

/** Context filters by lemma or noun form. */
export const FILTERS: ReadonlyMap<string, TriggerFilter> = new Map(
  Object.entries(triggerData.filters)
    .filter(([key]) => !key.startsWith('_'))
    .map(([key, f]) => {
      const raw = f as Record<string, string[] | boolean>;
      const set = (name: string) => (Array.isArray(raw[name]) ? new Set(raw[name] as string[]) : undefined);
      return [
        key,
        {
          notBefore: set('notBefore'),
          notAfter: set('notAfter'),
          notObjects: set('notObjects'),
          requiresBefore: set('requiresBefore'),
          requiresAfter: set('requiresAfter'),
          nounOnly: raw.nounOnly === true,
          notPassive: raw.notPassive === true,
        } satisfies TriggerFilter,
      ];
    }),
);

/** A status an event can have. */
export type Status = 'happened' | 'ongoing' | 'planned' | 'possible' | 'denied' | 'unknown';
type Governed = Exclude<Status, 'unknown'>;

export const AUXILIARIES: ReadonlySet<string> = new Set(statusData.auxiliaries);
export const POSSIBLE_MODALS: ReadonlySet<string> = new Set(statusData.possibleModals);
export const FUTURE_MODALS: ReadonlySet<string> = new Set(statusData.futureModals);
export const NEGATION: ReadonlySet<string> = new Set(statusData.negation);
export const BE_FORMS: ReadonlySet<string> = new Set(statusData.beForms);
export const PAST_BE_FORMS: ReadonlySet<string> = new Set(statusData.pastBeForms);
export const HAVE_FORMS: ReadonlySet<string> = new Set(statusData.haveForms);
/** Verbs taking a to-infinitive, with the status they give it. */
export const GOVERNORS: ReadonlyMap<string, Governed> = new Map(
  (Object.entries(statusData.governors) as [Governed, string[]][]).flatMap(([status, words]) => words.map((w) => [w, status] as const)),
);
export const DENIAL_VERBS: ReadonlySet<string> = new Set(statusData.denialVerbs);
export const INTENT_VERBS: ReadonlySet<string> = new Set(statusData.intentVerbs);
/** Words before a noun trigger that give its status. */
export const STATUS_MODIFIERS: ReadonlyMap<string, Governed> = new Map(
  (Object.entries(statusData.modifiers) as [Governed, string[]][]).flatMap(([status, words]) => words.map((w) => [w, status] as const)),
);
/** Predicates after a noun's phrase that give its status, by first word, longest first. */
export const STATUS_PREDICATES: ReadonlyMap<string, readonly { words: readonly string[]; status: Governed }[]> = (() => {
  const out = new Map<string, { words: string[]; status: Governed }[]>();
  for (const [status, phrases] of Object.entries(statusData.predicates) as [Governed, string[][]][]) {
    for (const words of phrases) {
      const list = out.get(words[0]!) ?? [];
      list.push({ words, status });
      out.set(words[0]!, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => b.words.length - a.words.length);
  return out;
})();
export const CONDITIONALS: ReadonlySet<string> = new Set(statusData.conditionals);

export const LIGHT_VERBS: ReadonlySet<string> = new Set(roleData.lightVerbs);
export const LIGHT_VERB_PARTICLES: ReadonlySet<string> = new Set(roleData.lightVerbParticles);
export const SUBJECT_ROLE: ReadonlyMap<string, 'agent' | 'patient'> = new Map(Object.entries(roleData.subjectRole) as [string, 'agent' | 'patient'][]);
export const GROUP_NOUNS: ReadonlySet<string> = new Set(roleData.groupNouns);
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set(roleData.clauseBreaks);
export const RELATIVE_BREAKS: ReadonlySet<string> = new Set(roleData.relativeBreaks);
export const AS_BREAK_BEFORE: ReadonlySet<string> = new Set(roleData.asBreakBefore);
export const NOUN_LEADS: ReadonlySet<string> = new Set(roleData.nounLeads);
export const DETERMINERS: ReadonlySet<string> = new Set(roleData.determiners);
export const MEDIATOR_CUES: readonly (readonly string[])[] = roleData.mediatorCues;
export const MEDIATOR_SUFFIXES: readonly string[] = roleData.mediatorSuffixes;
export const STOP_WORDS: ReadonlySet<string> = new Set(roleData.stopWords);
export const PREPOSITIONS: ReadonlySet<string> = new Set(roleData.prepositions);
export const INFINITIVE_PREDICATES: ReadonlySet<string> = new Set(roleData.infinitivePredicates);
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(roleData.subjectPronouns);
export const QUANTITY_LEADS: ReadonlySet<string> = new Set(roleData.quantityLeads);
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(roleData.placePrepositions);
export const DESTINATION_PREPOSITIONS: ReadonlySet<string> = new Set(roleData.destinationPrepositions);
export const AGENT_PREPOSITIONS: ReadonlySet<string> = new Set(roleData.agentPrepositions);
export const COURT_PREPOSITIONS: ReadonlySet<string> = new Set(roleData.courtPrepositions);
export const TOPIC_PREPOSITIONS: ReadonlySet<string> = new Set(roleData.topicPrepositions);
export const SYMMETRIC_PREPOSITIONS: ReadonlySet<string> = new Set(roleData.symmetricPrepositions);
export const WITH_PREPOSITIONS: ReadonlySet<string> = new Set(roleData.withPrepositions);

/** A past tense or past participle: listed irregular forms and regular -ed words that are verbs ("held", "killed"; not "need", "expected"). */
export function isPastForm(lower: string): boolean {
  return PAST_WORDS.has(lower) || (REGULAR_PAST.test(lower) && !NOT_PAST.has(lower)) || lower === 'begun' || lower === 'taken' || lower === 'given';
}

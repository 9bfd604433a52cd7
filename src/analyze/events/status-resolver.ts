// Resolver: an event's status from the tense, aspect and modality of its clause.
//   verbs:  may/might/could, or a clause opened by "if"/"whether" ("It is unclear if Witkoff will
//           meet") -> possible; negation in the verb group ("did not meet"), "refused to", "denied
//           meeting" -> denied; will/would, "is expected to", a purpose infinitive -> planned;
//           be + -ing, "continued to" -> ongoing ("is heading to" is travel still under way: planned);
//           past tense, have + participle -> happened.
//   nouns:  their own modifiers ("ongoing talks", "no talks", "planned visit"), the light verb that
//           carries them ("held talks", "will hold talks", "faces a case"), the verb of intent that
//           governs them ("want this ceasefire"), the event they belong to ("negotiations over a
//           ceasefire": possible), the predicate after their phrase ("negotiations … remain
//           ongoing", "the ceasefire remains in the balance"), and their time against the
//           publication date.
// The tense-word lists are the times stage's (isPastForm); this resolver adds modality and aspect,
// which a time's tense does not need.
import type { EventType } from '../../model/layers.ts';
import type { EventDocument } from './event-document.ts';
import { inTitle } from './event-document.ts';
import {
  BE_FORMS, CONDITIONALS, DENIAL_VERBS, FUTURE_MODALS, GOVERNORS, HAVE_FORMS, INTENT_VERBS, NEGATION, PAST_BE_FORMS,
  POSSIBLE_MODALS, STATUS_MODIFIERS, STATUS_PREDICATES, TYPE_INFO, isPastForm, type Status, type TriggerForm,
} from './event-lexicon.ts';
import type { Clause } from './event-clause.ts';
import type { Premodifiers } from './noun-phrase.ts';
import type { TriggerCandidate } from './trigger-candidate.ts';
import type { Relation } from './governor-resolver.ts';
import type { LightVerb, VerbGroup } from './verb-group.ts';

/** Events whose topics may or may not come about: what is negotiated, proposed, discussed. */
const OPEN_TOPICS = new Set<EventType>(['NEGOTIATE', 'PROPOSAL', 'MEET', 'STATEMENT']);

/** What the status of one trigger is read from. */
export interface StatusInput {
  c: TriggerCandidate;
  clause: Clause;
  /** The verb group before a verb trigger. */
  group: VerbGroup | null;
  premods: Premodifiers | null;
  /** The light verb carrying a noun trigger, its group, or null. */
  light: LightVerb | null;
  governor: { status: Status; type: EventType; relation: Relation } | null;
  /** Where the predicate after a noun's phrase may be read up to: the next event of the clause that is not part of this one. */
  predicateEnd: number;
  time: string | null;
}

/** The status of a trigger. */
export function resolveStatus(doc: EventDocument, input: StatusInput): Status {
  const { c, clause } = input;
  const { words } = doc.index;
  const title = inTitle(doc, c.first);
  if (input.group) {
    if (DENIAL_VERBS.has(words[c.first - 1]?.lower ?? '')) return 'denied';
    return verbStatus(doc, input.group, c.type, c.form, clause, title) ?? statusOfTime(doc, input.time) ?? 'unknown';
  }
  const premods = input.premods!;
  // "denied any talks", "denied holding talks"
  if (premods.lead >= 0 && DENIAL_VERBS.has(words[premods.lead]!.lower)) return 'denied';
  if (input.light && DENIAL_VERBS.has(words[input.light.verb - 1]?.lower ?? '')) return 'denied';
  for (let k = premods.start; k < c.first; k++) {
    const s = STATUS_MODIFIERS.get(words[k]!.lower);
    if (s) return s;
  }
  if (input.light) {
    const lv = words[input.light.verb]!.lower;
    const s = verbStatus(doc, input.light.group, c.type, formOf(lv), clause, title);
    if (s) return s;
    // "Israel also faces a genocide case", "they hold talks": a light verb in the present keeps the event going.
    if (formOf(lv) === 's' || formOf(lv) === 'base') return 'ongoing';
  }
  const lead = premods.lead >= 0 ? words[premods.lead]!.lower : '';
  if (INTENT_VERBS.has(lead) || (lead === 'for' && INTENT_VERBS.has(words[premods.lead - 1]?.lower ?? ''))) return 'planned';
  const g = input.governor;
  if (g) {
    if (g.relation === 'topic' && OPEN_TOPICS.has(g.type)) return 'possible';
    if (g.relation === 'purpose' && (g.status === 'planned' || g.status === 'ongoing' || g.status === 'unknown')) return 'planned';
    if (g.status === 'planned' || g.status === 'possible') return g.status;
  } else if (!input.light) {
    const s = predicateStatus(doc, c.reach + 1, input.predicateEnd);
    // "The new plan would require Hamas to …": a proposal's modal tells its terms, not that it is yet to come.
    if (s && !(c.type === 'PROPOSAL' && (s === 'planned' || s === 'possible'))) return s;
    // "Israeli airstrikes killed 12 people", "the talks went well": the subject of a verb in the past tense took place.
    const next = words[c.reach + 1];
    if (!s && next && c.reach + 1 < clause.to && !next.capital && isPastForm(next.lower)) return 'happened';
  }
  const s = statusOfTime(doc, input.time);
  if (s) return s;
  // "Trump’s nominee": a person named for the event says it took place.
  if (TYPE_INFO.get(c.type)?.personNouns.has(words[c.last]!.lower)) return 'happened';
  return 'unknown';
}

/** The status a verb group gives a verb of form `form`, or null when it says nothing. */
function verbStatus(doc: EventDocument, group: VerbGroup, type: EventType, form: TriggerForm, clause: Clause, title: boolean): Status | null {
  const { words } = doc.index;
  const g = group.words;
  if (g.some((w) => POSSIBLE_MODALS.has(w)) || openQuestion(doc, clause)) return 'possible';
  if (g.some((w) => NEGATION.has(w))) return 'denied';
  const to = g.lastIndexOf('to');
  if (to >= 0) {
    const governor = to > 0 ? g[to - 1]! : (words[group.first - 1]?.lower ?? '');
    const s = GOVERNORS.get(governor);
    if (s) return s;
    return 'planned'; // "is to meet", "want these hostages to be released", a purpose: "… to release the hostages"
  }
  if (g.some((w) => FUTURE_MODALS.has(w))) return 'planned';
  if (form === 'ing') {
    if (type === 'TRAVEL') return 'planned'; // "is heading to Europe": under way, the arrival ahead
    return g.some((w) => BE_FORMS.has(w)) ? 'ongoing' : null;
  }
  if (form === 'ed') {
    if (g.some((w) => HAVE_FORMS.has(w) || PAST_BE_FORMS.has(w))) return 'happened';
    if (g.some((w) => BE_FORMS.has(w))) return title ? 'happened' : null;
    return 'happened';
  }
  if (g.includes('did')) return 'happened';
  // A headline tells what happened in the present tense ("Hamas frees hostages").
  return title ? 'happened' : null;
}

/** Whether the clause is an open question or a condition ("It is unclear if …", "whether …", "if Hamas attacks …"): either way it may or may not come about. */
function openQuestion(doc: EventDocument, clause: Clause): boolean {
  return clause.opener >= 0 && CONDITIONALS.has(doc.index.words[clause.opener]!.lower);
}

/** The status a predicate after a noun's phrase gives it ("remain ongoing", "remains in the balance", "was first reported"), read in `[from, to)`. */
function predicateStatus(doc: EventDocument, from: number, to: number): Status | null {
  const { words } = doc.index;
  for (let j = from; j < to; j++) {
    const phrase = STATUS_PREDICATES.get(words[j]!.lower)?.find((p) => p.words.every((w, k) => j + k < to && words[j + k]!.lower === w));
    if (phrase) return phrase.status;
  }
  return null;
}

/** Happened when the event's time lies before the publication date, planned when after. */
function statusOfTime(doc: EventDocument, time: string | null): Status | null {
  if (!time || !doc.published || !/^\d{4}(?:-\d{2}){0,2}$/.test(time)) return null;
  const published = doc.published.slice(0, time.length);
  return time < published ? 'happened' : time > published ? 'planned' : null;
}

/** The verb form of a light verb, by its spelling. */
function formOf(lower: string): TriggerForm {
  if (isPastForm(lower)) return 'ed';
  if (lower.endsWith('ing')) return 'ing';
  if (lower.endsWith('s') && !lower.endsWith('ss')) return 's';
  return 'base';
}
